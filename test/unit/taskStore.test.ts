import * as assert from 'node:assert/strict';
import { MemoryStorage, type KeyValueStorage } from '../../src/core/keyValueStorage';
import type { Task } from '../../src/core/model';
import { TASK_STORE_KEY, TASK_STORE_VERSION, TaskStore, type TaskStoreChange } from '../../src/core/taskStore';

const BASE = 'https://api.gpt.ge';

function task(id: string, overrides: Partial<Task> = {}): Task {
  return {
    id,
    baseUrl: BASE,
    action: 'music',
    title: `Song ${id}`,
    status: 'running',
    rawStatus: 'IN_PROGRESS',
    progress: 40,
    failReason: null,
    submittedAt: '2025-01-01T00:00:00.000Z',
    startedAt: '2025-01-01T00:00:05.000Z',
    finishedAt: null,
    clips: [
      {
        id: `${id}-clip`,
        title: `Song ${id}`,
        status: 'running',
        rawStatus: 'streaming',
        audioUrl: `https://audiopipe.suno.ai/?item_id=${id}-clip`,
        videoUrl: null,
        imageUrl: 'https://cdn2.suno.ai/image.jpeg',
        imageLargeUrl: null,
        durationSeconds: null,
        tags: 'pop',
        model: 'chirp-v4',
        lyrics: '[Verse]\nla la',
        description: null,
        createdAt: '2025-01-01T00:00:01.000Z',
        errorMessage: null,
        isStreaming: true,
      },
    ],
    lyrics: null,
    fetchedAt: '2025-01-01T00:01:00.000Z',
    ...overrides,
  };
}

function record(store: TaskStore): TaskStoreChange[] {
  const changes: TaskStoreChange[] = [];
  store.onDidChange((change) => changes.push(change));
  return changes;
}

function ids(tasks: readonly Task[]): string[] {
  return tasks.map((t) => t.id);
}

/** A storage whose writes finish only when the test says so, to make writes overlap. */
class GatedStorage implements KeyValueStorage {
  readonly inner = new MemoryStorage();
  readonly pending: { value: unknown; release: () => void }[] = [];
  writesStarted = 0;
  maxConcurrentWrites = 0;
  private concurrent = 0;

  get(key: string): unknown {
    return this.inner.get(key);
  }

  update(key: string, value: unknown): Promise<void> {
    this.writesStarted++;
    this.concurrent++;
    this.maxConcurrentWrites = Math.max(this.maxConcurrentWrites, this.concurrent);
    const snapshot = JSON.parse(JSON.stringify(value)) as unknown;
    return new Promise<void>((resolve) => {
      this.pending.push({
        value: snapshot,
        release: () => {
          this.concurrent--;
          void this.inner.update(key, snapshot).then(resolve);
        },
      });
    });
  }
}

async function tick(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('TaskStore', () => {
  describe('tracking', () => {
    it('starts empty when nothing is stored', () => {
      const store = new TaskStore(new MemoryStorage());
      assert.deepEqual(store.all(), []);
      assert.equal(store.get('a'), undefined);
    });

    it('lists the newest tracked first and keeps a re-fetched task in its place', async () => {
      const store = new TaskStore(new MemoryStorage());
      await store.upsert([task('a')]);
      await store.upsert([task('b')]);
      await store.upsert([task('c'), task('d')]);
      assert.deepEqual(ids(store.all()), ['c', 'd', 'b', 'a']);

      await store.upsert([task('a', { status: 'succeeded', progress: 100 })]);
      assert.deepEqual(ids(store.all()), ['c', 'd', 'b', 'a']);
      assert.equal(store.get('a')?.status, 'succeeded');
    });

    it('lists only unfinished tasks as unfinished, in the same order', async () => {
      const store = new TaskStore(new MemoryStorage());
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
      const store = new TaskStore(new MemoryStorage());
      await store.upsert([task('a'), task('b')]);
      store.all().reverse();
      store.all().pop();
      assert.deepEqual(ids(store.all()), ['a', 'b']);
    });

    it('keeps the last snapshot when one upsert names a task twice', async () => {
      const store = new TaskStore(new MemoryStorage());
      await store.upsert([task('a', { progress: 10 }), task('a', { progress: 90 })]);
      assert.equal(store.all().length, 1);
      assert.equal(store.get('a')?.progress, 90);
    });
  });

  describe('change events', () => {
    it('names new tasks and tasks whose content changed, and nothing else', async () => {
      const store = new TaskStore(new MemoryStorage());
      await store.upsert([task('a'), task('b'), task('c')]);
      const changes = record(store);

      await store.upsert([task('a'), task('b', { progress: 80 }), task('d')]);
      assert.deepEqual(changes, [{ changed: ['b', 'd'], removed: [] }]);
    });

    it('notices a change deep inside a clip', async () => {
      const store = new TaskStore(new MemoryStorage());
      const original = task('a');
      await store.upsert([original]);
      const changes = record(store);

      const clip = { ...original.clips[0]!, audioUrl: 'https://cdn1.suno.ai/a-clip.mp3', isStreaming: false };
      await store.upsert([{ ...original, clips: [clip] }]);
      assert.deepEqual(changes, [{ changed: ['a'], removed: [] }]);
    });

    it('fires nothing when only fetchedAt moved, but remembers the newer fetchedAt', async () => {
      const storage = new MemoryStorage();
      const store = new TaskStore(storage);
      await store.upsert([task('a')]);
      const changes = record(store);
      const saved = JSON.stringify(storage.get(TASK_STORE_KEY));

      await store.upsert([task('a', { fetchedAt: '2025-01-01T00:09:00.000Z' })]);
      assert.deepEqual(changes, []);
      assert.equal(store.get('a')?.fetchedAt, '2025-01-01T00:09:00.000Z');
      // No write for a fetchedAt-only refresh: polling unchanged tasks must not churn storage.
      assert.equal(JSON.stringify(storage.get(TASK_STORE_KEY)), saved);
    });

    it('fires nothing for an empty upsert or removing unknown ids', async () => {
      const store = new TaskStore(new MemoryStorage());
      await store.upsert([task('a')]);
      const changes = record(store);
      await store.upsert([]);
      await store.remove(['zzz']);
      await store.remove([]);
      assert.deepEqual(changes, []);
      assert.deepEqual(ids(store.all()), ['a']);
    });

    it('names exactly the removed tasks', async () => {
      const store = new TaskStore(new MemoryStorage());
      await store.upsert([task('a'), task('b'), task('c')]);
      const changes = record(store);
      await store.remove(['c', 'a', 'nope']);
      assert.deepEqual(changes, [{ changed: [], removed: ['a', 'c'] }]);
      assert.deepEqual(ids(store.all()), ['b']);
    });

    it('updates memory before firing, so listeners read the new state', async () => {
      const store = new TaskStore(new MemoryStorage());
      let seen: string | undefined;
      store.onDidChange(() => {
        seen = store.get('a')?.status;
      });
      await store.upsert([task('a', { status: 'failed' })]);
      assert.equal(seen, 'failed');
    });
  });

  describe('persistence', () => {
    it('round-trips through storage in the versioned format, newest first', async () => {
      const storage = new MemoryStorage();
      const store = new TaskStore(storage);
      await store.upsert([task('a')]);
      await store.upsert([task('b', { status: 'succeeded', action: 'lyrics', lyrics: 'words', clips: [] })]);

      const saved = storage.get(TASK_STORE_KEY) as { version: number; tasks: Task[] };
      assert.equal(saved.version, TASK_STORE_VERSION);
      assert.equal(saved.version, 1);
      assert.deepEqual(ids(saved.tasks), ['b', 'a']);

      const problems: string[] = [];
      const reloaded = new TaskStore(storage, { onProblem: (message) => problems.push(message) });
      assert.deepEqual(reloaded.all(), store.all());
      assert.deepEqual(problems, []);
    });

    it('persists removals', async () => {
      const storage = new MemoryStorage();
      const store = new TaskStore(storage);
      await store.upsert([task('a'), task('b')]);
      await store.remove(['a']);
      assert.deepEqual(ids(new TaskStore(storage).all()), ['b']);
    });

    it('saves a newer fetchedAt together with the next real change', async () => {
      const storage = new MemoryStorage();
      const store = new TaskStore(storage);
      await store.upsert([task('a'), task('b')]);
      await store.upsert([task('a', { fetchedAt: '2025-01-01T00:05:00.000Z' })]);
      await store.upsert([task('b', { progress: 99 })]);
      assert.equal(new TaskStore(storage).get('a')?.fetchedAt, '2025-01-01T00:05:00.000Z');
    });

    it('skips a corrupt entry with a report and loads the others', () => {
      const broken = { ...task('bad'), status: 'exploded' };
      const storage = new MemoryStorage({
        [TASK_STORE_KEY]: { version: 1, tasks: [task('a'), broken, 42, task('b')] },
      });
      const problems: string[] = [];
      const store = new TaskStore(storage, { onProblem: (message) => problems.push(message) });

      assert.deepEqual(ids(store.all()), ['a', 'b']);
      assert.equal(problems.length, 2);
      assert.match(problems[0]!, /entry 2 \(task bad\).*status/);
      assert.match(problems[1]!, /entry 3\b/);
    });

    it('skips an entry in an older shape (a bare id, missing fields) with a report', () => {
      const { fetchedAt: _dropped, ...withoutFetchedAt } = task('old');
      const storage = new MemoryStorage({
        [TASK_STORE_KEY]: { version: 1, tasks: ['legacy-id', withoutFetchedAt, task('a')] },
      });
      const problems: string[] = [];
      const store = new TaskStore(storage, { onProblem: (message) => problems.push(message) });

      assert.deepEqual(ids(store.all()), ['a']);
      assert.equal(problems.length, 2);
      assert.match(problems[0]!, /bare id "legacy-id"/);
      assert.match(problems[1]!, /task old.*fetchedAt/);
    });

    it('refuses stored URLs that are not http(s)', () => {
      const original = task('a');
      const clip = { ...original.clips[0]!, audioUrl: 'javascript:alert(1)' };
      const storage = new MemoryStorage({ [TASK_STORE_KEY]: { version: 1, tasks: [{ ...original, clips: [clip] }] } });
      const problems: string[] = [];
      const store = new TaskStore(storage, { onProblem: (message) => problems.push(message) });
      assert.deepEqual(store.all(), []);
      assert.match(problems[0]!, /audioUrl/);
    });

    it('keeps the first of two entries with the same id and reports the second', () => {
      const storage = new MemoryStorage({
        [TASK_STORE_KEY]: { version: 1, tasks: [task('a', { progress: 1 }), task('a', { progress: 2 })] },
      });
      const problems: string[] = [];
      const store = new TaskStore(storage, { onProblem: (message) => problems.push(message) });
      assert.equal(store.all().length, 1);
      assert.equal(store.get('a')?.progress, 1);
      assert.match(problems[0]!, /entry 2 .*twice/);
    });

    it('drops skipped entries only with the next write, after reporting them', async () => {
      const storage = new MemoryStorage({ [TASK_STORE_KEY]: { version: 1, tasks: [task('a'), 'junk'] } });
      const store = new TaskStore(storage, { onProblem: () => undefined });
      assert.equal((storage.get(TASK_STORE_KEY) as { tasks: unknown[] }).tasks.length, 2);
      await store.upsert([task('b')]);
      assert.deepEqual(storage.get(TASK_STORE_KEY), { version: 1, tasks: [task('b'), task('a')] });
    });

    it('reports a newer store version and never overwrites it', async () => {
      const future = { version: 2, tasks: [{ id: 'x', shape: 'from the future' }], extra: true };
      const storage = new MemoryStorage({ [TASK_STORE_KEY]: future });
      const problems: string[] = [];
      const store = new TaskStore(storage, { onProblem: (message) => problems.push(message) });

      assert.deepEqual(store.all(), []);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /version 2.*newer.*left untouched/);

      // The session still works in memory…
      const changes = record(store);
      await store.upsert([task('a')]);
      assert.deepEqual(ids(store.all()), ['a']);
      assert.deepEqual(changes, [{ changed: ['a'], removed: [] }]);
      await store.remove(['a']);
      // …but the newer build's data is exactly as it was.
      assert.deepEqual(storage.get(TASK_STORE_KEY), future);
      assert.equal(problems.length, 1);
    });

    it('reports a stored value that is not a task list and leaves it untouched', async () => {
      const storage = new MemoryStorage({ [TASK_STORE_KEY]: [task('a')] });
      const problems: string[] = [];
      const store = new TaskStore(storage, { onProblem: (message) => problems.push(message) });
      assert.deepEqual(store.all(), []);
      assert.match(problems[0]!, /not a task list/);
      await store.upsert([task('b')]);
      assert.deepEqual(storage.get(TASK_STORE_KEY), [task('a')]);
    });
  });

  describe('concurrent writes', () => {
    it('loses no update when upserts race, and never writes twice at once', async () => {
      const storage = new GatedStorage();
      const store = new TaskStore(storage);

      const first = store.upsert([task('a')]);
      await tick();
      assert.equal(storage.writesStarted, 1);
      // These arrive while the first write is still running: they must wait, then be saved.
      const second = store.upsert([task('b')]);
      const third = store.upsert([task('c')]);
      const fourth = store.remove(['a']);
      await tick();
      assert.equal(storage.writesStarted, 1, 'a second write started while the first was running');

      storage.pending[0]!.release();
      await first;
      await tick();
      // The three later changes were coalesced into one write of the whole state.
      assert.equal(storage.writesStarted, 2);
      storage.pending[1]!.release();
      await Promise.all([second, third, fourth]);

      assert.equal(storage.maxConcurrentWrites, 1);
      assert.deepEqual(ids((storage.get(TASK_STORE_KEY) as { tasks: Task[] }).tasks), ['c', 'b']);
      assert.deepEqual(ids(new TaskStore(storage).all()), ['c', 'b']);
    });

    it('keeps every task when upserts start together without awaiting each other', async () => {
      const storage = new MemoryStorage();
      const store = new TaskStore(storage);
      await Promise.all([store.upsert([task('a')]), store.upsert([task('b')]), store.upsert([task('a', { progress: 77 })])]);
      const reloaded = new TaskStore(storage);
      assert.deepEqual(ids(reloaded.all()), ['b', 'a']);
      assert.equal(reloaded.get('a')?.progress, 77);
    });

    it('rejects and reports a failed write, and saves everything with the next one', async () => {
      let fail = true;
      const inner = new MemoryStorage();
      const storage: KeyValueStorage = {
        get: (key) => inner.get(key),
        update: (key, value) => (fail ? Promise.reject(new Error('disk full')) : inner.update(key, value)),
      };
      const problems: string[] = [];
      const store = new TaskStore(storage, { onProblem: (message) => problems.push(message) });

      await assert.rejects(store.upsert([task('a')]), /disk full/);
      assert.match(problems[0]!, /Could not save.*disk full/);
      assert.deepEqual(ids(store.all()), ['a']);

      fail = false;
      await store.upsert([task('b')]);
      assert.deepEqual(ids(new TaskStore(storage).all()), ['b', 'a']);
    });
  });
});
