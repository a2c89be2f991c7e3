// Download: the files a download writes, their bytes, and that a second download never
// overwrites the first. Options ({ kinds, folder }) skip the pickers, after a confirmation that
// these tests answer by standing in for `showWarningMessage`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DownloadResult } from '../../src/commands/download';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands } from '../../src/contributionIds';
import { rendersIcon, rendersLink, visible } from '../unit/support/workbenchMarkup';
import { EXTENSION_ID, fetchTasks, useExtensionWithGateway } from './support/extensionTestSupport';

const LYRICS = '[Verse]\nLamplight on the harbour\n\n[Chorus]\nHold on';

async function download(argument: unknown, options: unknown): Promise<DownloadResult | undefined> {
  return executeCommand(Commands.download, argument, options);
}

async function gatewayBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `GET ${url}`);
  return Buffer.from(await response.arrayBuffer());
}

interface Confirmations {
  /** The modal questions asked, in order. */
  readonly asked: string[];
  /** The button the "user" presses; undefined closes the dialog. */
  answer: string | undefined;
  restore(): void;
}

/** Answers modal warnings (the confirmation of a scripted download) instead of a person. */
function answerModalWarnings(answer: string | undefined): Confirmations {
  const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showWarningMessage;
  const confirmations: Confirmations = {
    asked: [],
    answer,
    restore: () => {
      window.showWarningMessage = original;
    },
  };
  window.showWarningMessage = (message: unknown, ...rest: unknown[]) => {
    const options = rest[0];
    if (typeof options === 'object' && options !== null && (options as vscode.MessageOptions).modal === true) {
      confirmations.asked.push(String(message));
      return Promise.resolve(confirmations.answer);
    }
    return original.call(vscode.window, message, ...rest);
  };
  return confirmations;
}

describe('Download', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();
  let folder: string;
  let confirmations: Confirmations;

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'suno-download-'));
    confirmations = answerModalWarnings('Download');
  });

  afterEach(async () => {
    confirmations.restore();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('writes the audio, cover and lyrics of every clip, with the gateway’s bytes', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', lyrics: LYRICS, startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    assert.equal(task.clips.length, 2);

    const result = await download(id, { kinds: ['audio', 'cover', 'lyrics'], folder });
    assert.ok(result);
    assert.equal(result.cancelled, false);
    assert.deepEqual(result.failed, []);
    assert.deepEqual(result.files.map((file) => path.basename(file)).sort(), [
      'Harbour Lights - 1 - cover.png',
      'Harbour Lights - 1.wav',
      'Harbour Lights - 2 - cover.png',
      'Harbour Lights - 2.wav',
      'Harbour Lights - lyrics.txt',
    ]);
    assert.ok(result.files.every((file) => path.dirname(file) === folder));

    for (const [index, clip] of task.clips.entries()) {
      assert.ok(clip.audioUrl);
      const written = await fs.readFile(path.join(folder, `Harbour Lights - ${index + 1}.wav`));
      assert.ok(written.equals(await gatewayBytes(clip.audioUrl)), `clip ${index + 1}'s audio is the gateway's WAV`);
      assert.equal(written.subarray(0, 4).toString('ascii'), 'RIFF');
    }
    assert.equal(await fs.readFile(path.join(folder, 'Harbour Lights - lyrics.txt'), 'utf8'), `${LYRICS}\n`);
  });

  it('never overwrites: a second download gets new names and leaves the first files alone', async () => {
    const id = fixture.gateway.addTask({ title: 'Paper Kites', startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    const clip = { kind: 'clip', taskId: id, clipId: task.clips[0].id };

    const first = await download(clip, { kinds: ['audio'], folder });
    assert.deepEqual(first?.files.map((file) => path.basename(file)), ['Paper Kites - 1.wav']);
    // Mark the first file so that an overwrite would show.
    await fs.writeFile(path.join(folder, 'Paper Kites - 1.wav'), 'keep me');

    const second = await download(clip, { kinds: ['audio'], folder });
    assert.deepEqual(second?.files.map((file) => path.basename(file)), ['Paper Kites - 1 (2).wav']);
    const third = await download(clip, { kinds: ['audio'], folder });
    assert.deepEqual(third?.files.map((file) => path.basename(file)), ['Paper Kites - 1 (3).wav']);

    assert.equal(await fs.readFile(path.join(folder, 'Paper Kites - 1.wav'), 'utf8'), 'keep me');
    assert.deepEqual((await fs.readdir(folder)).sort(), ['Paper Kites - 1 (2).wav', 'Paper Kites - 1 (3).wav', 'Paper Kites - 1.wav']);
  });

  it('reports a failed file and leaves no partial file behind', async () => {
    const id = fixture.gateway.addTask({ title: 'Neon Rain', startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    assert.ok(task.clips[0].videoUrl, 'the gateway names a video URL');

    // The local gateway renders no video: its video URLs answer 404.
    const result = await download({ kind: 'clip', taskId: id, clipId: task.clips[0].id }, { kinds: ['video', 'audio'], folder });
    assert.ok(result);
    assert.deepEqual(result.failed.map((failure) => failure.kind), ['video']);
    assert.match(result.failed[0].reason, /404/);
    assert.deepEqual(result.files.map((file) => path.basename(file)), ['Neon Rain - 1.wav']);
    assert.deepEqual(await fs.readdir(folder), ['Neon Rain - 1.wav']);
  });

  it('skips audio that is still streaming, saying why', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', startStage: 'IN_PROGRESS', pollsPerStage: 10_000 });
    const [task] = await fetchTasks(id);
    const streaming = task.clips.filter((clip) => clip.isStreaming);
    assert.ok(streaming.length > 0, 'the clips are streaming');

    const result = await download({ kind: 'clip', taskId: id, clipId: streaming[0].id }, { kinds: ['audio'], folder });
    assert.ok(result);
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.skipped.map((skip) => [skip.kind, skip.reason]), [['audio', 'the audio is still streaming']]);
    assert.deepEqual(await fs.readdir(folder), []);
  });

  it('refuses malformed options without writing anything', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', startStage: 'SUCCESS' });
    await fetchTasks(id);
    assert.equal(await download(id, { kinds: ['everything'], folder }), undefined);
    assert.equal(await download(id, { kinds: ['audio'], folder: 42 }), undefined);
    assert.deepEqual(await fs.readdir(folder), []);
  });

  it('asks before writing into a folder named by a caller, and writes nothing when refused', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', lyrics: LYRICS, startStage: 'SUCCESS' });
    await fetchTasks(id);
    confirmations.answer = undefined;

    const refused = await download(id, { kinds: ['audio', 'lyrics'], folder });
    assert.equal(refused, undefined);
    assert.deepEqual(confirmations.asked, [`Save the audio and the lyrics of "Harbour Lights" into ${folder}?`]);
    assert.deepEqual(await fs.readdir(folder), []);

    // A tree element from outside the views is asked about just the same: it is the options that
    // skip the pickers.
    confirmations.answer = 'Download';
    const accepted = await download({ kind: 'task', taskId: id }, { kinds: ['lyrics'], folder });
    assert.equal(confirmations.asked.length, 2);
    assert.deepEqual(accepted?.files.map((file) => path.basename(file)), ['Harbour Lights - lyrics.txt']);
  });

  it('gives up on a server that stops sending, saying so, and leaves no file', async () => {
    const id = fixture.gateway.addTask({ title: 'Still Water', startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    fixture.gateway.setMediaFault({ kind: 'stall', afterBytes: 1000 });

    // The test clock shortens the 30 s idle timeout as it shortens the poll interval.
    const result = await download({ kind: 'clip', taskId: id, clipId: task.clips[0].id }, { kinds: ['audio'], folder });
    assert.ok(result);
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.failed.map((failure) => failure.kind), ['audio']);
    assert.match(result.failed[0].reason, /^no data arrived for 30 s; gave up \(http:\/\/127\.0\.0\.1:\d+\/media\/.+\.wav\)$/);
    assert.deepEqual(await fs.readdir(folder), []);
  });

  it('refuses a file larger than the cap, saying so, and leaves no file', async () => {
    const id = fixture.gateway.addTask({ title: 'Deep Ocean', startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    fixture.gateway.setMediaFault({ kind: 'oversized', announcedBytes: 5_000_000_000 });

    const result = await download({ kind: 'clip', taskId: id, clipId: task.clips[0].id }, { kinds: ['audio'], folder });
    assert.ok(result);
    assert.deepEqual(result.files, []);
    assert.match(result.failed[0]?.reason ?? '', /^the file is 5 GB, more than the 1 GB a download may be/);
    assert.deepEqual(await fs.readdir(folder), []);
  });

  it('writes under a hidden temporary name and gives the final name only to the complete file', async function () {
    this.timeout(60_000);
    const id = fixture.gateway.addTask({ title: 'Slow Boat', startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    // A real-time idle timeout (30 s), so the stalled download is still there to be looked at.
    await vscode.workspace.getConfiguration('suno').update('pollIntervalSeconds', 5, vscode.ConfigurationTarget.Global);
    fixture.gateway.setMediaFault({ kind: 'stall', afterBytes: 1000 });

    const pending = download({ kind: 'clip', taskId: id, clipId: task.clips[0].id }, { kinds: ['audio'], folder });
    let names: string[] = [];
    for (let tries = 0; tries < 400 && names.length === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      names = await fs.readdir(folder);
    }
    assert.equal(names.length, 1, 'one file while the download runs');
    assert.match(names[0], /^\.suno-download-[0-9a-f]{12}\.part$/);

    // The server goes away mid-file.
    await fixture.gateway.close();
    const result = await pending;
    assert.deepEqual(result?.files, []);
    assert.equal(result?.failed.length, 1);
    assert.deepEqual(await fs.readdir(folder), [], 'the failed download removed its temporary file');
  });

  it('keeps suno.downloadFolder to the machine: a workspace cannot set it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const setting = (extension?.packageJSON as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } })
      .contributes.configuration.properties['suno.downloadFolder'];
    assert.equal(setting.scope, 'machine');
    await assert.rejects(
      Promise.resolve(vscode.workspace.getConfiguration('suno').update('downloadFolder', folder, vscode.ConfigurationTarget.Workspace)),
    );
    assert.equal(vscode.workspace.getConfiguration('suno').inspect('downloadFolder')?.workspaceValue, undefined);
  });

  it('takes the selection VS Code passes from a multi-select tree as coming from the views, not as options', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', startStage: 'SUCCESS' });
    await fetchTasks(id);
    const element = { kind: 'task', taskId: id };
    const window = vscode.window as { showQuickPick: (...args: unknown[]) => Thenable<unknown> };
    const original = window.showQuickPick;
    const pickers: string[] = [];
    window.showQuickPick = (_items: unknown, options?: unknown) => {
      pickers.push(String((options as vscode.QuickPickOptions | undefined)?.title));
      return Promise.resolve(undefined);
    };
    try {
      // A context-menu command on several selected rows gets (focused row, selected rows).
      const result = await download(element, [element, { kind: 'task', taskId: id }]);
      assert.equal(result, undefined, 'the picker was cancelled');
    } finally {
      window.showQuickPick = original;
    }
    assert.deepEqual(pickers, ['Download "Harbour Lights"'], 'the kinds picker was offered');
    assert.deepEqual(confirmations.asked, []);
  });

  it('shows a hostile title and folder name in its confirmation, progress and result as text', async () => {
    const id = fixture.gateway.addTask({ title: 'Hit [click](command:suno.clearApiKey) $(alert) \u202Eevil', lyrics: LYRICS, startStage: 'SUCCESS' });
    await fetchTasks(id);
    const hostileFolder = path.join(folder, '[x](command:suno.clearApiKey) $(zap)');
    const window = vscode.window as {
      withProgress: (...args: unknown[]) => Thenable<unknown>;
      showInformationMessage: (...args: unknown[]) => Thenable<unknown>;
    };
    const originals = { withProgress: window.withProgress, showInformationMessage: window.showInformationMessage };
    const shown: string[] = [];
    window.withProgress = (options: unknown, task: unknown) => {
      shown.push(String((options as vscode.ProgressOptions).title));
      const progress = { report: (value: { message?: string }) => (value.message === undefined ? undefined : shown.push(value.message)) };
      return (task as (p: typeof progress, token: vscode.CancellationToken) => Thenable<unknown>)(progress, new vscode.CancellationTokenSource().token);
    };
    window.showInformationMessage = (message: unknown) => {
      shown.push(String(message));
      return Promise.resolve(undefined);
    };
    let result: DownloadResult | undefined;
    try {
      result = await download(id, { kinds: ['lyrics'], folder: hostileFolder });
    } finally {
      Object.assign(window, originals);
    }
    assert.equal(result?.files.length, 1, 'the lyrics were saved');
    const messages = [...confirmations.asked, ...shown];
    assert.equal(messages.length, 4, `confirmation, progress title, progress message, result: ${JSON.stringify(messages)}`);
    for (const message of messages) {
      assert.equal(rendersLink(message), false, `would render a link: ${JSON.stringify(message)}`);
      assert.equal(rendersIcon(message), false, `would render an icon: ${JSON.stringify(message)}`);
      assert.doesNotMatch(message, /\u202E/, `keeps a bidi override: ${JSON.stringify(message)}`);
    }
    assert.match(visible(messages[0]), /\[x\]\(command:suno\.clearApiKey\) \$\(zap\)\?$/, 'the folder reads as it is named');
    assert.match(visible(messages[3]), /^Saved "Hit \[click\]\(command-suno\.clearApiKey\) \$\(alert\) evil - lyrics\.txt" to /);
  });
});
