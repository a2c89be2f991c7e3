// Hostile input for the shared task store and the polling leases: whatever lies in the global
// storage folder — garbage, a crash's half-written file, a newer version's data, names chosen
// to escape or collide — loads the good tasks, reports the bad ones and overwrites nothing it
// should not.
import * as assert from 'node:assert/strict';
import { hashedFileName } from '../../../src/core/store/fileNames';
import { sha256Hex } from '../../../src/core/store/sha256';
import type { Task } from '../../../src/core/task/model';
import { LEASES_FOLDER, PollingLeases } from '../../../src/core/polling/pollingLease';
import { MemorySharedFiles, type SharedFileEntry } from '../../../src/core/store/sharedFiles';
import { MAX_TASK_FILE_BYTES } from '../../../src/core/store/taskFile';
import { TASKS_FOLDER, TaskStore } from '../../../src/core/store/taskStore';
import { ManualClock } from '../support/manualClock';
import { buildTask } from '../support/taskBuilders';

const GOOD = buildTask({ id: 'good-task-1', status: 'running', progress: 10 });
const NOW = Date.UTC(2025, 0, 1);

function pathOf(id: string): string {
  return `${TASKS_FOLDER}/${hashedFileName(id, sha256Hex)}`;
}

function liveFile(task: Task, trackedAt = NOW): string {
  return JSON.stringify({ version: 2, trackedAt, task });
}

/** Files that record every path read, and can claim a size for one file. */
class WatchedFiles extends MemorySharedFiles {
  readonly readPaths: string[] = [];
  readonly claimedSizes = new Map<string, number>();

  override read(path: string): Promise<string | undefined> {
    this.readPaths.push(path);
    return super.read(path);
  }

  override async list(folder: string): Promise<SharedFileEntry[]> {
    return (await super.list(folder)).map((entry) => ({ ...entry, size: this.claimedSizes.get(entry.name) ?? entry.size }));
  }
}

interface Loaded {
  readonly store: TaskStore;
  readonly files: WatchedFiles;
  readonly problems: string[];
}

/** A window opened on a folder that holds the good task and `path` with `text`. */
async function loadWith(path: string, text: string): Promise<Loaded> {
  const files = new WatchedFiles();
  await files.write(pathOf(GOOD.id), liveFile(GOOD));
  await files.write(path, text);
  const problems: string[] = [];
  const store = new TaskStore({ files, now: () => NOW, onProblem: (message) => problems.push(message) });
  await store.loaded;
  return { store, files, problems };
}

const BAD_ID = 'bad-task-1';
const badPath = pathOf(BAD_ID);

/** Files that must be reported and skipped, leaving the good task loaded. */
const skippedFiles: { name: string; text: string; reason: RegExp }[] = [
  { name: 'garbage bytes', text: '\u0000\u0001garbage\uFFFD', reason: /not complete JSON/ },
  { name: 'an empty file', text: '', reason: /not complete JSON/ },
  { name: 'a file written half-way by a crash', text: liveFile(buildTask({ id: BAD_ID })).slice(0, 60), reason: /not complete JSON/ },
  { name: 'JSON null', text: 'null', reason: /no version/ },
  { name: 'a JSON array', text: '[1,2,3]', reason: /no version/ },
  { name: 'a version that is a string', text: JSON.stringify({ version: '2', trackedAt: NOW, task: GOOD }), reason: /no version/ },
  { name: 'version 1 (never a file format)', text: JSON.stringify({ version: 1, trackedAt: NOW, task: buildTask({ id: BAD_ID }) }), reason: /version 1/ },
  { name: 'version 0', text: JSON.stringify({ version: 0 }), reason: /version 0/ },
  { name: 'a task with an unknown status', text: liveFile(buildTask({ id: BAD_ID, status: 'exploded' as Task['status'] })), reason: /status/ },
  {
    name: 'a task whose audio URL runs script',
    text: liveFile(buildTask({ id: BAD_ID, clips: [{ ...buildTask().clips[0]!, audioUrl: 'javascript:alert(1)' }] })),
    reason: /audioUrl/,
  },
  { name: 'a task with an empty id', text: liveFile(buildTask({ id: '' })), reason: /id/ },
  { name: 'a trackedAt that is not a number', text: JSON.stringify({ version: 2, trackedAt: 'soon', task: buildTask({ id: BAD_ID }) }), reason: /neither a task nor a removal/ },
  { name: 'a removal without an id', text: JSON.stringify({ version: 2, trackedAt: NOW, removedAt: NOW }), reason: /neither a task nor a removal/ },
  { name: 'another task\'s data under this name', text: liveFile(buildTask({ id: 'someone-else' })), reason: /holds task someone-else, whose file has another name/ },
];

describe('Hostile storage: the shared task store', () => {
  for (const { name, text, reason } of skippedFiles) {
    it(`skips and reports ${name}, and loads the good task`, async () => {
      const { store, problems } = await loadWith(badPath, text);
      assert.deepEqual(store.all().map((task) => task.id), [GOOD.id]);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0]!, reason);
    });
  }

  it('skips a huge file without reading it', async () => {
    const files = new WatchedFiles();
    await files.write(pathOf(GOOD.id), liveFile(GOOD));
    await files.write(badPath, liveFile(buildTask({ id: BAD_ID })));
    files.claimedSizes.set(hashedFileName(BAD_ID, sha256Hex), MAX_TASK_FILE_BYTES + 1);
    const problems: string[] = [];
    const store = new TaskStore({ files, now: () => NOW, onProblem: (message) => problems.push(message) });
    await store.loaded;
    assert.deepEqual(store.all().map((task) => task.id), [GOOD.id]);
    assert.equal(files.readPaths.includes(badPath), false);
    assert.match(problems[0]!, /bytes, more than a task can be/);
  });

  it('reports a problem file once, not at every sync', async () => {
    const { store, problems } = await loadWith(badPath, '{"version":');
    await store.sync();
    await store.upsert([buildTask({ id: 'another' })]);
    await store.sync();
    assert.equal(problems.length, 1);
  });

  it('keeps the task it has when another window\'s write of it arrives half-written', async () => {
    const { store, files, problems } = await loadWith(badPath, liveFile(buildTask({ id: BAD_ID, progress: 10 })));
    await files.write(pathOf(GOOD.id), liveFile({ ...GOOD, progress: 90 }).slice(0, 100));
    await files.write('tasks-revision.txt', 'changed');
    await store.sync();
    assert.equal(store.get(GOOD.id)?.progress, GOOD.progress);
    assert.equal(problems.length, 1);
  });

  it('leaves a file written by a newer version untouched, even when the same task is fetched again', async () => {
    const future = JSON.stringify({ version: 3, somethingNew: { id: BAD_ID } });
    const { store, files, problems } = await loadWith(badPath, future);
    assert.match(problems[0]!, /newer version.*left untouched/);
    await store.upsert([buildTask({ id: BAD_ID })]);
    await store.remove([BAD_ID]);
    assert.equal(files.textOf(badPath), future);
    assert.ok(store.all().some((task) => task.id === GOOD.id));
  });

  it('ignores what is not a task file: temporary files, notes, folders of other versions', async () => {
    const { store, problems, files } = await loadWith(`${TASKS_FOLDER}/${hashedFileName(BAD_ID, sha256Hex)}.x1y2.tmp`, liveFile(buildTask({ id: BAD_ID })));
    await files.write(`${TASKS_FOLDER}/README.txt`, 'hello');
    await files.write(`${TASKS_FOLDER}/${'A'.repeat(64)}.json`, liveFile(buildTask({ id: BAD_ID })));
    await files.write('revision.txt', 'x');
    await store.sync();
    assert.deepEqual(store.all().map((task) => task.id), [GOOD.id]);
    assert.deepEqual(problems, []);
  });

  const escapingIds: { label: string; id: string }[] = [
    { label: 'a path out of the folder', id: '../../../../etc/passwd' },
    { label: 'the dot segment ..', id: '..' },
    { label: 'the dot segment .', id: '.' },
    { label: 'a Windows path', id: 'C:\\Windows\\win.ini' },
    { label: 'a slash', id: 'a/b' },
    { label: 'a right-to-left override', id: '\u202egnp.exe' },
    { label: '10,000 characters', id: 'x'.repeat(10_000) },
    { label: 'accents, CJK and an emoji', id: 'tâche-音乐-🎵' },
  ];
  for (const { label, id } of escapingIds) {
    it(`keeps the file of an id with ${label} inside the tasks folder, with a short name`, async () => {
      const files = new MemorySharedFiles();
      const store = new TaskStore({ files, now: () => NOW });
      await store.upsert([buildTask({ id })]);
      const written = files.paths().filter((path) => path !== 'tasks-revision.txt');
      assert.deepEqual(written, [pathOf(id)]);
      assert.match(written[0]!, /^tasks\/[0-9a-f]{64}\.json$/);
      const reloaded = new TaskStore({ files });
      await reloaded.loaded;
      assert.equal(reloaded.get(id)?.id, id);
    });
  }

  it('keeps two ids that differ only by case apart, on any disk', async () => {
    const files = new MemorySharedFiles();
    const store = new TaskStore({ files, now: () => NOW });
    await store.upsert([buildTask({ id: 'ABC-123', title: 'upper' }), buildTask({ id: 'abc-123', title: 'lower' })]);
    const names = files.paths().filter((path) => path.startsWith(`${TASKS_FOLDER}/`));
    assert.equal(new Set(names.map((name) => name.toLowerCase())).size, 2);
    const reloaded = new TaskStore({ files });
    await reloaded.loaded;
    assert.equal(reloaded.get('ABC-123')?.title, 'upper');
    assert.equal(reloaded.get('abc-123')?.title, 'lower');
  });

  it('does not let a task file pollute object prototypes', async () => {
    const text = liveFile(GOOD).replace('"task":{', '"task":{"__proto__":{"polluted":true},');
    const { store } = await loadWith(badPath, text.replace(GOOD.id, BAD_ID));
    assert.ok(store.get(BAD_ID), 'the task itself loads');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((store.get(BAD_ID) as unknown as Record<string, unknown> | undefined)?.polluted, undefined);
  });

  it('does not bring back a task the user just removed when another window writes its poll result', async () => {
    const files = new MemorySharedFiles();
    const here = new TaskStore({ files, now: () => NOW });
    const there = new TaskStore({ files, now: () => NOW });
    await here.upsert([GOOD]);
    await there.sync();
    await here.remove([GOOD.id]);
    await there.upsert([{ ...GOOD, status: 'succeeded', progress: 100 }]);
    await here.sync();
    await there.sync();
    const fresh = new TaskStore({ files });
    await fresh.loaded;
    assert.deepEqual([here.all(), there.all(), fresh.all()], [[], [], []]);
  });
});

describe('Hostile storage: the polling leases', () => {
  const GATEWAY = 'https://api.gpt.ge';
  const leasePath = `${LEASES_FOLDER}/${hashedFileName(GATEWAY, sha256Hex)}`;

  async function beatOver(text: string): Promise<boolean> {
    const clock = new ManualClock();
    const files = new MemorySharedFiles();
    await files.write(leasePath, text);
    const leases = new PollingLeases({ files, holderId: 'me', clock, intervalMs: () => 12_000, wanted: () => [GATEWAY] });
    await leases.heartbeat();
    return leases.holds(GATEWAY);
  }

  const far = Date.UTC(2025, 0, 1) + 60 * 60 * 1000;
  const cases: { name: string; text: string; held: boolean }[] = [
    { name: 'garbage', text: 'not json', held: true },
    { name: 'an empty file', text: '', held: true },
    { name: 'a lease with a holder that is no string', text: JSON.stringify({ version: 1, baseUrl: GATEWAY, holder: 42, expiresAt: far }), held: true },
    { name: 'a lease about another gateway under this one\'s name', text: JSON.stringify({ version: 1, baseUrl: 'https://evil.example', holder: 'other', expiresAt: far }), held: true },
    { name: 'a lease that never expires (Infinity is not JSON)', text: '{"version":1,"baseUrl":"https://api.gpt.ge","holder":"other","expiresAt":1e999}', held: true },
    { name: 'a valid lease of another living window', text: JSON.stringify({ version: 1, baseUrl: GATEWAY, holder: 'other', expiresAt: far }), held: false },
  ];
  for (const { name, text, held } of cases) {
    it(`${held ? 'takes over' : 'respects'} ${name}`, async () => {
      assert.equal(await beatOver(text), held);
    });
  }
});
