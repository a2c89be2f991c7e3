// Two windows, one truth: two stores over one shared folder, as two VS Code windows of one
// machine have. Each test syncs by hand where the extension's timer would.
import * as assert from 'node:assert/strict';
import { hashedFileName } from '../../src/core/store/fileNames';
import { sha256Hex } from '../../src/core/store/sha256';
import type { Task } from '../../src/core/task/model';
import { MemorySharedFiles, type SharedFileEntry } from '../../src/core/store/sharedFiles';
import { REMOVAL_MARKER_LIFETIME_MS, TASKS_FOLDER, TaskStore, type TaskStoreChange } from '../../src/core/store/taskStore';
import { buildTask } from './support/taskBuilders';

function task(id: string, overrides: Partial<Task> = {}): Task {
  return buildTask({ id, status: 'running', progress: 10, ...overrides });
}

function ids(store: TaskStore): string[] {
  return store.all().map((t) => t.id);
}

function record(store: TaskStore): TaskStoreChange[] {
  const changes: TaskStoreChange[] = [];
  store.onDidChange((change) => changes.push(change));
  return changes;
}

/** Counts what a store asks of the folder. */
class CountingFiles extends MemorySharedFiles {
  reads = 0;
  lists = 0;

  override read(path: string): Promise<string | undefined> {
    this.reads++;
    return super.read(path);
  }

  override list(folder: string): Promise<SharedFileEntry[]> {
    this.lists++;
    return super.list(folder);
  }
}

interface Machine {
  readonly files: CountingFiles;
  /** A new window's store, loaded; `now` is the machine's wall clock. */
  window(): Promise<TaskStore>;
  clock: number;
}

function machine(): Machine {
  const files = new CountingFiles();
  const result: Machine = {
    files,
    clock: Date.UTC(2025, 0, 1),
    async window() {
      const store = new TaskStore({ files, now: () => result.clock });
      await store.loaded;
      return store;
    },
  };
  return result;
}

function taskPath(id: string): string {
  return `${TASKS_FOLDER}/${hashedFileName(id, sha256Hex)}`;
}

describe('TaskStore shared by two windows', () => {
  it('shows a task added in one window in the other after a sync, as a change event', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    const changes = record(right);

    await left.upsert([task('a')]);
    assert.deepEqual(ids(right), [], 'nothing before the sync');
    await right.sync();
    assert.deepEqual(ids(right), ['a']);
    assert.deepEqual(right.get('a'), left.get('a'));
    assert.deepEqual(changes, [{ changed: ['a'], removed: [] }]);
  });

  it('relinks the origins of the tasks named that still name a saved untitled song, in this window and the others', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    const submitted = { documentUri: 'untitled:Untitled-1', action: 'generateSong', submittedAt: m.clock };
    const elsewhere = { ...submitted, documentUri: 'untitled:Untitled-2' };
    // "d" came from the other window's Untitled-1: another document with the same name.
    await left.upsert([task('a'), task('b'), task('c'), task('d')], new Map([['a', submitted], ['b', submitted], ['c', elsewhere], ['d', submitted]]));
    await right.sync();
    const leftChanges = record(left);
    const rightChanges = record(right);

    await left.relinkOrigins(['a', 'b', 'c', 'a', 'gone'], 'untitled:Untitled-1', 'file:///songs/Night%20Train.suno');
    for (const id of ['a', 'b']) assert.equal(left.origin(id)?.documentUri, 'file:///songs/Night%20Train.suno');
    assert.deepEqual(left.origin('c'), elsewhere, 'a task from another document keeps its link');
    assert.deepEqual(left.origin('d'), submitted, 'a task not named keeps its link');
    assert.deepEqual(leftChanges.map((change) => [...change.changed].sort()), [['a', 'b']]);

    await right.sync();
    assert.deepEqual(right.origin('a'), left.origin('a'), 'the other window reads the new link');
    assert.deepEqual(right.origin('d'), submitted);
    assert.deepEqual(rightChanges.map((change) => [...change.changed].sort()), [['a', 'b']], 'and redraws the two tasks');
    assert.deepEqual((await m.window()).origin('b'), left.origin('b'), 'a new window too');

    await left.relinkOrigins(['a'], 'untitled:Untitled-1', 'file:///elsewhere.suno');
    assert.equal(leftChanges.length, 1, 'a task whose origin moved on already changes nothing');
  });

  it('keeps a relink that another window overwrote with a poll before it read it', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    const submitted = { documentUri: 'untitled:Untitled-1', action: 'generateSong', submittedAt: m.clock };
    await left.upsert([task('a')], new Map([['a', submitted]]));
    await right.sync();

    await left.relinkOrigins(['a'], 'untitled:Untitled-1', 'file:///songs/a.suno');
    // The polling window writes its news of the task, with the origin it knows, before it syncs.
    await right.upsert([task('a', { progress: 60 })]);
    await left.sync();
    assert.equal(left.get('a')?.progress, 60, 'the poll is taken');
    assert.equal(left.origin('a')?.documentUri, 'file:///songs/a.suno', 'the relink is not undone');
    await right.sync();
    assert.equal(right.origin('a')?.documentUri, 'file:///songs/a.suno', 'and the other window learns it');
    assert.equal((await m.window()).origin('a')?.documentUri, 'file:///songs/a.suno');
  });

  it('removes in the other window what one window removed, as a change event', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert([task('a'), task('b')]);
    await right.sync();
    const changes = record(right);

    await left.remove(['a']);
    await right.sync();
    assert.deepEqual(ids(right), ['b']);
    assert.deepEqual(changes, [{ changed: [], removed: ['a'] }]);
  });

  it('never erases a task added in one window with another window\'s write', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert([task('old')]);
    await right.sync();

    await left.upsert([task('new')]);
    // The right window has not seen "new" yet, and writes its own change.
    await right.upsert([task('old', { progress: 90 })]);
    await right.upsert([task('other')]);
    await left.sync();
    await right.sync();

    for (const store of [left, right, await m.window()]) {
      assert.deepEqual(ids(store).sort(), ['new', 'old', 'other']);
      assert.equal(store.get('old')?.progress, 90);
    }
  });

  it('keeps a task removed in one window removed when the other window polled it meanwhile', async () => {
    const m = machine();
    const left = await m.window();
    const polling = await m.window();
    await left.upsert([task('a')]);
    await polling.sync();
    const changes = record(polling);

    await left.remove(['a']);
    // The polling window has not synced yet: its poll result for "a" arrives.
    await polling.upsert([task('a', { status: 'succeeded', progress: 100 })]);

    assert.equal(polling.get('a'), undefined, 'the poll result was dropped');
    assert.deepEqual(changes.at(-1), { changed: [], removed: ['a'] });
    await left.sync();
    assert.equal(left.get('a'), undefined);
    assert.deepEqual(ids(await m.window()), []);
  });

  it('writes a removal again when another window\'s update slipped in right after it', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert([task('a')]);
    await right.sync();
    const before = await m.files.read(taskPath('a'));

    await left.remove(['a']);
    // The right window read the file before the removal and writes after it: the race the
    // read-before-write cannot close. Its file is the same incarnation, updated.
    const raced = JSON.parse(before!) as { version: number; trackedAt: number; task: Task };
    await m.files.write(taskPath('a'), JSON.stringify({ ...raced, task: { ...raced.task, progress: 99 } }));

    await left.sync();
    assert.equal(left.get('a'), undefined, 'the removal window did not take the task back');
    await left.sync();
    await right.sync();
    assert.equal(right.get('a'), undefined);
    assert.deepEqual(ids(await m.window()), []);
  });

  it('keeps a removal even against a late write of an older incarnation of the task', async () => {
    const m = machine();
    const left = await m.window();
    await left.upsert([task('a')]);
    await left.remove(['a']);
    // A window that tracked "a" long ago, and slept since, writes its copy.
    await m.files.write(taskPath('a'), JSON.stringify({ version: 2, trackedAt: m.clock - 60_000, task: task('a') }));
    await m.files.write('tasks-revision.txt', 'late');

    await left.sync();
    await left.sync();
    assert.equal(left.get('a'), undefined);
    assert.deepEqual(ids(await m.window()), []);
  });

  it('lets a task removed in one window be tracked again in the other', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert([task('a')]);
    await right.sync();
    await left.remove(['a']);
    await right.sync();
    assert.deepEqual(ids(right), []);

    m.clock += 60_000;
    await right.upsert([task('a', { progress: 20 })]);
    await left.sync();
    assert.equal(left.get('a')?.progress, 20);
  });

  it('settles two windows writing the same task at once on the last write', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert([task('a')]);
    await right.sync();

    await Promise.all([left.upsert([task('a', { progress: 30 })]), right.upsert([task('a', { progress: 60 })])]);
    await left.sync();
    await right.sync();
    const stored = JSON.parse((await m.files.read(taskPath('a')))!) as { task: Task };
    assert.equal(left.get('a')?.progress, stored.task.progress);
    assert.equal(right.get('a')?.progress, stored.task.progress);
    assert.ok([30, 60].includes(stored.task.progress!));
  });

  it('lists the newest tracked first in every window, whichever window tracked it', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert([task('a')]);
    m.clock += 1_000;
    await right.upsert([task('c'), task('b')]);
    m.clock += 1_000;
    await left.upsert([task('d')]);
    await left.sync();
    await right.sync();
    assert.deepEqual(ids(left), ['d', 'c', 'b', 'a']);
    assert.deepEqual(ids(right), ['d', 'c', 'b', 'a']);
  });

  it('names exactly the tasks another window changed', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert([task('a'), task('b'), task('c')]);
    await right.sync();
    const changes = record(right);

    await left.upsert([task('a'), task('b', { progress: 55 }), task('c')]);
    await right.sync();
    assert.deepEqual(changes, [{ changed: ['b'], removed: [] }]);
  });

  it('carries the polling window\'s fetchedAt along with its changes', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert([task('a', { fetchedAt: '2025-01-01T00:00:00.000Z' })]);
    await right.sync();
    const changes = record(right);

    await left.upsert([task('a', { progress: 11, fetchedAt: '2025-01-01T00:05:00.000Z' })]);
    await right.sync();
    assert.equal(right.get('a')?.fetchedAt, '2025-01-01T00:05:00.000Z');
    assert.deepEqual(changes, [{ changed: ['a'], removed: [] }]);
  });

  it('costs one small read to sync when no window wrote anything', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert([task('a'), task('b'), task('c')]);
    await right.sync();

    const reads = m.files.reads;
    const lists = m.files.lists;
    await right.sync();
    await right.sync();
    assert.equal(m.files.reads - reads, 2, 'one read of the revision per sync');
    assert.equal(m.files.lists - lists, 0);
  });

  it('reads only the files that changed', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert(Array.from({ length: 50 }, (_, index) => task(`t${index}`)));
    await right.sync();

    await left.upsert([task('t7', { progress: 70 })]);
    const reads = m.files.reads;
    await right.sync();
    // The revision and the one task file.
    assert.equal(m.files.reads - reads, 2);
    assert.equal(right.get('t7')?.progress, 70);
  });

  it('deletes removal markers after a day, and a window still holding such a task drops it', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert([task('a')]);
    await right.sync();
    await left.remove(['a']);
    assert.ok(m.files.textOf(taskPath('a'))?.includes('removedAt'), 'a marker first');

    m.clock += REMOVAL_MARKER_LIFETIME_MS + 1;
    const third = await m.window();
    await third.sync();
    assert.equal(m.files.textOf(taskPath('a')), undefined, 'the marker is gone');
    // A window that slept through it all: the task's file vanished (at two looks in a row, not
    // just for a moment), so the task is gone.
    await right.sync();
    assert.ok(right.get('a'), 'one look is not enough');
    await right.sync();
    assert.equal(right.get('a'), undefined);
  });

  it('does not delete an old removal marker that another window has just replaced with the task', async () => {
    const m = machine();
    const left = await m.window();
    await left.upsert([task('a')]);
    await left.remove(['a']);
    m.clock += REMOVAL_MARKER_LIFETIME_MS + 1;

    // A window about to clean the marker up: the moment it looks again before deleting, the
    // left window tracks the task anew.
    let markerReads = 0;
    const cleaning = new TaskStore({
      files: {
        list: (folder) => m.files.list(folder),
        write: (path, text) => m.files.write(path, text),
        delete: (path) => m.files.delete(path),
        sha256Hex: m.files.sha256Hex,
        read: async (path) => {
          if (path === taskPath('a') && ++markerReads === 2) await left.upsert([task('a', { progress: 42 })]);
          return m.files.read(path);
        },
      },
      now: () => m.clock,
    });
    await cleaning.loaded;
    await cleaning.sync();
    assert.ok(markerReads >= 2, 'the cleaning window looked again before deleting');
    const fresh = await m.window();
    assert.equal(fresh.get('a')?.progress, 42);
  });

  it('does not take a file missing for a moment (a rename that deletes first) for a removal', async () => {
    const m = machine();
    const left = await m.window();
    const right = await m.window();
    await left.upsert([task('a')]);
    await right.sync();
    const changes = record(right);

    const text = m.files.textOf(taskPath('a'))!;
    await m.files.delete(taskPath('a'));
    await m.files.write('tasks-revision.txt', 'mid-rename');
    await right.sync();
    await m.files.write(taskPath('a'), text);
    await right.sync();
    await right.sync();
    assert.ok(right.get('a'));
    assert.deepEqual(changes, []);
  });
});
