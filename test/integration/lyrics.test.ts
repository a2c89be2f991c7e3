// Lyrics as documents: the read-only suno-lyrics: document (title, content, language, updates),
// its outline and folding, and the editable copy.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands, LYRICS_LANGUAGE_ID, LYRICS_SCHEME } from '../../src/contributionIds';
import { fetchTasks, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

const LYRICS = [
  '[Verse]', //        0
  'Lamplight on the harbour', // 1
  'Ropes that creak and sway', // 2
  '', //               3
  '[Chorus]', //       4
  'Hold on (hold on)', // 5
  '', //               6
  '[Verse 2]', //      7
  'Gulls above the breakwater', // 8
].join('\n');

function lyricsEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.uri.scheme === LYRICS_SCHEME ? editor : undefined;
}

describe('Lyrics documents', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();

  it('opens a clip’s lyrics read-only, titled with the song, in the Suno Lyrics language', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', lyrics: LYRICS, startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);

    await executeCommand(Commands.openLyrics, id);
    const editor = await waitFor('the lyrics editor', lyricsEditor);
    const { document } = editor;
    assert.equal(document.uri.path, '/Harbour Lights.lyrics');
    const query = new URLSearchParams(document.uri.query);
    assert.equal(query.get('task'), id);
    assert.equal(query.get('clip'), task.clips[0].id);
    assert.equal(document.getText(), LYRICS);
    await waitFor('the Suno Lyrics language', () => lyricsEditor()?.document.languageId === LYRICS_LANGUAGE_ID);
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'Harbour Lights.lyrics');
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.isPreview, false, 'opened as a real tab, not a preview');
    assert.equal(document.isUntitled, false);
  });

  it('numbers the second clip’s document and keeps / and ? out of the path', async () => {
    const id = fixture.gateway.addTask({ title: 'AC/DC? Live', lyrics: LYRICS, startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);

    await executeCommand(Commands.openLyrics, { kind: 'clip', taskId: id, clipId: task.clips[1].id });
    const editor = await waitFor('the lyrics editor', lyricsEditor);
    assert.equal(editor.document.uri.path, '/AC-DC Live - 2.lyrics');
    assert.equal(new URLSearchParams(editor.document.uri.query).get('clip'), task.clips[1].id);
    assert.equal(editor.document.getText(), LYRICS);
  });

  it('lists the sections in the outline and folds them', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', lyrics: LYRICS, startStage: 'SUCCESS' });
    await fetchTasks(id);
    await executeCommand(Commands.openLyrics, id);
    const { document } = await waitFor('the lyrics editor', lyricsEditor);
    await waitFor('the Suno Lyrics language', () => lyricsEditor()?.document.languageId === LYRICS_LANGUAGE_ID);

    const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(
      found.map((symbol) => [symbol.name, symbol.range.start.line, symbol.range.end.line, symbol.detail]),
      [
        ['Verse', 0, 2, 'Lamplight on the harbour'],
        ['Chorus', 4, 5, 'Hold on (hold on)'],
        ['Verse 2', 7, 8, 'Gulls above the breakwater'],
      ],
    );

    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.deepEqual(
      ranges.map((range) => [range.start, range.end]),
      [
        [0, 2],
        [4, 5],
        [7, 8],
      ],
    );
  });

  it('updates an open document when the task changes', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', lyrics: LYRICS, startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    await executeCommand(Commands.openLyrics, id);
    const { document } = await waitFor('the lyrics editor', lyricsEditor);

    const revised = `${LYRICS}\n\n[Outro]\nHome at last`;
    await fixture.api.services.store.upsert([{ ...task, clips: task.clips.map((clip) => ({ ...clip, lyrics: revised })) }]);
    await waitFor('the revised lyrics', () => document.getText() === revised);
  });

  it('shows a lyrics task’s own text', async () => {
    const id = fixture.gateway.addTask({ dialect: 'lyrics', title: 'Morning Tram', lyrics: LYRICS, startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    assert.equal(task.action, 'lyrics');

    await executeCommand(Commands.openLyrics, id);
    const editor = await waitFor('the lyrics editor', lyricsEditor);
    assert.equal(editor.document.uri.path, '/Morning Tram.lyrics');
    assert.equal(editor.document.getText(), LYRICS);
  });

  it('copies the lyrics into an untitled, editable Suno Lyrics document', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', lyrics: LYRICS, startStage: 'SUCCESS' });
    await fetchTasks(id);

    const copy = await executeCommand(Commands.copyLyricsToEditor, id);
    assert.ok(copy, 'the command returns the new document');
    assert.equal(copy.isUntitled, true);
    assert.equal(copy.languageId, LYRICS_LANGUAGE_ID);
    assert.equal(copy.getText(), LYRICS);
    const editor = await waitFor('the copy in the active editor', () =>
      vscode.window.activeTextEditor?.document === copy ? vscode.window.activeTextEditor : undefined,
    );
    const edited = await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '[Intro]\n'));
    assert.equal(edited, true, 'the copy can be edited');
    assert.ok(copy.getText().startsWith('[Intro]\n[Verse]'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('copies the lyrics document that is open, from its URI', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', lyrics: LYRICS, startStage: 'SUCCESS' });
    await fetchTasks(id);
    await executeCommand(Commands.openLyrics, id);
    const { document } = await waitFor('the lyrics editor', lyricsEditor);

    const copy = await executeCommand(Commands.copyLyricsToEditor, document.uri);
    assert.equal(copy?.getText(), LYRICS);
    assert.equal(copy?.isUntitled, true);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
