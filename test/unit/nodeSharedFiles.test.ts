import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TaskStore } from '../../src/core/store/taskStore';
import { NodeSharedFiles } from '../../src/storage/nodeSharedFiles';
import { buildTask } from './support/taskBuilders';

describe('NodeSharedFiles: the shared folder on disk', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'suno-shared-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes, lists, reads and deletes files in folders it creates', async () => {
    const files = new NodeSharedFiles(root);
    assert.deepEqual(await files.list('tasks'), [], 'a missing folder is empty');
    assert.equal(await files.read('tasks/a.json'), undefined);
    await files.write('tasks/a.json', '{"x":1}');
    const [entry] = await files.list('tasks');
    assert.equal(entry?.name, 'a.json');
    assert.equal(entry?.size, 7);
    assert.equal(await files.read('tasks/a.json'), '{"x":1}');
    await files.delete('tasks/a.json');
    await files.delete('tasks/a.json');
    assert.deepEqual(await files.list('tasks'), []);
    assert.deepEqual(await readdir(path.join(root, 'tasks')), [], 'no temporary file is left behind');
  });

  it('never lets a reader find the file missing or half-written while another replaces it', async () => {
    const writer = new NodeSharedFiles(root);
    const reader = new NodeSharedFiles(root);
    const texts = ['a'.repeat(50_000), 'b'.repeat(70_000)];
    await writer.write('lease.json', texts[0]!);
    let writing = true;
    const writes = (async () => {
      for (let i = 0; i < 200; i++) await writer.write('lease.json', texts[i % 2]!);
      writing = false;
    })();
    let reads = 0;
    while (writing) {
      const text = await reader.read('lease.json');
      assert.ok(text === texts[0] || text === texts[1], `read ${text === undefined ? 'no file' : `${text.length} characters`}`);
      reads++;
    }
    await writes;
    assert.ok(reads > 0);
  });

  it('shares tasks between two windows on one folder', async () => {
    const left = new TaskStore({ files: new NodeSharedFiles(root) });
    const right = new TaskStore({ files: new NodeSharedFiles(root) });
    await Promise.all([left.loaded, right.loaded]);
    await left.upsert([buildTask({ id: 'a', status: 'running' })]);
    await right.sync();
    assert.equal(right.get('a')?.status, 'running');
    await right.remove(['a']);
    await left.sync();
    assert.equal(left.get('a'), undefined);
  });
});
