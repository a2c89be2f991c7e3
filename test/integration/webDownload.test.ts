// Download as the browser entry runs it (commands/webDownload.ts): each file where the save
// dialog says, written through vscode.workspace.fs, with the gateway's bytes; a file that cannot
// be fetched is offered in the browser. The handler is called directly with the extension's
// services: this extension host is Node's, whose entry registers the disk download instead.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DownloadResult } from '../../src/commands/download';
import { downloadHandler } from '../../src/commands/webDownload';
import { catchMessages, standInFor } from './support/stubbedWindow';
import { fetchTasks, useExtensionWithGateway } from './support/extensionTestSupport';

const LYRICS = '[Verse]\nLanterns over water\n\n[Chorus]\nCarry me home';

type SaveDialog = (options?: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined>;

/** Answers the save dialogs with `answer(options)` until restored; notes each dialog's title. */
function answerSaveDialogs(answer: (options: vscode.SaveDialogOptions | undefined) => vscode.Uri | undefined): { titles: string[]; restore(): void } {
  const window = vscode.window as { showSaveDialog: SaveDialog };
  const original = window.showSaveDialog;
  const titles: string[] = [];
  window.showSaveDialog = (options) => {
    titles.push(options?.title ?? '');
    return Promise.resolve(answer(options));
  };
  return { titles, restore: () => (window.showSaveDialog = original) };
}

async function gatewayBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `GET ${url}`);
  return Buffer.from(await response.arrayBuffer());
}

describe('Download in the browser', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();
  let folder: string;
  const restorers: (() => void)[] = [];

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'suno-web-download-'));
  });

  afterEach(async () => {
    for (const restore of restorers.splice(0).reverse()) restore();
    await fs.rm(folder, { recursive: true, force: true });
  });

  function download(argument: unknown): Promise<DownloadResult | undefined> {
    return Promise.resolve(downloadHandler(fixture.api.services)(argument));
  }

  /** Picks `kinds` in the quick pick (its rows name them in the display language) and catches the messages shown. */
  function pickKinds(kinds: readonly string[]): ReturnType<typeof catchMessages>['messages'] {
    const { messages, standIns } = catchMessages();
    type KindItem = vscode.QuickPickItem & { readonly downloadKind: string };
    restorers.push(
      standInFor({
        ...standIns,
        showQuickPick: ((items: readonly KindItem[]) => Promise.resolve(items.filter((item) => kinds.includes(item.downloadKind)))) as never,
      }),
    );
    return messages;
  }

  it('saves each file where the save dialog says, with the gateway’s bytes', async () => {
    const id = fixture.gateway.addTask({ title: 'Lanterns', lyrics: LYRICS, startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    const clip = task.clips[0];
    assert.ok(clip.audioUrl);
    pickKinds(['audio', 'lyrics']);
    const dialogs = answerSaveDialogs((options) => vscode.Uri.file(path.join(folder, `saved-${path.basename(options?.defaultUri?.path ?? 'untitled')}`)));
    restorers.push(dialogs.restore);

    const result = await download({ kind: 'clip', taskId: id, clipId: clip.id });
    assert.ok(result);
    assert.equal(result.cancelled, false);
    assert.deepEqual(result.failed, []);
    assert.equal(dialogs.titles.length, 2);
    const written = (await fs.readdir(folder)).sort();
    assert.equal(written.length, 2, written.join(', '));
    const audio = written.find((name) => name.endsWith('.wav'));
    const lyrics = written.find((name) => name.endsWith('.txt'));
    assert.ok(audio && lyrics, written.join(', '));
    assert.ok((await fs.readFile(path.join(folder, audio))).equals(await gatewayBytes(clip.audioUrl)));
    assert.match(await fs.readFile(path.join(folder, lyrics), 'utf8'), /Lanterns over water/);
    assert.deepEqual([...result.files].sort(), written.map((name) => vscode.Uri.file(path.join(folder, name)).toString()).sort());
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const id = fixture.gateway.addTask({ title: 'Unsaved', startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    pickKinds(['audio']);
    const dialogs = answerSaveDialogs(() => undefined);
    restorers.push(dialogs.restore);

    const result = await download({ kind: 'clip', taskId: id, clipId: task.clips[0].id });
    assert.equal(result?.cancelled, true);
    assert.deepEqual(result?.files, []);
    assert.deepEqual(await fs.readdir(folder), []);
  });

  /** Answers every save dialog with a file of its suggested name in the test's folder. */
  function saveUnderSuggestedNames(): void {
    const dialogs = answerSaveDialogs((options) => vscode.Uri.file(path.join(folder, path.basename(options?.defaultUri?.path ?? 'untitled'))));
    restorers.push(dialogs.restore);
  }

  it('names the file it saved when another of the same download failed', async () => {
    const id = fixture.gateway.addTask({ title: 'Half Saved', lyrics: LYRICS, startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    const messages = pickKinds(['audio', 'lyrics']);
    saveUnderSuggestedNames();
    // The audio announces more bytes than a download may be: it fails, the lyrics are saved.
    fixture.gateway.setMediaFault({ kind: 'oversized' });

    const result = await download({ kind: 'clip', taskId: id, clipId: task.clips[0].id });
    assert.deepEqual(result?.failed.map((failure) => failure.kind), ['audio']);
    assert.equal(result?.files.length, 1);
    assert.match(result?.files[0] ?? '', /\.txt$/);
    assert.deepEqual(messages.information, ['Saved the lyrics of "Half Saved".']);
  });

  it('says which files it skipped and why, next to what it saved', async () => {
    const id = fixture.gateway.addTask({ title: 'Half Streamed', startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    // Clips finish one at a time: the second one's audio is still streaming.
    const [finished, streaming] = task.clips;
    await fixture.api.services.store.upsert([{ ...task, clips: [finished, { ...streaming, isStreaming: true }] }]);
    const messages = pickKinds(['audio']);
    saveUnderSuggestedNames();

    const result = await download(id);
    assert.deepEqual(result?.skipped.map((skip) => [skip.kind, skip.clipId]), [['audio', streaming.id]]);
    assert.equal(result?.files.length, 1);
    assert.deepEqual(messages.information, ['Saved the audio of "Half Streamed" — skipped: Audio (the audio is still streaming).']);
  });

  it('says which files it skipped and why when it saved none', async () => {
    const id = fixture.gateway.addTask({ title: 'Nothing Yet', startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    const [finished, streaming] = task.clips;
    await fixture.api.services.store.upsert([{ ...task, clips: [finished, { ...streaming, isStreaming: true }] }]);
    const messages = pickKinds(['audio']);
    saveUnderSuggestedNames();
    fixture.gateway.setMediaFault({ kind: 'oversized' });

    const result = await download(id);
    assert.deepEqual(result?.failed.map((failure) => failure.kind), ['audio']);
    assert.deepEqual(result?.files, []);
    assert.equal(messages.warning.length, 1, 'the failed audio is offered in the browser');
    assert.deepEqual(messages.information, ['Nothing was downloaded — skipped: Audio (the audio is still streaming).']);
  });

  it('offers a file it cannot fetch in the browser, and writes nothing for it', async () => {
    const id = fixture.gateway.addTask({ title: 'No Video', startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    assert.ok(task.clips[0].videoUrl, 'the gateway names a video URL');
    const messages = pickKinds(['video']);
    const dialogs = answerSaveDialogs(() => vscode.Uri.file(path.join(folder, 'video.mp4')));
    restorers.push(dialogs.restore);

    // The local gateway renders no video: its video URLs answer 404.
    const result = await download({ kind: 'clip', taskId: id, clipId: task.clips[0].id });
    assert.deepEqual(result?.failed.map((failure) => failure.kind), ['video']);
    assert.match(result?.failed[0]?.reason ?? '', /404/);
    assert.deepEqual(await fs.readdir(folder), []);
    assert.equal(messages.warning.length, 1);
    assert.match(messages.warning[0] ?? '', /Open it in the browser/);
  });
});
