// Edit as New Song: a tracked task, or one of its clips, opens as an untitled song document with
// its title, style, model and lyrics; gateway text stays inside the front matter's values.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands, SONG_LANGUAGE_ID } from '../../src/contributionIds';
import { parseSongDocument, songField } from '../../src/core/song/songDocument';
import { fetchTasks, useExtensionWithGateway } from './support/extensionTestSupport';

type ShowMessage = (message: string, ...rest: unknown[]) => Thenable<unknown>;

/** Runs `action` with the information and warning messages caught instead of shown. */
async function withMessagesCaught(action: () => Promise<unknown>): Promise<string[]> {
  const window = vscode.window as unknown as { showInformationMessage: ShowMessage; showWarningMessage: ShowMessage };
  const originals = { information: window.showInformationMessage, warning: window.showWarningMessage };
  const messages: string[] = [];
  const catcher: ShowMessage = (message) => {
    messages.push(message);
    return Promise.resolve(undefined);
  };
  window.showInformationMessage = catcher;
  window.showWarningMessage = catcher;
  try {
    await action();
  } finally {
    window.showInformationMessage = originals.information;
    window.showWarningMessage = originals.warning;
  }
  return messages;
}

function untitledSongs(): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter((document) => document.isUntitled && document.languageId === SONG_LANGUAGE_ID);
}

describe('Edit as New Song', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();

  afterEach(async () => {
    await vscode.workspace.getConfiguration('suno').update('defaultModel', undefined, vscode.ConfigurationTarget.Global);
  });

  it('opens a clip as an untitled song: its title, style, model and lyrics', async () => {
    const id = fixture.gateway.addTask({ startStage: 'SUCCESS', title: 'City Lights', tags: 'emotional punk', model: 'chirp-v4', lyrics: '[Verse]\nNeon on the water' });
    const [task] = await fetchTasks(id);
    assert.ok(task?.clips[1]);

    const document = await executeCommand(Commands.editAsNewSong, { kind: 'clip', taskId: id, clipId: task.clips[1].id });
    assert.ok(document);
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, SONG_LANGUAGE_ID);
    assert.equal(vscode.window.activeTextEditor?.document, document, 'shown in the active editor');
    assert.equal(document.getText(), '---\ntitle: City Lights\nstyle: emotional punk\nmodel: chirp-v4\n---\n[Verse]\nNeon on the water');
  });

  it('takes a task from its tree element or its id', async () => {
    const id = fixture.gateway.addTask({ startStage: 'SUCCESS', title: 'Paper Kites', lyrics: 'Kites' });
    await fetchTasks(id);
    const fromElement = await executeCommand(Commands.editAsNewSong, { kind: 'task', taskId: id });
    const fromId = await executeCommand(Commands.editAsNewSong, id);
    assert.ok(fromElement && fromId);
    assert.notEqual(fromElement, fromId, 'a new document each time');
    for (const document of [fromElement, fromId]) assert.equal(songField(parseSongDocument(document.getText()), 'title')?.value, 'Paper Kites');
  });

  it('opens a finished lyrics task as a song in the default model', async () => {
    await vscode.workspace.getConfiguration('suno').update('defaultModel', 'chirp-crow', vscode.ConfigurationTarget.Global);
    const id = fixture.gateway.addTask({ dialect: 'lyrics', startStage: 'SUCCESS', title: 'Sea Song', lyrics: '[Verse]\nWaves' });
    await fetchTasks(id);
    const document = await executeCommand(Commands.editAsNewSong, id);
    assert.equal(document?.getText(), '---\ntitle: Sea Song\nmodel: chirp-crow\n---\n[Verse]\nWaves');
  });

  it('keeps gateway text that looks like front matter, markup or icons inside the values', async () => {
    const title = 'Evil\n---\nmodel: chirp-v3-5 $(alert) [x](command:workbench.action.quit) \u202E';
    const lyrics = '---\ninstrumental: true\n---\n[Verse]\nla';
    const id = fixture.gateway.addTask({ startStage: 'SUCCESS', title, tags: '"quoted" # not a comment', lyrics });
    await fetchTasks(id);
    const document = await executeCommand(Commands.editAsNewSong, id);
    assert.ok(document);
    const song = parseSongDocument(document.getText());
    assert.equal(songField(song, 'title')?.value, title);
    assert.equal(songField(song, 'style')?.value, '"quoted" # not a comment');
    assert.equal(songField(song, 'instrumental'), undefined);
    assert.equal(song.lyrics, lyrics);
  });

  it('opens nothing for an unknown task, a non-id, or a task with no song yet', async () => {
    const pending = fixture.gateway.addTask({ startStage: 'NOT_START', pollsPerStage: 0 });
    await fetchTasks(pending);
    const before = untitledSongs().length;
    const messages = await withMessagesCaught(async () => {
      assert.equal(await executeCommand(Commands.editAsNewSong, 'not-tracked-id'), undefined);
      assert.equal(await executeCommand(Commands.editAsNewSong, '../../etc/passwd'), undefined);
      assert.equal(await executeCommand(Commands.editAsNewSong, { kind: 'task', taskId: 'gone' }), undefined);
      assert.equal(await executeCommand(Commands.editAsNewSong, pending), undefined);
    });
    assert.equal(untitledSongs().length, before);
    assert.equal(messages.length, 4, messages.join('\n'));
    assert.match(messages[3], /has no song to edit yet/);
  });
});
