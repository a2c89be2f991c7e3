import * as assert from 'node:assert/strict';
import { MemoryStorage } from '../../src/core/store/keyValueStorage';
import { TASK_STORE_KEY } from '../../src/core/store/legacyTaskList';
import type { Task } from '../../src/core/task/model';
import { MemorySharedFiles, type SharedFiles } from '../../src/core/store/sharedFiles';
import { TASKS_FOLDER, TaskStore, type TaskStoreChange, type TaskStoreOptions } from '../../src/core/store/taskStore';
import { buildClip, buildTask } from './support/taskBuilders';

const BASE = 'https://api.gpt.ge';

function task(id: string, overrides: Partial<Task> = {}): Task {
  return buildTask({
    id,
    baseUrl: BASE,
    title: `Song ${id}`,
    status: 'running',
    rawStatus: 'IN_PROGRESS',
    progress: 40,
    submittedAt: '2025-01-01T00:00:00.000Z',
    startedAt: '2025-01-01T00:00:05.000Z',
    clips: [
      buildClip({
        id: `${id}-clip`,
        title: `Song ${id}`,
        status: 'running',
        rawStatus: 'streaming',
        audioUrl: `https://audiopipe.suno.ai/?item_id=${id}-clip`,
        imageUrl: 'https://cdn2.suno.ai/image.jpeg',
        tags: 'pop',
        model: 'chirp-v4',
        lyrics: '[Verse]\nla la',
        createdAt: '2025-01-01T00:00:01.000Z',
        isStreaming: true,
      }),
    ],
    fetchedAt: '2025-01-01T00:01:00.000Z',
    ...overrides,
  });
}

function record(store: TaskStore): TaskStoreChange[] {
  const changes: TaskStoreChange[] = [];
  store.onDidChange((change) => changes.push(change));
  return changes;
}

function ids(tasks: readonly Task[]): string[] {
  return tasks.map((t) => t.id);
}

/** Shared files whose writes finish only when the test says so, to make writes overlap. */
class GatedFiles extends MemorySharedFiles {
  readonly pending: { path: string; release: () => void }[] = [];
  writesStarted = 0;
  maxConcurrentWrites = 0;
  private concurrent = 0;

  override write(path: string, text: string): Promise<void> {
    this.writesStarted++;
    this.concurrent++;
    this.maxConcurrentWrites = Math.max(this.maxConcurrentWrites, this.concurrent);
    return new Promise<void>((resolve) => {
      this.pending.push({
        path,
        release: () => {
          this.concurrent--;
          void super.write(path, text).then(resolve);
        },
      });
    });
  }

  /** Waits for a write to start, then releases every write started so far. */
  async releaseAll(): Promise<void> {
    await until(() => this.pending.length > 0);
    for (const write of this.pending.splice(0)) write.release();
    await tick();
  }
}

async function tick(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Waits until `condition` holds: file names are hashed off the main thread, so a tick may not be enough. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A store over `files`, loaded. */
async function open(files: SharedFiles = new MemorySharedFiles(), options: Omit<TaskStoreOptions, 'files'> = {}): Promise<TaskStore> {
  const store = new TaskStore({ files, ...options });
  await store.loaded;
  return store;
}

/** The ids a fresh window over `files` would list. */
async function idsIn(files: SharedFiles): Promise<string[]> {
  return ids((await open(files)).all());
}

describe('TaskStore', () => {
  describe('tracking', () => {
    it('starts empty when nothing is stored', async () => {
      const store = await open();
      assert.deepEqual(store.all(), []);
      assert.equal(store.get('a'), undefined);
    });

    it('lists the newest tracked first and keeps a re-fetched task in its place', async () => {
      const store = await open();
      await store.upsert([task('a')]);
      await store.upsert([task('b')]);
      await store.upsert([task('c'), task('d')]);
      assert.deepEqual(ids(store.all()), ['c', 'd', 'b', 'a']);

      await store.upsert([task('a', { status: 'succeeded', progress: 100 })]);
      assert.deepEqual(ids(store.all()), ['c', 'd', 'b', 'a']);
      assert.equal(store.get('a')?.status, 'succeeded');
    });

    it('lists only unfinished tasks as unfinished, in the same order', async () => {
      const store = await open();
      await store.upsert([
        task('a'),
        task('b', { status: 'succeeded' }),
        task('c', { status: 'failed' }),
        task('d', { status: 'unknown' }),
        task('e', { status: 'pending' }),
      ]);
      assert.deepEqual(ids(store.unfinished()), ['a', 'd', 'e']);
    });

    it('returns copies of its list, so callers cannot reorder the store', async () => {
      const store = await open();
      await store.upsert([task('a'), task('b')]);
      store.all().reverse();
      store.all().pop();
      assert.deepEqual(ids(store.all()), ['a', 'b']);
    });

    it('keeps the last snapshot when one upsert names a task twice', async () => {
      const store = await open();
      await store.upsert([task('a', { progress: 10 }), task('a', { progress: 90 })]);
      assert.equal(store.all().length, 1);
      assert.equal(store.get('a')?.progress, 90);
    });
  });

  describe('change events', () => {
    it('names new tasks and tasks whose content changed, and nothing else', async () => {
      const store = await open();
      await store.upsert([task('a'), task('b'), task('c')]);
      const changes = record(store);

      await store.upsert([task('a'), task('b', { progress: 80 }), task('d')]);
      assert.deepEqual(changes, [{ changed: ['b', 'd'], removed: [] }]);
    });

    it('notices a change deep inside a clip', async () => {
      const store = await open();
      const original = task('a');
      await store.upsert([original]);
      const changes = record(store);

      const clip = { ...original.clips[0]!, audioUrl: 'https://cdn1.suno.ai/a-clip.mp3', isStreaming: false };
      await store.upsert([{ ...original, clips: [clip] }]);
      assert.deepEqual(changes, [{ changed: ['a'], removed: [] }]);
    });

    it('fires nothing when only fetchedAt moved, but remembers the newer fetchedAt', async () => {
      const files = new GatedFiles();
      const store = new TaskStore({ files });
      const saved = store.upsert([task('a')]);
      await files.releaseAll();
      await files.releaseAll();
      await saved;
      const changes = record(store);
      const writesBefore = files.writesStarted;

      await store.upsert([task('a', { fetchedAt: '2025-01-01T00:09:00.000Z' })]);
      assert.deepEqual(changes, []);
      assert.equal(store.get('a')?.fetchedAt, '2025-01-01T00:09:00.000Z');
      // No write for a fetchedAt-only refresh: polling unchanged tasks must not churn storage.
      await tick();
      assert.equal(files.writesStarted, writesBefore);
    });

    it('fires nothing for an empty upsert or removing unknown ids', async () => {
      const store = await open();
      await store.upsert([task('a')]);
      const changes = record(store);
      await store.upsert([]);
      await store.remove(['zzz']);
      await store.remove([]);
      assert.deepEqual(changes, []);
      assert.deepEqual(ids(store.all()), ['a']);
    });

    it('names exactly the removed tasks', async () => {
      const store = await open();
      await store.upsert([task('a'), task('b'), task('c')]);
      const changes = record(store);
      await store.remove(['c', 'a', 'nope']);
      assert.deepEqual(changes, [{ changed: [], removed: ['a', 'c'] }]);
      assert.deepEqual(ids(store.all()), ['b']);
    });

    it('updates memory before firing, so listeners read the new state', async () => {
      const store = await open();
      let seen: string | undefined;
      store.onDidChange(() => {
        seen = store.get('a')?.status;
      });
      await store.upsert([task('a', { status: 'failed' })]);
      assert.equal(seen, 'failed');
    });
  });

  describe('persistence', () => {
    it('keeps one file per task, in the versioned format, and lists them newest first after a reload', async () => {
      const files = new MemorySharedFiles();
      const store = await open(files);
      await store.upsert([task('a')]);
      await store.upsert([task('b', { status: 'succeeded', action: 'lyrics', lyrics: 'words', clips: [] })]);

      const taskFiles = files.paths().filter((path) => path.startsWith(`${TASKS_FOLDER}/`));
      assert.equal(taskFiles.length, 2);
      for (const path of taskFiles) {
        assert.match(path, /^tasks\/[0-9a-f]{64}\.json$/);
        const saved = JSON.parse((await files.read(path))!) as { version: number; task: Task };
        assert.equal(saved.version, 2);
      }

      const problems: string[] = [];
      const reloaded = await open(files, { onProblem: (message) => problems.push(message) });
      assert.deepEqual(reloaded.all(), store.all());
      assert.deepEqual(ids(reloaded.all()), ['b', 'a']);
      assert.deepEqual(problems, []);
    });

    it('writes only the task that changed', async () => {
      const files = new GatedFiles();
      const store = new TaskStore({ files });
      const first = store.upsert([task('a'), task('b'), task('c')]);
      await files.releaseAll();
      await files.releaseAll();
      await first;

      const update = store.upsert([task('b', { progress: 99 })]);
      await until(() => files.pending.length > 0);
      const written = files.pending.map((write) => write.path);
      await files.releaseAll();
      await files.releaseAll();
      await update;
      const bFile = files.paths().find((path) => path.startsWith('tasks/') && files.textOf(path)!.includes('"progress":99'));
      assert.deepEqual(written, [bFile]);
    });

    it('persists removals', async () => {
      const files = new MemorySharedFiles();
      const store = await open(files);
      await store.upsert([task('a'), task('b')]);
      await store.remove(['a']);
      assert.deepEqual(await idsIn(files), ['b']);
    });

    it('saves a newer fetchedAt together with the next real change of that task', async () => {
      const files = new MemorySharedFiles();
      const store = await open(files);
      await store.upsert([task('a'), task('b')]);
      await store.upsert([task('a', { fetchedAt: '2025-01-01T00:05:00.000Z' })]);
      await store.upsert([task('a', { progress: 99, fetchedAt: '2025-01-01T00:06:00.000Z' })]);
      assert.equal((await open(files)).get('a')?.fetchedAt, '2025-01-01T00:06:00.000Z');
    });
  });

  describe('moving the globalState list of older versions', () => {
    it('moves every task once, newest first, and leaves the old list where it was', async () => {
      const legacyValue = { version: 1, tasks: [task('c'), task('b'), task('a')] };
      const legacy = new MemoryStorage({ [TASK_STORE_KEY]: legacyValue });
      const files = new MemorySharedFiles();
      const store = await open(files, { legacy });
      assert.deepEqual(ids(store.all()), ['c', 'b', 'a']);
      assert.deepEqual(store.get('b'), task('b'));
      // A downgrade still finds the list it knows.
      assert.deepEqual(legacy.get(TASK_STORE_KEY), legacyValue);
      assert.deepEqual(await idsIn(files), ['c', 'b', 'a']);
    });

    it('does not move the list again, so a task removed since stays removed', async () => {
      const legacy = new MemoryStorage({ [TASK_STORE_KEY]: { version: 1, tasks: [task('b'), task('a')] } });
      const files = new MemorySharedFiles();
      const first = await open(files, { legacy });
      await first.remove(['a']);

      const nextStart = await open(files, { legacy });
      assert.deepEqual(ids(nextStart.all()), ['b']);
    });

    it('announces the moved tasks as a change, so the tree and the poller see them', async () => {
      const legacy = new MemoryStorage({ [TASK_STORE_KEY]: { version: 1, tasks: [task('a')] } });
      const store = new TaskStore({ files: new MemorySharedFiles(), legacy });
      const changes = record(store);
      await store.loaded;
      assert.deepEqual(changes, [{ changed: ['a'], removed: [] }]);
    });

    it('never overwrites a task another window has moved or changed already', async () => {
      const legacy = new MemoryStorage({ [TASK_STORE_KEY]: { version: 1, tasks: [task('a', { progress: 1 })] } });
      const files = new MemorySharedFiles();
      const other = await open(files);
      await other.upsert([task('a', { progress: 77 })]);
      const store = await open(files, { legacy });
      assert.equal(store.get('a')?.progress, 77);
    });

    it('skips a corrupt entry with a report and moves the others', async () => {
      const broken = { ...task('bad'), status: 'exploded' };
      const legacy = new MemoryStorage({ [TASK_STORE_KEY]: { version: 1, tasks: [task('a'), broken, 42, task('b')] } });
      const problems: string[] = [];
      const store = await open(new MemorySharedFiles(), { legacy, onProblem: (message) => problems.push(message) });

      assert.deepEqual(ids(store.all()), ['a', 'b']);
      assert.equal(problems.length, 2);
      assert.match(problems[0]!, /entry 2 \(task bad\).*status/);
      assert.match(problems[1]!, /entry 3\b/);
    });

    it('skips an entry in an older shape (a bare id, missing fields) with a report', async () => {
      const { fetchedAt: _dropped, ...withoutFetchedAt } = task('old');
      const legacy = new MemoryStorage({ [TASK_STORE_KEY]: { version: 1, tasks: ['legacy-id', withoutFetchedAt, task('a')] } });
      const problems: string[] = [];
      const store = await open(new MemorySharedFiles(), { legacy, onProblem: (message) => problems.push(message) });

      assert.deepEqual(ids(store.all()), ['a']);
      assert.equal(problems.length, 2);
      assert.match(problems[0]!, /bare id "legacy-id"/);
      assert.match(problems[1]!, /task old.*fetchedAt/);
    });

    it('refuses stored URLs that are not http(s)', async () => {
      const original = task('a');
      const clip = { ...original.clips[0]!, audioUrl: 'javascript:alert(1)' };
      const legacy = new MemoryStorage({ [TASK_STORE_KEY]: { version: 1, tasks: [{ ...original, clips: [clip] }] } });
      const problems: string[] = [];
      const store = await open(new MemorySharedFiles(), { legacy, onProblem: (message) => problems.push(message) });
      assert.deepEqual(store.all(), []);
      assert.match(problems[0]!, /audioUrl/);
    });

    it('keeps the first of two entries with the same id and reports the second', async () => {
      const legacy = new MemoryStorage({ [TASK_STORE_KEY]: { version: 1, tasks: [task('a', { progress: 1 }), task('a', { progress: 2 })] } });
      const problems: string[] = [];
      const store = await open(new MemorySharedFiles(), { legacy, onProblem: (message) => problems.push(message) });
      assert.equal(store.all().length, 1);
      assert.equal(store.get('a')?.progress, 1);
      assert.match(problems[0]!, /entry 2 .*twice/);
    });

    it('reports a list written by a newer version, leaves it untouched, and still works', async () => {
      const future = { version: 2, tasks: [{ id: 'x', shape: 'from the future' }], extra: true };
      const legacy = new MemoryStorage({ [TASK_STORE_KEY]: future });
      const problems: string[] = [];
      const files = new MemorySharedFiles();
      const store = await open(files, { legacy, onProblem: (message) => problems.push(message) });

      assert.deepEqual(store.all(), []);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /version 2.*newer.*left untouched/);

      const changes = record(store);
      await store.upsert([task('a')]);
      assert.deepEqual(changes, [{ changed: ['a'], removed: [] }]);
      assert.deepEqual(await idsIn(files), ['a']);
      assert.deepEqual(legacy.get(TASK_STORE_KEY), future);
    });

    it('reports a stored value that is not a task list and leaves it untouched', async () => {
      const legacy = new MemoryStorage({ [TASK_STORE_KEY]: [task('a')] });
      const problems: string[] = [];
      const store = await open(new MemorySharedFiles(), { legacy, onProblem: (message) => problems.push(message) });
      assert.deepEqual(store.all(), []);
      assert.match(problems[0]!, /not a task list/);
      await store.upsert([task('b')]);
      assert.deepEqual(legacy.get(TASK_STORE_KEY), [task('a')]);
    });
  });

  describe('concurrent writes', () => {
    it('loses no update when upserts race, and never runs two writes at once', async () => {
      const files = new GatedFiles();
      const store = new TaskStore({ files });
      await store.loaded;

      const first = store.upsert([task('a')]);
      await until(() => files.writesStarted === 1);
      // These arrive while the first write is still running: they must wait, then be saved.
      const second = store.upsert([task('b')]);
      const third = store.upsert([task('c')]);
      const fourth = store.remove(['a']);
      await tick();
      assert.equal(files.writesStarted, 1, 'a second write started while the first was running');

      await files.releaseAll(); // a's file
      await files.releaseAll(); // the revision
      await first;
      // The three later changes were coalesced into one write of b, c and a's removal.
      assert.equal(files.pending.length, 3);
      while (files.pending.length > 0) await files.releaseAll();
      await Promise.all([second, third, fourth]);

      assert.deepEqual(await idsIn(files), ['c', 'b']);
    });

    it('keeps every task when upserts start together without awaiting each other', async () => {
      const files = new MemorySharedFiles();
      const store = await open(files);
      await Promise.all([store.upsert([task('a')]), store.upsert([task('b')]), store.upsert([task('a', { progress: 77 })])]);
      const reloaded = await open(files);
      assert.deepEqual(ids(reloaded.all()), ['b', 'a']);
      assert.equal(reloaded.get('a')?.progress, 77);
    });

    it('rejects and reports a failed write, and saves everything with the next one', async () => {
      let fail = true;
      class FailingFiles extends MemorySharedFiles {
        override write(path: string, text: string): Promise<void> {
          return fail ? Promise.reject(new Error('disk full')) : super.write(path, text);
        }
      }
      const files = new FailingFiles();
      const problems: string[] = [];
      const store = await open(files, { onProblem: (message) => problems.push(message) });

      await assert.rejects(store.upsert([task('a')]), /disk full/);
      assert.match(problems[0]!, /Could not save.*disk full/);
      assert.deepEqual(ids(store.all()), ['a']);

      fail = false;
      await store.upsert([task('b')]);
      assert.deepEqual(await idsIn(files), ['b', 'a']);
    });
  });
});
