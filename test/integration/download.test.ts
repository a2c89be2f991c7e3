// Download: the files a download writes, their bytes, and that a second download never
// overwrites the first. Options ({ kinds, folder }) skip the pickers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DownloadResult } from '../../src/commands/download';
import { fetchTasks, useExtensionWithGateway } from './extensionTestSupport';

const LYRICS = '[Verse]\nLamplight on the harbour\n\n[Chorus]\nHold on';

async function download(argument: unknown, options: unknown): Promise<DownloadResult | undefined> {
  return vscode.commands.executeCommand<DownloadResult | undefined>('suno.download', argument, options);
}

async function gatewayBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `GET ${url}`);
  return Buffer.from(await response.arrayBuffer());
}

describe('Download', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();
  let folder: string;

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'suno-download-'));
  });

  afterEach(async () => {
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
});
