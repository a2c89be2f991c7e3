// The poller's hardening: bounded timers, capped Retry-After, the minimum interval between two
// rounds whatever the gateway or the clock does, one completion per task, the `mayPoll` hook, and
// rounds that do not scan the whole store.
import * as assert from 'node:assert/strict';
import { MAX_TIMER_DELAY_MS, type Clock } from '../../src/core/clock';
import { GatewayError } from '../../src/core/gatewayError';
import { MemorySharedFiles } from '../../src/core/store/sharedFiles';
import type { Task, TaskStatus } from '../../src/core/task/model';
import { MIN_POLL_INTERVAL_MS } from '../../src/core/polling/pollInterval';
import { Poller, SOON_MS, type PollerOptions, type PollerUpdate } from '../../src/core/polling/poller';
import { MAX_RETRY_AFTER_MS } from '../../src/core/gateway/retryAfter';
import { TaskStore } from '../../src/core/store/taskStore';
import { ManualClock } from './support/manualClock';
import { ScriptedPollingClient, shortestGap, type ScriptedAnswer } from './support/scriptedPollingClient';
import { buildTask } from './support/taskBuilders';

const A = 'https://a.example';
const B = 'https://b.example';
const INTERVAL = 15_000;
const HOUR = 60 * 60 * 1000;
const clock0 = Date.UTC(2025, 0, 1, 12);
const STALE = new Date(clock0 - HOUR).toISOString();

function task(id: string, status: TaskStatus = 'running', baseUrl = A): Task {
  return buildTask({ id, baseUrl, status, rawStatus: status.toUpperCase(), progress: status === 'succeeded' ? 100 : 20, clips: [], fetchedAt: STALE });
}

/** Every asked id answered with its task in `status`. */
function answerAll(status: TaskStatus, baseUrl = A): (ids: readonly string[]) => ScriptedAnswer {
  return (ids) => new Map(ids.map((id) => [id, task(id, status, baseUrl)]));
}

/** A clock whose timers fire `factor` times too early, like a host that cuts long delays short. */
function earlyTimers(clock: ManualClock, factor: number): Clock {
  return {
    now: () => clock.now(),
    setTimeout: (callback, ms) => clock.setTimeout(callback, ms / factor),
    clearTimeout: (handle) => clock.clearTimeout(handle),
  };
}

function setup(options: Partial<PollerOptions> & { answer?: (ids: readonly string[]) => ScriptedAnswer; timerClock?: (clock: ManualClock) => Clock } = {}) {
  const clock = new ManualClock(clock0);
  const store = new TaskStore({ files: new MemorySharedFiles() });
  const a = new ScriptedPollingClient(A, clock, options.answer ?? answerAll('running'));
  const b = new ScriptedPollingClient(B, clock, answerAll('running', B));
  const poller = new Poller({
    store,
    clientFor: (baseUrl) => Promise.resolve(baseUrl === A ? a : b),
    intervalMs: () => INTERVAL,
    random: () => 0.5,
    ...options,
    clock: options.timerClock?.(clock) ?? clock,
  });
  const updates: PollerUpdate[] = [];
  poller.onDidUpdate((update) => updates.push(update));
  return { clock, store, a, b, poller, updates };
}

function rateLimited(retryAfterMs: number | null): GatewayError {
  return new GatewayError('rate_limited', 'HTTP 429', { httpStatus: 429, retryAfterMs });
}

describe('Poller bounds', () => {
  describe('the minimum interval between two rounds', () => {
    it('holds when the clock fires its timers early: the poller checks the time when one fires', async () => {
      const h = setup({ timerClock: (clock) => earlyTimers(clock, 2) });
      await h.store.upsert([task('a1')]);
      h.poller.start();
      await h.clock.advance(10 * 60 * 1000);
      assert.ok(h.a.requests.length >= 2, `polled ${h.a.requests.length} times`);
      assert.ok(shortestGap(h.a.requests) >= INTERVAL, `shortest gap ${shortestGap(h.a.requests)} ms`);
      h.poller.dispose();
    });

    it('holds a Retry-After when the clock fires its timers early', async () => {
      let limited = true;
      const h = setup({
        timerClock: (clock) => earlyTimers(clock, 2),
        answer: (ids) => (limited ? rateLimited(20 * 60 * 1000) : answerAll('running')(ids)),
      });
      await h.store.upsert([task('a1')]);
      h.poller.start();
      await h.clock.advance(SOON_MS);
      assert.equal(h.a.requests.length, 1);
      limited = false;
      await h.clock.advance(20 * 60 * 1000 - 1);
      assert.equal(h.a.requests.length, 1, 'nothing before the Retry-After has passed');
      await h.clock.advance(1);
      assert.equal(h.a.requests.length, 2);
      h.poller.dispose();
    });

    it('holds when the key changes right after a round (resumeGateway)', async () => {
      const h = setup();
      await h.store.upsert([task('a1')]);
      h.poller.start();
      await h.clock.runNext();
      for (let i = 0; i < 5; i++) h.poller.resumeGateway(A);
      await h.clock.advance(MIN_POLL_INTERVAL_MS - 1);
      assert.equal(h.a.requests.length, 1);
      await h.clock.advance(1);
      assert.equal(h.a.requests.length, 2);
      h.poller.dispose();
    });

    it('holds when tasks come and go between rounds', async () => {
      const h = setup();
      await h.store.upsert([task('a1')]);
      h.poller.start();
      await h.clock.runNext();
      for (let i = 2; i < 10; i++) {
        await h.store.remove([`a${i - 1}`]);
        await h.store.upsert([task(`a${i}`)]);
        await h.clock.advance(600);
      }
      await h.clock.advance(MINUTE_OF(2));
      assert.ok(h.a.requests.length >= 2);
      assert.ok(shortestGap(h.a.requests) >= MIN_POLL_INTERVAL_MS, `shortest gap ${shortestGap(h.a.requests)} ms`);
      h.poller.dispose();
    });

    it('lets an explicit refresh through at once (the user asked)', async () => {
      const h = setup();
      await h.store.upsert([task('a1')]);
      h.poller.start();
      await h.clock.runNext();
      await h.clock.advance(100);
      await h.poller.pollNow(A);
      assert.equal(h.a.requests.length, 2);
      assert.equal(h.a.requests[1]!.at - h.a.requests[0]!.at, 100);
      h.poller.dispose();
    });
  });

  describe('timer delays', () => {
    it('never hands the clock a delay a host timer cannot hold, however long the interval', async () => {
      const h = setup({ intervalMs: () => 1e15 });
      await h.store.upsert([task('a1')]);
      h.poller.start();
      await h.clock.runNext();
      assert.ok(h.clock.requestedDelays.length >= 2);
      for (const delay of h.clock.requestedDelays) {
        assert.ok(Number.isFinite(delay) && delay >= 0 && delay <= MAX_TIMER_DELAY_MS, `delay ${delay}`);
      }
      h.poller.dispose();
    });

    it('caps a Retry-After at an hour, even one handed over unparsed', async () => {
      const h = setup({ answer: () => rateLimited(99_999_999_000) });
      await h.store.upsert([task('a1')]);
      h.poller.start();
      await h.clock.runNext();
      const next = h.poller.gatewayState(A).nextPollAt;
      assert.ok(next !== null && next - h.clock.now() <= MAX_RETRY_AFTER_MS, `next poll in ${next === null ? null : next - h.clock.now()} ms`);
      assert.ok(next - h.clock.now() >= MAX_RETRY_AFTER_MS - 1, 'the hour is honoured');
      h.poller.dispose();
    });
  });

  describe('completion events', () => {
    it('reports a task finished once, even when the gateway flips it back to running and finishes it again', async () => {
      const statuses: TaskStatus[] = ['succeeded', 'running', 'succeeded', 'running', 'failed'];
      let round = 0;
      const h = setup({ answer: (ids) => answerAll(statuses[Math.min(round++, statuses.length - 1)]!)(ids) });
      await h.store.upsert([task('a1')]);
      h.poller.start();
      await h.clock.runNext();
      // Finished: nothing to poll. The gateway says running again through someone else's fetch.
      for (let i = 1; i < statuses.length; i++) {
        await h.store.upsert([task('a1', 'running')]);
        await h.clock.advance(INTERVAL);
      }
      assert.equal(round, statuses.length);
      assert.deepEqual(
        h.updates.flatMap((update) => update.finished.map((finished) => finished.id)),
        ['a1'],
      );
      h.poller.dispose();
    });

    it('reports a task again after it was removed and tracked anew', async () => {
      const h = setup({ answer: answerAll('succeeded') });
      await h.store.upsert([task('a1')]);
      h.poller.start();
      await h.clock.runNext();
      await h.store.remove(['a1']);
      await h.store.upsert([task('a1')]);
      await h.clock.advance(INTERVAL);
      assert.deepEqual(
        h.updates.flatMap((update) => update.finished.map((finished) => finished.id)),
        ['a1', 'a1'],
      );
      h.poller.dispose();
    });
  });

  describe('answers bound to the asked id', () => {
    it('stores an answer that came back with the id upper-cased under the tracked id: no second task', async () => {
      const h = setup({ answer: (ids) => new Map(ids.map((id) => [id, task(id.toUpperCase(), 'succeeded')])) });
      await h.store.upsert([task('a1')]);
      h.poller.start();
      await h.clock.runNext();
      assert.deepEqual(
        h.store.all().map((stored) => [stored.id, stored.status]),
        [['a1', 'succeeded']],
      );
      assert.deepEqual(h.updates.flatMap((update) => update.finished.map((finished) => finished.id)), ['a1']);
      h.poller.dispose();
    });
  });

  describe('mayPoll', () => {
    it('sends nothing while it says no, waits one interval and asks again, then polls', async () => {
      let allowed = false;
      const asked: string[] = [];
      const h = setup({
        mayPoll: (baseUrl) => {
          asked.push(baseUrl);
          return allowed;
        },
      });
      await h.store.upsert([task('a1')]);
      h.poller.start();
      await h.clock.runNext();
      assert.equal(h.a.requests.length, 0);
      assert.deepEqual(asked, [A]);
      assert.equal(h.poller.gatewayState(A).state, 'waiting');
      assert.equal(h.poller.gatewayState(A).nextPollAt, h.clock.now() + INTERVAL);
      await h.clock.advance(INTERVAL);
      assert.equal(h.a.requests.length, 0);
      assert.deepEqual(asked, [A, A]);
      allowed = true;
      await h.clock.advance(INTERVAL);
      assert.equal(h.a.requests.length, 1);
      h.poller.dispose();
    });

    it('is asked per gateway', async () => {
      const h = setup({ mayPoll: (baseUrl) => baseUrl === B });
      await h.store.upsert([task('a1'), task('b1', 'running', B)]);
      h.poller.start();
      await h.clock.advance(3 * INTERVAL);
      assert.equal(h.a.requests.length, 0);
      assert.ok(h.b.requests.length >= 3);
      h.poller.dispose();
    });

    it('is not asked by an explicit refresh', async () => {
      const h = setup({ mayPoll: () => false });
      await h.store.upsert([task('a1')]);
      await h.poller.pollNow(A);
      assert.equal(h.a.requests.length, 1);
      h.poller.dispose();
    });
  });

  describe('cost of a round', () => {
    it('does not scan the whole store: a round reads only its own tasks', async () => {
      const h = setup();
      const tasks = Array.from({ length: 50 }, (_, i) => task(`a${i}`, 'running', i % 2 === 0 ? A : B));
      await h.store.upsert(tasks);
      h.poller.start();
      await h.clock.runNext();
      const calls = { unfinished: 0, all: 0, get: 0 };
      const original = { unfinished: h.store.unfinished.bind(h.store), all: h.store.all.bind(h.store), get: h.store.get.bind(h.store) };
      h.store.unfinished = () => (calls.unfinished++, original.unfinished());
      h.store.all = () => (calls.all++, original.all());
      h.store.get = (id) => (calls.get++, original.get(id));
      await h.clock.advance(INTERVAL);
      assert.equal(h.a.requests.length + h.b.requests.length, 4, 'one more round per gateway');
      assert.equal(calls.unfinished, 0);
      assert.equal(calls.all, 0);
      assert.ok(calls.get <= 3 * tasks.length, `${calls.get} look-ups for ${tasks.length} tasks`);
      h.poller.dispose();
    });
  });
  describe('a rate limit that came with the answer for a task removed meanwhile', () => {
    // Found by the property test: single fetches answered the removed task with 429 and a
    // Retry-After, and the poller dropped that answer with the task, Retry-After and all.
    it('still keeps the gateway waiting until its Retry-After', async () => {
      const retryAfterMs = 40_000;
      let first = true;
      const h = setup({
        answer: (ids) => {
          if (!first) return answerAll('running')(ids);
          first = false;
          // The user removes the second task while the request is out.
          void h.store.remove([ids[1]!]);
          return new Map<string, Task | GatewayError>([
            [ids[0]!, task(ids[0]!)],
            [ids[1]!, rateLimited(retryAfterMs)],
          ]);
        },
      });
      await h.store.upsert([task('a1'), task('a2')]);
      h.poller.start();
      await h.clock.advance(5 * 60 * 1000);
      assert.equal(h.store.all().length, 1);
      assert.ok(h.a.requests.length >= 2, `polled ${h.a.requests.length} times`);
      const gap = h.a.requests[1]!.at - h.a.requests[0]!.at;
      assert.ok(gap >= retryAfterMs, `asked again after ${gap} ms, inside the ${retryAfterMs} ms Retry-After`);
      h.poller.dispose();
    });
  });

  describe('a tracked id the client refuses to send', () => {
    // A task kept from an older version may carry an id today's id rules refuse: the client answers
    // 'invalid_input' for it without a request. That is no failure of the gateway: its other tasks
    // keep their pace, and the id is set aside like an unknown one until the user refreshes.
    const refuseOdd = (ids: readonly string[]): ScriptedAnswer =>
      new Map(ids.map((id) => [id, id.includes(':') ? new GatewayError('invalid_input', `"${id}" is not a task id.`) : task(id)]));

    it('sets the id aside without backing off the gateway, even when it is the only task', async () => {
      const h = setup({ answer: refuseOdd });
      const failures: string[] = [];
      h.poller.onDidFail((failure) => failures.push(`${failure.error.kind}:${failure.taskIds.join(',')}`));
      await h.store.upsert([task('old:id')]);
      h.poller.start();
      await h.clock.advance(10 * 60 * 1000);
      assert.equal(h.a.requests.length, 1, 'asked once, then set aside');
      assert.deepEqual(failures, ['invalid_input:old:id'], 'reported once');
      assert.equal(h.poller.gatewayState(A).consecutiveFailures, 0);
      assert.notEqual(h.poller.gatewayState(A).state, 'backing_off');
      assert.ok(h.store.get('old:id'), 'still tracked');
      h.poller.dispose();
    });

    it('keeps polling the gateway\'s other tasks at the normal interval', async () => {
      const h = setup({ answer: refuseOdd });
      await h.store.upsert([task('old:id'), task('a1')]);
      h.poller.start();
      await h.clock.advance(5 * 60 * 1000);
      const later = h.a.requests.slice(1);
      assert.ok(later.length >= 15, `polled ${later.length} more times`);
      assert.ok(later.every((request) => !request.ids.includes('old:id')), 'the refused id is not asked again');
      assert.equal(h.poller.gatewayState(A).consecutiveFailures, 0);
      h.poller.dispose();
    });
  });
});

function MINUTE_OF(minutes: number): number {
  return minutes * 60 * 1000;
}
