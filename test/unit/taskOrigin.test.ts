import * as assert from 'node:assert/strict';
import { hashedFileName } from '../../src/core/store/fileNames';
import { MemorySharedFiles } from '../../src/core/store/sharedFiles';
import { sha256Hex } from '../../src/core/store/sha256';
import { parseTaskFile, serializeTaskFile } from '../../src/core/store/taskFile';
import { TASKS_FOLDER, TaskStore } from '../../src/core/store/taskStore';
import type { Task } from '../../src/core/task/model';
import type { TaskOrigin } from '../../src/core/task/taskOrigin';
import { buildTask } from './support/taskBuilders';

const BASE = 'https://api.example.com';
const ORIGIN: TaskOrigin = { documentUri: 'untitled:Untitled-1', action: 'generateSong', submittedAt: 1_767_225_600_000 };

function task(id: string, overrides: Partial<Task> = {}): Task {
  return buildTask({ id, baseUrl: BASE, status: 'pending', ...overrides });
}

function pathOf(id: string): string {
  return `${TASKS_FOLDER}/${hashedFileName(id, sha256Hex)}`;
}

describe('task origins', () => {
  describe('in the task file', () => {
    it('reads back what it wrote, and a file without one as before', () => {
      const withOrigin = parseTaskFile(serializeTaskFile({ kind: 'live', task: task('a'), trackedAt: 5, origin: ORIGIN }));
      assert.equal(withOrigin.kind, 'live');
      assert.deepEqual(withOrigin.kind === 'live' && withOrigin.origin, ORIGIN);
      const without = parseTaskFile(JSON.stringify({ version: 2, trackedAt: 5, task: task('a') }));
      assert.equal(without.kind, 'live');
      assert.equal(without.kind === 'live' && without.origin, undefined);
      assert.equal('origin' in JSON.parse(serializeTaskFile({ kind: 'live', task: task('a'), trackedAt: 5 })), false);
    });

    it('keeps the fields a newer build adds to the origin', () => {
      const newer = { ...ORIGIN, action: 'remixSection', section: { from: 12, to: 30 } };
      const parsed = parseTaskFile(JSON.stringify({ version: 2, trackedAt: 5, task: task('a'), origin: newer }));
      assert.ok(parsed.kind === 'live');
      assert.deepEqual(JSON.parse(serializeTaskFile(parsed)).origin, newer);
    });

    it('drops an origin it cannot read and keeps the task', () => {
      for (const origin of [null, 'untitled:Untitled-1', { documentUri: 5, action: 'generateSong', submittedAt: 1 }, { ...ORIGIN, submittedAt: -1 }, { ...ORIGIN, action: '' }, { ...ORIGIN, documentUri: `file:///${'a'.repeat(9000)}` }]) {
        const parsed = parseTaskFile(JSON.stringify({ version: 2, trackedAt: 5, task: task('a'), origin }));
        assert.equal(parsed.kind, 'live', JSON.stringify(origin).slice(0, 80));
        assert.equal(parsed.kind === 'live' && parsed.origin, undefined);
      }
    });
  });

  describe('in the store', () => {
    it('records the origin of a new task, saves it, and keeps it through later updates', async () => {
      const files = new MemorySharedFiles();
      const store = new TaskStore({ files });
      await store.loaded;
      await store.upsert([task('a')], new Map([['a', ORIGIN]]));
      await store.upsert([task('a', { status: 'running', title: 'City Lights' })]);
      assert.deepEqual(store.origin('a'), ORIGIN);
      const saved = parseTaskFile(files.textOf(pathOf('a'))!);
      assert.ok(saved.kind === 'live');
      assert.equal(saved.task.title, 'City Lights');
      assert.deepEqual(saved.origin, ORIGIN);
    });

    it('never gives a tracked task a new origin', async () => {
      const store = new TaskStore({ files: new MemorySharedFiles() });
      await store.upsert([task('a')]);
      await store.upsert([task('a')], new Map([['a', ORIGIN]]));
      assert.equal(store.origin('a'), undefined);
    });

    it('shows another window the origin, and loses it with the incarnation it belonged to', async () => {
      const files = new MemorySharedFiles();
      // Each window's own clock, apart: an incarnation is named by the time it was tracked.
      let time = 1_000;
      const here = new TaskStore({ files, now: () => time });
      const there = new TaskStore({ files, now: () => time });
      await Promise.all([here.loaded, there.loaded]);
      await here.upsert([task('a')], new Map([['a', ORIGIN]]));
      await there.sync();
      assert.deepEqual(there.origin('a'), ORIGIN);

      // Removed there and tracked again by id (no origin): the old link must not come back.
      time = 2_000;
      await there.remove(['a']);
      await there.upsert([task('a')]);
      await here.sync();
      assert.equal(here.get('a')?.id, 'a');
      assert.equal(here.origin('a'), undefined);
    });

    it('keeps its origin when an older build rewrites the same incarnation without one', async () => {
      const files = new MemorySharedFiles();
      const store = new TaskStore({ files });
      await store.upsert([task('a')], new Map([['a', ORIGIN]]));
      const saved = parseTaskFile(files.textOf(pathOf('a'))!);
      assert.ok(saved.kind === 'live');
      await files.write(pathOf('a'), JSON.stringify({ version: 2, trackedAt: saved.trackedAt, task: task('a', { status: 'running' }) }));
      await store.sync();
      assert.equal(store.get('a')?.status, 'running');
      assert.deepEqual(store.origin('a'), ORIGIN);
    });
  });
});
