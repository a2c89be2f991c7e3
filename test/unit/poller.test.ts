import * as assert from 'node:assert/strict';
import { GatewayError } from '../../src/core/gatewayError';
import type { Task, TaskStatus } from '../../src/core/task/model';
import {
  Poller,
  SOON_MS,
  type GatewayPollState,
  type PollerFailure,
  type PollerUpdate,
  type PollingClient,
} from '../../src/core/polling/poller';
import { MIN_POLL_INTERVAL_MS } from '../../src/core/polling/pollInterval';
import { MemorySharedFiles } from '../../src/core/store/sharedFiles';
import { TaskStore } from '../../src/core/store/taskStore';
import { ManualClock } from './support/manualClock';
import { buildTask } from './support/taskBuilders';

const A = 'https://a.example';
const B = 'https://b.example';
const INTERVAL = 15_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const clock0 = Date.UTC(2025, 0, 1, 12);
/** Long before the test clock starts: data the poller should refresh soon. */
const STALE = new Date(clock0 - HOUR).toISOString();

function task(id: string, baseUrl = A, status: TaskStatus = 'running', fetchedAt = STALE): Task {
  return buildTask({
    id,
    baseUrl,
    title: `Song ${id}`,
    status,
    rawStatus: status.toUpperCase(),
    progress: status === 'succeeded' ? 100 : 20,
    failReason: status === 'failed' ? 'time out' : null,
    clips: [],
    fetchedAt,
  });
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A gateway as the poller sees it: it answers from `remote` (what the server knows), can be told
 * to throw, and can hold requests open until the test releases them.
 */
class FakeGateway implements PollingClient {
  readonly calls: string[][] = [];
  readonly remote = new Map<string, Task>();
  /** Thrown by the next `failures` requests. */
  error: GatewayError | null = null;
  failures = 0;
  /** Per-id answers that override `remote`. */
  readonly perId = new Map<string, GatewayError>();
  hold = false;
  inFlight = 0;
  maxInFlight = 0;
  private readonly held: Deferred[] = [];

  constructor(
    readonly baseUrl: string,
    private readonly clock: ManualClock,
  ) {}

  serve(...tasks: Task[]): void {
    for (const t of tasks) this.remote.set(t.id, t);
  }

  failNext(error: GatewayError, times = Infinity): void {
    this.error = error;
    this.failures = times;
  }

  release(): void {
    const next = this.held.shift();
    assert.ok(next, 'no request is being held');
    next.resolve();
  }

  async fetchTasks(ids: readonly string[]): Promise<Map<string, Task | GatewayError>> {
    this.calls.push([...ids]);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.hold) {
        const gate = deferred();
        this.held.push(gate);
        await gate.promise;
      }
      if (this.error !== null && this.failures > 0) {
        this.failures--;
        throw this.error;
      }
      const fetchedAt = new Date(this.clock.now()).toISOString();
      const results = new Map<string, Task | GatewayError>();
      for (const id of ids) {
        const remote = this.remote.get(id);
        const error = this.perId.get(id);
        if (error !== undefined) results.set(id, error);
        else if (remote !== undefined) results.set(id, { ...remote, fetchedAt });
        else results.set(id, new GatewayError('not_found', `task_not_exist: ${id}`, { httpStatus: 400 }));
      }
      return results;
    } finally {
      this.inFlight--;
    }
  }
}

interface SetupOptions {
  tasks?: Task[];
  intervalMs?: number;
  random?: () => number;
  withoutKey?: string[];
}

function setup(options: SetupOptions = {}) {
  const clock = new ManualClock(clock0);
  const storage = new MemorySharedFiles();
  const store = new TaskStore({ files: storage });
  const gateways = new Map([A, B].map((baseUrl) => [baseUrl, new FakeGateway(baseUrl, clock)]));
  const keyless = new Set(options.withoutKey ?? []);
  const settings = { intervalMs: options.intervalMs ?? INTERVAL, slowdown: 1 };
  const clientForCalls: string[] = [];
  const poller = new Poller({
    store,
    clientFor: (baseUrl) => {
      clientForCalls.push(baseUrl);
      return Promise.resolve(keyless.has(baseUrl) ? undefined : gateways.get(baseUrl));
    },
    intervalMs: () => settings.intervalMs,
    slowdownFactor: () => settings.slowdown,
    clock,
    random: options.random ?? (() => 0.5),
  });
  const updates: PollerUpdate[] = [];
  const failures: PollerFailure[] = [];
  const recoveries: string[] = [];
  const states: GatewayPollState[] = [];
  poller.onDidUpdate((event) => updates.push(event));
  poller.onDidFail((event) => failures.push(event));
  poller.onDidRecover((event) => recoveries.push(event.baseUrl));
  poller.onDidChangeState((event) => states.push(event));
  const a = gateways.get(A)!;
  const b = gateways.get(B)!;
  return {
    clock,
    storage,
    store,
    poller,
    a,
    b,
    keyless,
    settings,
    clientForCalls,
    updates,
    failures,
    recoveries,
    states,
    /** Tracks tasks locally and on their fake gateway. */
    async track(...tasks: Task[]): Promise<void> {
      for (const t of tasks) gateways.get(t.baseUrl)!.serve(t);
      await store.upsert(tasks);
    },
  };
}

type Harness = ReturnType<typeof setup>;

/** Starts the poller and runs its first round (due `SOON_MS` after start for stale data). */
async function startAndRunFirstRound(h: Harness): Promise<void> {
  h.poller.start();
  await h.clock.advance(SOON_MS);
}

describe('Poller', () => {
  describe('rounds', () => {
    it('sends one batch request per gateway per round with all of its unfinished ids', async () => {
      const h = setup();
      await h.track(task('a1'), task('a2'), task('a3', A, 'succeeded'), task('a4', A, 'pending'), task('b1', B));
      await startAndRunFirstRound(h);

      assert.deepEqual(h.a.calls, [['a1', 'a2', 'a4']]);
      assert.deepEqual(h.b.calls, [['b1']]);

      await h.clock.advance(INTERVAL);
      assert.equal(h.a.calls.length, 2);
      assert.equal(h.b.calls.length, 2);
      await h.clock.advance(INTERVAL * 3);
      assert.equal(h.a.calls.length, 5);
      assert.equal(h.b.calls.length, 5);
      h.poller.dispose();
    });

    it('writes fetched tasks to the store and reports them in onDidUpdate', async () => {
      const h = setup();
      await h.track(task('a1'), task('a2'));
      h.a.serve({ ...task('a1'), progress: 60 });
      await startAndRunFirstRound(h);

      assert.equal(h.store.get('a1')?.progress, 60);
      assert.equal(h.store.get('a1')?.fetchedAt, new Date(clock0 + SOON_MS).toISOString());
      assert.equal(h.updates.length, 1);
      assert.equal(h.updates[0]!.baseUrl, A);
      assert.deepEqual(
        h.updates[0]!.tasks.map((t) => t.id),
        ['a1', 'a2'],
      );
      assert.deepEqual(h.updates[0]!.finished, []);
      h.poller.dispose();
    });

    it('reports tasks that became finished in this round, once', async () => {
      const h = setup();
      await h.track(task('a1'), task('a2'), task('a3'));
      await startAndRunFirstRound(h);
      assert.deepEqual(h.updates[0]!.finished, []);

      h.a.serve(task('a1', A, 'succeeded'), task('a2', A, 'failed'), task('a3', A, 'unknown'));
      await h.clock.advance(INTERVAL);
      assert.deepEqual(
        h.updates[1]!.finished.map((t) => [t.id, t.status]),
        [
          ['a1', 'succeeded'],
          ['a2', 'failed'],
        ],
      );
      assert.deepEqual(
        h.updates[1]!.tasks.map((t) => t.id),
        ['a1', 'a2', 'a3'],
      );

      // Finished tasks are not polled again, so they cannot be reported twice.
      await h.clock.advance(INTERVAL);
      assert.deepEqual(h.a.calls.at(-1), ['a3']);
      assert.deepEqual(h.updates[2]!.finished, []);
      h.poller.dispose();
    });

    it('does not count a task finished by someone else meanwhile as finished by this round', async () => {
      const h = setup();
      await h.track(task('a1'));
      h.a.hold = true;
      await startAndRunFirstRound(h);
      h.a.serve(task('a1', A, 'succeeded'));
      // A manual fetch lands first, while the poll is out.
      await h.store.upsert([task('a1', A, 'succeeded')]);
      h.a.release();
      await h.clock.flush();
      assert.deepEqual(h.updates[0]!.finished, []);
      h.poller.dispose();
    });

    it('chains rounds: never two requests to one gateway at once, however long one takes', async () => {
      const h = setup();
      await h.track(task('a1'), task('b1', B));
      h.a.hold = true;
      await startAndRunFirstRound(h);
      assert.equal(h.a.calls.length, 1);

      // B keeps its own rhythm while A's request hangs for ten minutes.
      await h.clock.advance(10 * MINUTE);
      assert.equal(h.a.calls.length, 1, 'a second request started while the first was out');
      assert.equal(h.a.maxInFlight, 1);
      assert.equal(h.b.calls.length, 41);
      assert.equal(h.poller.gatewayState(A).state, 'polling');
      assert.equal(h.poller.gatewayState(A).nextPollAt, null);

      // Asking for a refresh meanwhile waits for the request that is out.
      let refreshed = false;
      const refresh = h.poller.pollNow(A).then(() => (refreshed = true));
      await h.clock.advance(MINUTE);
      assert.equal(refreshed, false);
      assert.equal(h.a.calls.length, 1);

      h.a.hold = false;
      h.a.release();
      await refresh;
      assert.equal(h.a.calls.length, 1);
      assert.equal(h.a.maxInFlight, 1);

      // The next round is one interval after the slow one ended, not after it started.
      const state = h.poller.gatewayState(A);
      assert.equal(state.state, 'waiting');
      assert.equal(state.nextPollAt, h.clock.now() + INTERVAL);
      h.poller.dispose();
    });

    it('drops the result for a task removed while its request was out', async () => {
      const h = setup();
      await h.track(task('a1'), task('a2'));
      h.a.hold = true;
      await startAndRunFirstRound(h);
      await h.store.remove(['a1']);
      h.a.release();
      await h.clock.flush();
      assert.equal(h.store.get('a1'), undefined);
      assert.deepEqual(
        h.updates[0]!.tasks.map((t) => t.id),
        ['a2'],
      );
      h.poller.dispose();
    });
  });

  describe('interval', () => {
    it('waits the configured interval, read each round', async () => {
      const h = setup({ intervalMs: 20_000 });
      await h.track(task('a1'));
      await startAndRunFirstRound(h);
      assert.equal(h.clock.nextDelay(), 20_000);

      h.settings.intervalMs = 42_000;
      await h.clock.advance(20_000);
      assert.equal(h.a.calls.length, 2);
      assert.equal(h.clock.nextDelay(), 42_000);
      h.poller.dispose();
    });

    it('never polls faster than every 5 seconds', async () => {
      const h = setup({ intervalMs: 1_000 });
      await h.track(task('a1'));
      await startAndRunFirstRound(h);
      assert.equal(h.clock.nextDelay(), 5_000);
      await h.clock.advance(30_000);
      assert.equal(h.a.calls.length, 1 + 6);

      h.settings.intervalMs = Number.NaN;
      await h.clock.advance(5_000);
      assert.equal(h.clock.nextDelay(), 15_000);
      h.poller.dispose();
    });

    it('multiplies the interval by the slowdown factor, and ignores factors below 1', async () => {
      const h = setup();
      await h.track(task('a1'));
      await startAndRunFirstRound(h);
      h.settings.slowdown = 3;
      await h.clock.advance(INTERVAL);
      assert.equal(h.clock.nextDelay(), 45_000);
      await h.clock.advance(44_999);
      assert.equal(h.a.calls.length, 2);
      await h.clock.advance(1);
      assert.equal(h.a.calls.length, 3);

      h.settings.slowdown = 0.1;
      await h.clock.advance(45_000);
      assert.equal(h.clock.nextDelay(), INTERVAL);
      h.poller.dispose();
    });
  });

  describe('starting and stopping', () => {
    it('sets no timer before start', async () => {
      const h = setup();
      await h.track(task('a1'));
      await h.clock.advance(HOUR);
      assert.equal(h.clock.pendingTimers(), 0);
      assert.equal(h.a.calls.length, 0);
      assert.equal(h.poller.gatewayState(A).state, 'idle');
    });

    it('sets no timer when nothing is unfinished', async () => {
      const h = setup();
      await h.track(task('a1', A, 'succeeded'), task('b1', B, 'failed'));
      h.poller.start();
      assert.equal(h.clock.pendingTimers(), 0);
      await h.clock.advance(HOUR);
      assert.equal(h.a.calls.length + h.b.calls.length, 0);
    });

    it('stops by itself once every task has finished', async () => {
      const h = setup();
      await h.track(task('a1'), task('b1', B));
      await startAndRunFirstRound(h);
      assert.equal(h.clock.pendingTimers(), 2);

      h.a.serve(task('a1', A, 'succeeded'));
      h.b.serve(task('b1', B, 'failed'));
      await h.clock.advance(INTERVAL);
      assert.equal(h.clock.pendingTimers(), 0);
      assert.equal(h.poller.gatewayState(A).state, 'idle');
      assert.equal(h.poller.gatewayState(B).state, 'idle');
      await h.clock.advance(HOUR);
      assert.equal(h.a.calls.length, 2);
      assert.equal(h.b.calls.length, 2);
    });

    it('cancels a gateway\'s timer as soon as its last unfinished task is removed', async () => {
      const h = setup();
      await h.track(task('a1'), task('b1', B));
      await startAndRunFirstRound(h);
      await h.store.remove(['a1']);
      assert.equal(h.clock.pendingTimers(), 1);
      assert.equal(h.poller.gatewayState(A).state, 'idle');
      await h.store.remove(['b1']);
      assert.equal(h.clock.pendingTimers(), 0);
    });

    it('is idempotent: starting again sets no second timer and sends no extra request', async () => {
      const h = setup();
      await h.track(task('a1'));
      h.poller.start();
      h.poller.start();
      h.poller.start();
      assert.equal(h.clock.pendingTimers(), 1);
      await h.clock.advance(SOON_MS);
      h.poller.start();
      assert.equal(h.clock.pendingTimers(), 1);
      await h.clock.advance(INTERVAL);
      assert.equal(h.a.calls.length, 2);
      h.poller.dispose();
    });

    it('picks up newly tracked tasks: soon when their data is stale, after one interval when fresh', async () => {
      const h = setup();
      h.poller.start();
      assert.equal(h.clock.pendingTimers(), 0);

      await h.track(task('a1'));
      assert.equal(h.clock.nextDelay(), SOON_MS);

      // Fetched a moment ago by the Fetch Task command: nothing new to learn before an interval.
      await h.track(task('b1', B, 'running', new Date(h.clock.now()).toISOString()));
      assert.equal(h.poller.gatewayState(B).nextPollAt, h.clock.now() + INTERVAL);

      // Data four seconds old: due when it is one interval old.
      await h.store.remove(['b1']);
      await h.track(task('b2', B, 'running', new Date(h.clock.now() - 4_000).toISOString()));
      assert.equal(h.poller.gatewayState(B).nextPollAt, h.clock.now() + INTERVAL - 4_000);

      await h.clock.advance(INTERVAL);
      assert.deepEqual(h.a.calls, [['a1']]);
      assert.deepEqual(h.b.calls, [['b2']]);
      h.poller.dispose();
    });

    it('adds a task tracked between rounds to the next round of its gateway', async () => {
      const h = setup();
      await h.track(task('a1'));
      await startAndRunFirstRound(h);
      await h.track(task('a2'));
      assert.equal(h.clock.pendingTimers(), 1);
      await h.clock.advance(INTERVAL);
      assert.deepEqual(h.a.calls, [['a1'], ['a1', 'a2']]);
      h.poller.dispose();
    });
  });

  describe('failures and backoff', () => {
    it('backs off exponentially, capped at five minutes, and keeps every task', async () => {
      const h = setup({ random: () => 1 });
      await h.track(task('a1'), task('a2'));
      h.a.failNext(new GatewayError('server', 'HTTP 502', { httpStatus: 502 }));
      await startAndRunFirstRound(h);

      const delays: number[] = [];
      for (let round = 0; round < 7; round++) {
        delays.push(h.clock.nextDelay()!);
        await h.clock.runNext();
      }
      assert.deepEqual(delays, [30_000, 60_000, 120_000, 240_000, 300_000, 300_000, 300_000]);
      assert.equal(h.a.calls.length, 8);
      assert.equal(h.a.maxInFlight, 1);

      const state = h.poller.gatewayState(A);
      assert.equal(state.state, 'backing_off');
      assert.equal(state.consecutiveFailures, 8);
      assert.equal(state.lastError?.kind, 'server');
      assert.deepEqual(
        h.store.all().map((t) => t.id),
        ['a1', 'a2'],
      );
      assert.equal(h.failures.length, 8);
      assert.deepEqual(h.failures[0]!.taskIds, ['a1', 'a2']);
      assert.equal(h.failures[0]!.error.kind, 'server');
      h.poller.dispose();
    });

    it('keeps jittered delays within [ceiling/2, ceiling] and never below the interval', async () => {
      for (const [r, expected] of [
        [0, [15_000, 30_000, 60_000, 120_000, 150_000]],
        [0.5, [22_500, 45_000, 90_000, 180_000, 225_000]],
      ] as const) {
        const h = setup({ random: () => r });
        await h.track(task('a1'));
        h.a.failNext(new GatewayError('network', 'ECONNRESET'));
        await startAndRunFirstRound(h);
        const delays: number[] = [];
        for (let round = 0; round < 5; round++) {
          delays.push(h.clock.nextDelay()!);
          await h.clock.runNext();
        }
        assert.deepEqual(delays, expected, `random() = ${r}`);
        h.poller.dispose();
      }
    });

    it('never backs off to less than the slowed-down interval', async () => {
      const h = setup({ random: () => 0 });
      await h.track(task('a1'));
      h.settings.slowdown = 3;
      h.a.failNext(new GatewayError('timeout', 'timed out'), 1);
      await startAndRunFirstRound(h);
      assert.equal(h.clock.nextDelay(), 45_000);
      h.poller.dispose();
    });

    it('waits at least as long as a rate limit\'s Retry-After', async () => {
      const h = setup({ random: () => 0 });
      await h.track(task('a1'));
      h.a.failNext(new GatewayError('rate_limited', 'HTTP 429', { httpStatus: 429, retryAfterMs: 7 * MINUTE }), 1);
      await startAndRunFirstRound(h);
      assert.equal(h.clock.nextDelay(), 7 * MINUTE);
      assert.equal(h.poller.gatewayState(A).state, 'backing_off');

      // A refresh inside the window sends nothing…
      await h.poller.pollNow(A);
      await h.poller.pollNow();
      await h.clock.advance(7 * MINUTE - 1);
      assert.equal(h.a.calls.length, 1);
      // …and the poll comes exactly when the gateway allows it.
      await h.clock.advance(1);
      assert.equal(h.a.calls.length, 2);
      assert.equal(h.poller.gatewayState(A).state, 'waiting');
      assert.equal(h.clock.nextDelay(), INTERVAL);
      h.poller.dispose();
    });

    it('uses the backoff when it is longer than Retry-After', async () => {
      const h = setup({ random: () => 1 });
      await h.track(task('a1'));
      h.a.failNext(new GatewayError('rate_limited', 'HTTP 429', { httpStatus: 429, retryAfterMs: 1_000 }), 1);
      await startAndRunFirstRound(h);
      assert.equal(h.clock.nextDelay(), 30_000);
      h.poller.dispose();
    });

    it('honours Retry-After on per-task answers (single fetches) and backs off when none succeeded', async () => {
      const h = setup({ random: () => 0 });
      await h.track(task('a1'), task('a2'));
      const limited = new GatewayError('rate_limited', 'HTTP 429', { httpStatus: 429, retryAfterMs: 2 * MINUTE });
      h.a.perId.set('a1', limited);
      h.a.perId.set('a2', limited);
      await startAndRunFirstRound(h);
      assert.equal(h.clock.nextDelay(), 2 * MINUTE);
      assert.equal(h.poller.gatewayState(A).consecutiveFailures, 1);
      assert.deepEqual(
        h.failures.map((f) => [f.error.kind, f.taskIds]),
        [['rate_limited', ['a1', 'a2']]],
      );
      h.poller.dispose();
    });

    it('waits out a Retry-After even when other tasks of the round came back', async () => {
      const h = setup();
      await h.track(task('a1'), task('a2'));
      h.a.perId.set('a2', new GatewayError('rate_limited', 'HTTP 429', { httpStatus: 429, retryAfterMs: 3 * MINUTE }));
      await startAndRunFirstRound(h);
      assert.equal(h.poller.gatewayState(A).consecutiveFailures, 0);
      assert.equal(h.clock.nextDelay(), 3 * MINUTE);
      h.poller.dispose();
    });

    it('counts a round where some tasks came back as a success, reporting the others', async () => {
      const h = setup();
      await h.track(task('a1'), task('a2'));
      h.a.perId.set('a2', new GatewayError('bad_response', 'unreadable task'));
      await startAndRunFirstRound(h);
      assert.equal(h.poller.gatewayState(A).consecutiveFailures, 0);
      assert.equal(h.clock.nextDelay(), INTERVAL);
      assert.deepEqual(
        h.failures.map((f) => [f.error.kind, f.taskIds]),
        [['bad_response', ['a2']]],
      );
      assert.deepEqual(
        h.updates[0]!.tasks.map((t) => t.id),
        ['a1'],
      );
      // Unlike an unknown id, a task the gateway answered badly for is asked for again.
      await h.clock.advance(INTERVAL);
      assert.deepEqual(h.a.calls[1], ['a1', 'a2']);
      h.poller.dispose();
    });

    it('fires onDidRecover once, on the first success after failures', async () => {
      const h = setup({ random: () => 0 });
      await h.track(task('a1'));
      h.a.failNext(new GatewayError('server', 'HTTP 503', { httpStatus: 503 }), 2);
      await startAndRunFirstRound(h);
      await h.clock.runNext();
      assert.deepEqual(h.recoveries, []);
      assert.equal(h.poller.gatewayState(A).consecutiveFailures, 2);

      await h.clock.runNext();
      assert.deepEqual(h.recoveries, [A]);
      const state = h.poller.gatewayState(A);
      assert.equal(state.consecutiveFailures, 0);
      assert.equal(state.lastError, null);
      assert.equal(state.state, 'waiting');
      assert.equal(h.clock.nextDelay(), INTERVAL);

      await h.clock.advance(INTERVAL * 3);
      assert.deepEqual(h.recoveries, [A]);
      h.poller.dispose();
    });

    it('does not fire onDidRecover for a gateway that never failed', async () => {
      const h = setup();
      await h.track(task('a1'));
      await startAndRunFirstRound(h);
      await h.clock.advance(INTERVAL);
      assert.deepEqual(h.recoveries, []);
      h.poller.dispose();
    });

    it('backs off when clientFor itself fails', async () => {
      const h = setup({ random: () => 1 });
      await h.track(task('a1'));
      const poller = new Poller({
        store: h.store,
        clientFor: () => Promise.reject(new Error('keyring locked')),
        intervalMs: () => INTERVAL,
        clock: h.clock,
        random: () => 1,
      });
      const failures: PollerFailure[] = [];
      poller.onDidFail((f) => failures.push(f));
      poller.start();
      await h.clock.advance(SOON_MS);
      assert.equal(failures.length, 1);
      assert.equal(failures[0]!.error.kind, 'network');
      assert.match(failures[0]!.error.message, /keyring locked/);
      assert.equal(poller.gatewayState(A).state, 'backing_off');
      assert.equal(h.clock.nextDelay(), 30_000);
      poller.dispose();
    });
  });

  describe('auth', () => {
    it('pauses a gateway after an auth error until its key changes', async () => {
      const h = setup();
      await h.track(task('a1'), task('b1', B));
      h.a.failNext(new GatewayError('auth', 'HTTP 401: 无效的令牌', { httpStatus: 401 }), 1);
      await startAndRunFirstRound(h);

      const paused = h.poller.gatewayState(A);
      assert.equal(paused.state, 'paused_auth');
      assert.equal(paused.nextPollAt, null);
      assert.equal(paused.lastError?.kind, 'auth');
      assert.deepEqual(
        h.failures.map((f) => [f.baseUrl, f.error.kind, f.taskIds]),
        [[A, 'auth', ['a1']]],
      );
      // Only B's timer is left; A is not asked again, however long we wait.
      assert.equal(h.clock.pendingTimers(), 1);
      await h.clock.advance(HOUR);
      assert.equal(h.a.calls.length, 1);
      assert.ok(h.b.calls.length > 100);
      // Starting again or tracking more does not un-pause it.
      h.poller.start();
      await h.track(task('a2'));
      await h.clock.advance(HOUR);
      assert.equal(h.a.calls.length, 1);
      assert.equal(h.poller.gatewayState(A).state, 'paused_auth');

      h.poller.resumeGateway(A);
      assert.equal(h.poller.gatewayState(A).nextPollAt, h.clock.now() + SOON_MS);
      await h.clock.advance(SOON_MS);
      assert.deepEqual(h.a.calls[1], ['a1', 'a2']);
      assert.deepEqual(h.recoveries, [A]);
      assert.equal(h.poller.gatewayState(A).state, 'waiting');
      h.poller.dispose();
    });

    it('treats a gateway without a key as paused, without calling it', async () => {
      const h = setup({ withoutKey: [A] });
      await h.track(task('a1'));
      await startAndRunFirstRound(h);
      assert.equal(h.a.calls.length, 0);
      assert.equal(h.poller.gatewayState(A).state, 'paused_auth');
      assert.equal(h.failures[0]!.error.kind, 'auth');
      assert.match(h.failures[0]!.error.message, /No API key is set for https:\/\/a\.example/);
      assert.equal(h.clock.pendingTimers(), 0);

      h.keyless.delete(A);
      h.poller.resumeGateway(A);
      await h.clock.advance(SOON_MS);
      assert.deepEqual(h.a.calls, [['a1']]);
      assert.deepEqual(h.recoveries, [A]);
      h.poller.dispose();
    });

    it('stays paused when resumed with a key that is refused again', async () => {
      const h = setup();
      await h.track(task('a1'));
      h.a.failNext(new GatewayError('auth', 'HTTP 401', { httpStatus: 401 }));
      await startAndRunFirstRound(h);
      h.poller.resumeGateway(A);
      // Soon, but not sooner than the minimum interval after the refused request.
      assert.equal(h.poller.gatewayState(A).nextPollAt, h.clock.now() + MIN_POLL_INTERVAL_MS);
      await h.clock.advance(MIN_POLL_INTERVAL_MS - 1);
      assert.equal(h.a.calls.length, 1);
      await h.clock.advance(1);
      assert.equal(h.a.calls.length, 2);
      assert.equal(h.poller.gatewayState(A).state, 'paused_auth');
      assert.equal(h.poller.gatewayState(A).consecutiveFailures, 2);
      assert.equal(h.clock.pendingTimers(), 0);
    });

    it('ignores an auth failure of a request sent before the key changed', async () => {
      const h = setup();
      await h.track(task('a1'));
      h.a.hold = true;
      h.a.failNext(new GatewayError('auth', 'HTTP 401', { httpStatus: 401 }), 1);
      await startAndRunFirstRound(h);
      h.poller.resumeGateway(A);
      h.a.hold = false;
      h.a.release();
      await h.clock.flush();
      assert.notEqual(h.poller.gatewayState(A).state, 'paused_auth');
      assert.deepEqual(h.failures, []);
      await h.clock.advance(MIN_POLL_INTERVAL_MS);
      assert.equal(h.a.calls.length, 2);
      assert.equal(h.poller.gatewayState(A).state, 'waiting');
      h.poller.dispose();
    });

    it('starts no second request when resumed while one is out', async () => {
      const h = setup();
      await h.track(task('a1'));
      h.a.hold = true;
      await startAndRunFirstRound(h);
      h.poller.resumeGateway(A);
      h.poller.start();
      await h.clock.advance(MINUTE);
      assert.equal(h.a.calls.length, 1);
      assert.equal(h.a.maxInFlight, 1);
      assert.equal(h.clock.pendingTimers(), 0);
      h.a.hold = false;
      h.a.release();
      await h.clock.flush();
      assert.equal(h.clock.nextDelay(), INTERVAL);
      h.poller.dispose();
    });

    it('pauses when a per-task answer is an auth error', async () => {
      const h = setup();
      await h.track(task('a1'));
      h.a.perId.set('a1', new GatewayError('auth', 'HTTP 403', { httpStatus: 403 }));
      await startAndRunFirstRound(h);
      assert.equal(h.poller.gatewayState(A).state, 'paused_auth');
      assert.equal(h.failures.length, 1);
      h.poller.dispose();
    });

    it('lets a refresh try a paused gateway once (the key may have been fixed on the gateway)', async () => {
      const h = setup();
      await h.track(task('a1'));
      h.a.failNext(new GatewayError('auth', 'HTTP 401: quota exhausted', { httpStatus: 401 }), 1);
      await startAndRunFirstRound(h);
      await h.poller.pollNow(A);
      assert.equal(h.a.calls.length, 2);
      assert.deepEqual(h.recoveries, [A]);
      assert.equal(h.poller.gatewayState(A).state, 'waiting');
      h.poller.dispose();
    });
  });

  describe('unknown tasks', () => {
    it('reports a task the gateway does not know and stops asking for it, but keeps it', async () => {
      const h = setup();
      await h.track(task('a1'), task('a2'));
      h.a.remote.delete('a2');
      await startAndRunFirstRound(h);

      assert.equal(h.failures.length, 1);
      assert.equal(h.failures[0]!.error.kind, 'not_found');
      assert.deepEqual(h.failures[0]!.taskIds, ['a2']);
      assert.ok(h.store.get('a2'), 'the unknown task must stay tracked');
      assert.equal(h.poller.gatewayState(A).consecutiveFailures, 0);

      await h.clock.advance(INTERVAL * 2);
      assert.deepEqual(h.a.calls, [['a1', 'a2'], ['a1'], ['a1']]);
      assert.equal(h.failures.length, 1);

      // A refresh asks again: the gateway may have been slow to list a fresh task.
      h.a.serve(task('a2'));
      await h.poller.pollNow();
      assert.deepEqual(h.a.calls.at(-1), ['a1', 'a2']);
      await h.clock.advance(INTERVAL);
      assert.deepEqual(h.a.calls.at(-1), ['a1', 'a2']);
      h.poller.dispose();
    });

    it('treats an id missing from the answer as not found', async () => {
      const h = setup();
      await h.track(task('a1'), task('a2'));
      const client: PollingClient = {
        baseUrl: A,
        fetchTasks: (ids) => Promise.resolve(new Map(ids.filter((id) => id === 'a1').map((id) => [id, task(id)]))),
      };
      const poller = new Poller({ store: h.store, clientFor: () => Promise.resolve(client), intervalMs: () => INTERVAL, clock: h.clock });
      const failures: PollerFailure[] = [];
      poller.onDidFail((f) => failures.push(f));
      poller.start();
      await h.clock.advance(SOON_MS);
      assert.deepEqual(
        failures.map((f) => [f.error.kind, f.taskIds]),
        [['not_found', ['a2']]],
      );
      poller.dispose();
    });

    it('goes idle, with no timer, when every remaining task is unknown', async () => {
      const h = setup();
      await h.track(task('a1'));
      h.a.remote.clear();
      await startAndRunFirstRound(h);
      assert.equal(h.clock.pendingTimers(), 0);
      assert.equal(h.poller.gatewayState(A).state, 'idle');
      await h.clock.advance(HOUR);
      assert.equal(h.a.calls.length, 1);

      await h.poller.pollNow(A);
      assert.equal(h.a.calls.length, 2);
    });

    it('reports a request-wide failure for every id, and keeps every task', async () => {
      const h = setup({ random: () => 0 });
      await h.track(task('a1'), task('a2'), task('a3', A, 'succeeded'));
      h.a.failNext(new GatewayError('bad_response', 'HTML page from a proxy'), 1);
      await startAndRunFirstRound(h);
      assert.deepEqual(
        h.failures.map((f) => [f.error.kind, f.taskIds]),
        [['bad_response', ['a1', 'a2']]],
      );
      assert.equal(h.store.all().length, 3);
      await h.clock.runNext();
      assert.deepEqual(h.a.calls[1], ['a1', 'a2']);
      h.poller.dispose();
    });
  });

  describe('pollNow', () => {
    it('runs a round now for one gateway and restarts its interval', async () => {
      const h = setup();
      await h.track(task('a1'), task('b1', B));
      await startAndRunFirstRound(h);
      await h.clock.advance(10_000);

      await h.poller.pollNow(A);
      assert.equal(h.a.calls.length, 2);
      assert.equal(h.b.calls.length, 1);
      assert.equal(h.poller.gatewayState(A).nextPollAt, h.clock.now() + INTERVAL);
      assert.equal(h.clock.pendingTimers(), 2);
      h.poller.dispose();
    });

    it('runs a round now for every gateway with unfinished tasks', async () => {
      const h = setup();
      await h.track(task('a1'), task('b1', B), task('a2', A, 'succeeded'));
      await h.poller.pollNow();
      assert.deepEqual(h.a.calls, [['a1']]);
      assert.deepEqual(h.b.calls, [['b1']]);
      // …and keeps polling from then on.
      assert.equal(h.clock.pendingTimers(), 2);
      await h.clock.advance(INTERVAL);
      assert.equal(h.a.calls.length, 2);
      h.poller.dispose();
    });

    it('overrides a backoff (it is our own caution, not the gateway\'s request)', async () => {
      const h = setup({ random: () => 1 });
      await h.track(task('a1'));
      h.a.failNext(new GatewayError('server', 'HTTP 500', { httpStatus: 500 }), 1);
      await startAndRunFirstRound(h);
      assert.equal(h.clock.nextDelay(), 30_000);
      await h.poller.pollNow(A);
      assert.equal(h.a.calls.length, 2);
      assert.deepEqual(h.recoveries, [A]);
      h.poller.dispose();
    });

    it('does nothing for a gateway without tasks', async () => {
      const h = setup();
      await h.poller.pollNow(A);
      assert.equal(h.a.calls.length, 0);
      assert.equal(h.clientForCalls.length, 0);
      assert.equal(h.clock.pendingTimers(), 0);
    });

    it('never rejects: failures go to onDidFail', async () => {
      const h = setup();
      await h.track(task('a1'));
      h.a.failNext(new GatewayError('network', 'ECONNREFUSED'), 1);
      await h.poller.pollNow(A);
      assert.equal(h.failures.length, 1);
      h.poller.dispose();
    });
  });

  describe('state events', () => {
    it('fires each change of a gateway\'s state, and nothing when it stays the same', async () => {
      const h = setup({ random: () => 0 });
      await h.track(task('a1'));
      h.poller.start();
      h.poller.start();
      await h.clock.advance(SOON_MS);
      h.a.failNext(new GatewayError('server', 'HTTP 502', { httpStatus: 502 }), 1);
      await h.clock.advance(INTERVAL);
      h.a.serve(task('a1', A, 'succeeded'));
      await h.clock.runNext();

      const t0 = clock0;
      assert.deepEqual(
        h.states.map((s) => [s.state, s.consecutiveFailures, s.nextPollAt, s.lastError?.kind ?? null]),
        [
          ['waiting', 0, t0 + SOON_MS, null],
          ['polling', 0, null, null],
          ['waiting', 0, t0 + SOON_MS + INTERVAL, null],
          ['polling', 0, null, null],
          ['backing_off', 1, t0 + SOON_MS + INTERVAL + 15_000, 'server'],
          ['polling', 1, null, 'server'],
          ['idle', 0, null, null],
        ],
      );
      assert.ok(h.states.every((s) => s.baseUrl === A));
    });
  });

  describe('dispose', () => {
    it('clears every timer and stops polling', async () => {
      const h = setup();
      await h.track(task('a1'), task('b1', B));
      await startAndRunFirstRound(h);
      assert.equal(h.clock.pendingTimers(), 2);
      h.poller.dispose();
      assert.equal(h.clock.pendingTimers(), 0);
      await h.clock.advance(HOUR);
      assert.equal(h.a.calls.length + h.b.calls.length, 2);

      // Nothing restarts it.
      h.poller.start();
      h.poller.resumeGateway(A);
      await h.poller.pollNow();
      await h.track(task('a2'));
      assert.equal(h.clock.pendingTimers(), 0);
    });

    it('drops a result that arrives after dispose', async () => {
      const h = setup();
      await h.track(task('a1'));
      h.a.hold = true;
      await startAndRunFirstRound(h);
      h.a.serve(task('a1', A, 'succeeded'));
      const eventsBefore = h.states.length;
      h.poller.dispose();
      h.a.release();
      await h.clock.flush();

      assert.equal(h.store.get('a1')?.status, 'running');
      assert.deepEqual(h.updates, []);
      assert.equal(h.states.length, eventsBefore);
      assert.equal(h.clock.pendingTimers(), 0);
    });

    it('drops a failure that arrives after dispose', async () => {
      const h = setup();
      await h.track(task('a1'));
      h.a.hold = true;
      h.a.failNext(new GatewayError('auth', 'HTTP 401', { httpStatus: 401 }), 1);
      await startAndRunFirstRound(h);
      h.poller.dispose();
      h.a.release();
      await h.clock.flush();
      assert.deepEqual(h.failures, []);
      assert.equal(h.clock.pendingTimers(), 0);
    });
  });
});
