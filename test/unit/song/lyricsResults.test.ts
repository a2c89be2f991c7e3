import * as assert from 'node:assert/strict';
import { Emitter } from '../../../src/core/emitter';
import { parseSongDocument, songField } from '../../../src/core/song/songDocument';
import { songFromTask } from '../../../src/core/song/songFromTask';
import {
  GENERATE_LYRICS_ACTION,
  LYRICS_RESULT_MAX_AGE_MS,
  LyricsResultWatcher,
  lyricsResultOf,
  type DeliveredResults,
  type LyricsResult,
} from '../../../src/core/song/lyricsResults';
import type { Task } from '../../../src/core/task/model';
import type { TaskOrigin } from '../../../src/core/task/taskOrigin';
import { ManualClock } from '../support/manualClock';
import { buildTask } from '../support/taskBuilders';

const GRACE_MS = 2000;

function lyricsTask(overrides: Partial<Task> = {}): Task {
  return buildTask({ id: 'lyrics-1', action: 'lyrics', title: 'Sea Song', clips: [], lyrics: '[Verse]\nWaves', ...overrides });
}

function origin(overrides: Partial<TaskOrigin> = {}): TaskOrigin {
  return { documentUri: null, action: GENERATE_LYRICS_ACTION, submittedAt: Date.UTC(2025, 0, 1), ...overrides };
}

/** The task store as one window sees it, plus the memory every window shares. */
class World {
  readonly clock = new ManualClock();
  readonly tasks = new Map<string, Task>();
  readonly origins = new Map<string, TaskOrigin>();
  readonly changes = new Emitter<{ changed: readonly string[] }>();
  readonly shared = new Set<string>();

  put(task: Task, taskOrigin?: TaskOrigin): void {
    this.tasks.set(task.id, task);
    if (taskOrigin) this.origins.set(task.id, taskOrigin);
    this.changes.fire({ changed: [task.id] });
  }
}

/** One window's watcher over the world; `delivered` lists what it handed to the user. */
function windowOf(world: World): { watcher: LyricsResultWatcher; delivered: LyricsResult[] } {
  const delivered: LyricsResult[] = [];
  const memory: DeliveredResults = { has: (id) => world.shared.has(id), remember: (id) => world.shared.add(id) };
  const watcher = new LyricsResultWatcher({
    source: {
      get: (id) => world.tasks.get(id),
      origin: (id) => world.origins.get(id),
      all: () => [...world.tasks.values()],
      onDidChange: world.changes.event,
    },
    delivered: memory,
    clock: world.clock,
    defaultModel: () => 'chirp-crow',
    graceMs: () => GRACE_MS,
    deliver: (result) => delivered.push(result),
  });
  return { watcher, delivered };
}

describe('lyrics results', () => {
  describe('lyricsResultOf', () => {
    const now = Date.UTC(2025, 0, 1, 0, 5);

    it('makes a finished lyrics task a song in the default model', () => {
      const result = lyricsResultOf(lyricsTask(), origin(), 'chirp-crow', now);
      assert.equal(result?.kind, 'ready');
      assert.ok(result?.kind === 'ready');
      assert.equal(songFromTask(result.task, { defaultModel: result.defaultModel }), '---\ntitle: Sea Song\nmodel: chirp-crow\n---\n[Verse]\nWaves');
    });

    it('says why there are no lyrics: the gateway’s reason, or none', () => {
      const failed = lyricsResultOf(lyricsTask({ status: 'failed', failReason: 'content policy', lyrics: null }), origin(), 'chirp-auk', now);
      assert.deepEqual(failed?.kind === 'failed' && failed.reason, 'content policy');
      const empty = lyricsResultOf(lyricsTask({ lyrics: '  \n' }), origin(), 'chirp-auk', now);
      assert.deepEqual(empty?.kind === 'failed' && empty.reason, null);
    });

    it('leaves alone tasks still running, fetched by id, made otherwise, or submitted over a day ago', () => {
      assert.equal(lyricsResultOf(lyricsTask({ status: 'running' }), origin(), 'chirp-auk', now), null);
      assert.equal(lyricsResultOf(lyricsTask(), undefined, 'chirp-auk', now), null);
      assert.equal(lyricsResultOf(lyricsTask(), origin({ action: 'generateSong' }), 'chirp-auk', now), null);
      assert.equal(lyricsResultOf(lyricsTask(), origin({ submittedAt: now - LYRICS_RESULT_MAX_AGE_MS - 1 }), 'chirp-auk', now), null);
      assert.equal(lyricsResultOf(lyricsTask(), origin({ submittedAt: Number.NaN }), 'chirp-auk', now), null);
    });

    it('keeps a hostile title inside the song’s title', () => {
      const title = 'x\n---\nmodel: chirp-v3-5';
      const result = lyricsResultOf(lyricsTask({ title }), origin(), 'chirp-auk', now);
      assert.ok(result?.kind === 'ready');
      const song = parseSongDocument(songFromTask(result.task, { defaultModel: result.defaultModel }));
      assert.equal(songField(song, 'title')?.value, title);
      assert.equal(songField(song, 'model')?.value, 'chirp-auk');
    });
  });

  describe('LyricsResultWatcher', () => {
    it('delivers at once in the window that submitted, and once only', async () => {
      const world = new World();
      const { watcher, delivered } = windowOf(world);
      world.put(lyricsTask({ status: 'running', lyrics: null }), origin());
      watcher.expect('lyrics-1');
      assert.equal(delivered.length, 0, 'still running');
      world.put(lyricsTask());
      assert.equal(delivered.length, 1);
      assert.equal(delivered[0].kind, 'ready');
      world.put(lyricsTask({ title: 'Sea Song, polled again' }));
      watcher.checkAll();
      await world.clock.advance(GRACE_MS * 2);
      assert.equal(delivered.length, 1);
    });

    it('delivers at once when the task had finished before the submit returned', () => {
      const world = new World();
      const { watcher, delivered } = windowOf(world);
      world.put(lyricsTask(), origin());
      watcher.expect('lyrics-1');
      assert.equal(delivered.length, 1);
      assert.equal(world.clock.pendingTimers(), 0, 'the waiting timer of the change event is gone');
    });

    it('leaves the result to the submitting window, and delivers it elsewhere when that window did not', async () => {
      const world = new World();
      const submitting = windowOf(world);
      const other = windowOf(world);
      world.put(lyricsTask({ status: 'running', lyrics: null }), origin());
      submitting.watcher.expect('lyrics-1');
      world.put(lyricsTask());
      await world.clock.advance(GRACE_MS * 2);
      assert.equal(submitting.delivered.length, 1);
      assert.equal(other.delivered.length, 0);

      // The submitting window is gone (closed, reloaded): another one delivers after the grace.
      const second = new World();
      const survivor = windowOf(second);
      second.put(lyricsTask({ id: 'lyrics-2' }), origin());
      await second.clock.advance(GRACE_MS - 1);
      assert.equal(survivor.delivered.length, 0);
      await second.clock.advance(1);
      assert.equal(survivor.delivered.length, 1);
    });

    it('after a start, delivers what finished while no window watched, but nothing delivered before', async () => {
      const world = new World();
      world.tasks.set('done-before', lyricsTask({ id: 'done-before' }));
      world.origins.set('done-before', origin());
      world.tasks.set('finished-meanwhile', lyricsTask({ id: 'finished-meanwhile' }));
      world.origins.set('finished-meanwhile', origin());
      world.tasks.set('fetched-by-id', lyricsTask({ id: 'fetched-by-id' }));
      world.shared.add('done-before');
      const { watcher, delivered } = windowOf(world);
      watcher.checkAll();
      await world.clock.advance(GRACE_MS);
      assert.deepEqual(
        delivered.map((result) => result.task.id),
        ['finished-meanwhile'],
      );
    });

    it('says a failure once, and forgets a task removed while it waited', async () => {
      const world = new World();
      const { delivered } = windowOf(world);
      world.put(lyricsTask({ id: 'failed', status: 'failed', failReason: 'policy', lyrics: null }), origin());
      world.put(lyricsTask({ id: 'removed' }), origin());
      world.tasks.delete('removed');
      await world.clock.advance(GRACE_MS);
      assert.deepEqual(
        delivered.map((result) => [result.task.id, result.kind]),
        [['failed', 'failed']],
      );
      assert.equal(world.shared.has('removed'), false);
    });

    it('stops its timers and listens no more once disposed', async () => {
      const world = new World();
      const { watcher, delivered } = windowOf(world);
      world.put(lyricsTask(), origin());
      assert.equal(world.clock.pendingTimers(), 1);
      watcher.dispose();
      assert.equal(world.clock.pendingTimers(), 0);
      world.put(lyricsTask({ id: 'later' }), origin());
      watcher.expect('later');
      await world.clock.advance(GRACE_MS * 2);
      assert.equal(delivered.length, 0);
    });
  });
});
