/**
 * Keeps unfinished tasks up to date by polling their gateways.
 *
 * Per gateway (tasks are grouped by `baseUrl`):
 * - one batch request per round, for every unfinished task of that gateway;
 * - rounds are chained with `setTimeout` on the injected clock, never `setInterval`: the next
 *   round is scheduled only when the previous one has finished, so two requests to one gateway
 *   never overlap, whatever the network does;
 * - the interval is read from the settings each round (at least 5 s) and multiplied by the
 *   slowdown factor (an unfocused window polls less);
 * - after a failure the delay grows exponentially with jitter (see `backoff.ts`), and never ends
 *   before a rate limit's Retry-After (capped at an hour, see `MAX_RETRY_AFTER_MS`);
 * - whatever the gateway answers, two rounds it did not ask for explicitly (`pollNow`) start at
 *   least `MIN_POLL_INTERVAL_MS` apart: each gateway keeps the time its last round started, every
 *   timer is set no earlier than that allows, and a timer that fires early finds out and waits on;
 * - every delay handed to the clock is one a host timer can hold (`clampTimerDelay`);
 * - each task is reported finished at most once while it stays tracked;
 * - `mayPoll` can hold a gateway back (another window polls it): its rounds then send nothing;
 * - after an auth failure (or when there is no key) the gateway is paused until
 *   `resumeGateway` says the key changed, or the user asks for a refresh;
 * - a task the gateway does not know (`not_found`), or whose id the client refuses to send
 *   (`invalid_input`), is reported and not asked for again until `pollNow`, but stays tracked:
 *   the gateway may just be slow to list a fresh task;
 * - a gateway with nothing to poll has no timer at all.
 *
 * One gateway's state, timer and limits live in `gatewaySchedule.ts`, and the sorting of a batch
 * answer in `roundResults.ts`. This file stays longer than the others because a round reads best
 * as one story, from the timer firing to the next round being scheduled.
 */

import { MAX_BACKOFF_MS, backoffDelay } from './backoff';
import { systemClock, type Clock } from '../clock';
import { DisposableStore } from '../disposables';
import { Emitter, type Disposable, type Event } from '../emitter';
import { errorText } from '../errorText';
import type { GatewayClient } from '../gateway/gatewayClient';
import { GatewayError, isGatewayError, type GatewayErrorKind } from '../gatewayError';
import { GatewaySchedule } from './gatewaySchedule';
import type { Task } from '../task/model';
import { DEFAULT_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS } from './pollInterval';
import { sortRoundResults } from './roundResults';
import type { TaskStore } from '../store/taskStore';
import { UnfinishedTasksByGateway } from './unfinishedTasksByGateway';

/** The part of `GatewayClient` the poller uses; tests hand in small fakes of exactly this. */
export type PollingClient = Pick<GatewayClient, 'baseUrl' | 'fetchTasks'>;

/**
 * "Soon": the delay of a first poll whose data is already stale and of a poll after the key
 * changed. Short, but not zero, so a burst of `start()`/`resumeGateway()` calls makes one request.
 */
export const SOON_MS = 500;

/** Per-task errors that set a task aside instead of counting as a failed round. */
const SET_ASIDE_KINDS: readonly GatewayErrorKind[] = ['not_found', 'invalid_input'];

export type GatewayPollStateName = 'idle' | 'polling' | 'waiting' | 'backing_off' | 'paused_auth';

export interface GatewayPollState {
  readonly baseUrl: string;
  /**
   * idle: no timer (nothing to poll, or not started); polling: a request is out; waiting: the
   * next round is scheduled; backing_off: scheduled later than usual after failures;
   * paused_auth: the key is missing or was refused, nothing is scheduled.
   */
  readonly state: GatewayPollStateName;
  readonly lastError: GatewayError | null;
  readonly consecutiveFailures: number;
  /** When the next round is due (clock time), or null when none is scheduled. */
  readonly nextPollAt: number | null;
}

export interface PollerUpdate {
  readonly baseUrl: string;
  /** Every task fetched in the round, changed or not. */
  readonly tasks: readonly Task[];
  /**
   * The tasks that went from unfinished to succeeded/failed in this round, each at most once
   * while it stays tracked: a gateway that flips a task back to running and finishes it again
   * does not announce it twice (a task removed and tracked again may finish again).
   */
  readonly finished: readonly Task[];
}

export interface PollerFailure {
  readonly baseUrl: string;
  readonly error: GatewayError;
  /** The tasks the error applies to: all polled ids for a request-wide failure. */
  readonly taskIds: readonly string[];
}

export interface PollerOptions {
  store: TaskStore;
  /** A client with the gateway's key; undefined when there is no key (treated as paused_auth). */
  clientFor(baseUrl: string): Promise<PollingClient | undefined>;
  /** The poll interval in ms; read each round and clamped to at least 5000. */
  intervalMs(): number;
  /** Multiplies the interval, e.g. 3 while the window is unfocused; values below 1 count as 1. */
  slowdownFactor?(): number;
  clock?: Clock;
  /** In [0, 1), like `Math.random`; drives the backoff jitter. */
  random?: () => number;
  /**
   * Asked when a round is due: false means another party (another window) polls this gateway, so
   * this round sends nothing and the question comes again one interval later (state `waiting`).
   * An explicit `pollNow` does not ask. Default: always true.
   */
  mayPoll?: (baseUrl: string) => boolean;
}

export class Poller implements Disposable {
  private readonly store: TaskStore;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly gateways = new Map<string, GatewaySchedule>();
  /** Built by `start()`, then kept up to date from the store's change events. */
  private unfinished: UnfinishedTasksByGateway | undefined;
  /** Tasks already reported finished; forgotten when the task stops being tracked. */
  private readonly reportedFinished = new Set<string>();
  private storeSubscription: Disposable | undefined;
  private readonly disposables = new DisposableStore();

  private readonly updateEmitter = this.disposables.add(new Emitter<PollerUpdate>());
  private readonly failEmitter = this.disposables.add(new Emitter<PollerFailure>());
  private readonly recoverEmitter = this.disposables.add(new Emitter<{ baseUrl: string }>());
  private readonly stateEmitter = this.disposables.add(new Emitter<GatewayPollState>());

  readonly onDidUpdate: Event<PollerUpdate> = this.updateEmitter.event;
  readonly onDidFail: Event<PollerFailure> = this.failEmitter.event;
  readonly onDidRecover: Event<{ baseUrl: string }> = this.recoverEmitter.event;
  readonly onDidChangeState: Event<GatewayPollState> = this.stateEmitter.event;

  constructor(private readonly options: PollerOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.disposables.addCallback(() => {
      for (const entry of this.gateways.values()) entry.dispose();
    });
  }

  /**
   * Starts polling every gateway that has unfinished tasks and no timer yet. Idempotent. From
   * now on, tasks added to the store are picked up and gateways left with nothing to poll stop.
   * A gateway's first poll waits until its oldest data is one interval old (at least `SOON_MS`),
   * so tasks loaded at startup are refreshed soon and a task fetched a moment ago is not re-asked.
   */
  start(): void {
    if (this.disposed) return;
    if (this.storeSubscription === undefined) {
      this.unfinished = new UnfinishedTasksByGateway(this.store);
      this.storeSubscription = this.disposables.add(
        this.store.onDidChange((change) => {
          this.unfinished?.refresh([...change.changed, ...change.removed]);
          for (const id of change.removed) {
            this.reportedFinished.delete(id);
            for (const entry of this.gateways.values()) entry.notFound.delete(id);
          }
          this.reconcile();
        }),
      );
    }
    this.reconcile();
  }

  /**
   * Runs a round now for one gateway or all that have unfinished tasks, including the tasks
   * skipped as not found and gateways paused for auth (the user may have fixed the key on the
   * gateway's side). Waits for a request already in flight instead of starting another. A gateway
   * inside a rate limit's Retry-After window is left to its timer. This is the one way to poll
   * sooner than the minimum interval after the last round, and it does not ask `mayPoll`: the
   * user asked. Resolves when the rounds are done; failures are reported through `onDidFail`,
   * never as a rejection.
   */
  async pollNow(baseUrl?: string): Promise<void> {
    if (this.disposed) return;
    this.start();
    const targets = baseUrl === undefined ? (this.unfinished?.gateways() ?? []) : [baseUrl];
    await Promise.all(
      targets.map(async (target) => {
        const entry = this.entry(target);
        entry.notFound.clear();
        if (entry.inFlight !== undefined) return entry.inFlight;
        if (entry.retryNotBefore > this.clock.now()) {
          // Not before the gateway allows it; make sure a timer is waiting for that moment.
          if (!entry.hasTimer && entry.state !== 'paused_auth' && entry.pollableIds().length > 0) {
            entry.schedule(entry.retryNotBefore - this.clock.now(), 'backing_off');
          }
          return undefined;
        }
        return this.runRound(entry, 'refresh');
      }),
    );
  }

  /** The key for `baseUrl` changed: lift an auth pause and poll soon. */
  resumeGateway(baseUrl: string): void {
    if (this.disposed) return;
    const entry = this.entry(baseUrl);
    entry.keyChanged();
    // A round in flight decides what comes next when it ends (see `failRound`).
    if (entry.inFlight !== undefined) return;
    if (entry.pollableIds().length === 0) {
      entry.setIdle();
      return;
    }
    entry.schedule(SOON_MS, 'waiting');
  }

  gatewayState(baseUrl: string): GatewayPollState {
    const entry = this.gateways.get(baseUrl);
    if (entry === undefined) {
      return { baseUrl, state: 'idle', lastError: null, consecutiveFailures: 0, nextPollAt: null };
    }
    return entry.snapshot();
  }

  /** Stops everything: no timer stays set, and results still arriving are dropped. */
  dispose(): void {
    this.disposables.dispose();
  }

  private get disposed(): boolean {
    return this.disposables.isDisposed;
  }

  /** Schedules gateways that have work but no timer; stops those that have no work left. */
  private reconcile(): void {
    if (this.disposed) return;
    for (const baseUrl of this.unfinished?.gateways() ?? []) this.entry(baseUrl);
    for (const entry of this.gateways.values()) {
      if (entry.inFlight !== undefined || entry.state === 'paused_auth') continue;
      const hasWork = entry.pollableIds().length > 0;
      if (!hasWork) {
        entry.setIdle();
      } else if (!entry.hasTimer) {
        entry.schedule(this.firstDelay(entry), entry.consecutiveFailures > 0 ? 'backing_off' : 'waiting');
      }
    }
  }

  /** Soon for stale data, else when the oldest data is one interval old; `schedule` adds the floors. */
  private firstDelay(entry: GatewaySchedule): number {
    const interval = this.slowedInterval();
    let oldest = Infinity;
    for (const id of entry.pollableIds()) {
      const time = Date.parse(this.store.get(id)?.fetchedAt ?? '');
      // An unreadable fetchedAt counts as very old: better one poll too many than a stale task.
      oldest = Math.min(oldest, Number.isNaN(time) ? 0 : time);
    }
    const dueIn = oldest + interval - this.clock.now();
    return Math.min(interval, Math.max(SOON_MS, dueIn));
  }

  private runRound(entry: GatewaySchedule, trigger: 'timer' | 'refresh'): Promise<void> {
    if (entry.inFlight !== undefined) return entry.inFlight;
    entry.clearTimer();
    const round = (async (): Promise<void> => {
      try {
        await this.round(entry, trigger);
      } catch (error) {
        // Only a bug gets here (the round handles gateway errors); keep polling, with backoff.
        if (!this.disposed) {
          this.failRound(entry, entry.pollableIds(), toGatewayError(error, 'bad_response', entry.baseUrl), entry.keyGeneration);
        }
      } finally {
        entry.inFlight = undefined;
      }
    })();
    entry.inFlight = round;
    return round;
  }

  private async round(entry: GatewaySchedule, trigger: 'timer' | 'refresh'): Promise<void> {
    const ids = entry.pollableIds();
    if (ids.length === 0) {
      entry.setIdle();
      return;
    }
    if (trigger === 'timer' && this.options.mayPoll?.(entry.baseUrl) === false) {
      // Someone else polls this gateway; ask again in one interval, in case they stop.
      entry.schedule(this.slowedInterval(), 'waiting');
      return;
    }
    const keyGeneration = entry.keyGeneration;
    entry.markPolling();

    let client: PollingClient | undefined;
    try {
      client = await this.options.clientFor(entry.baseUrl);
    } catch (error) {
      if (!this.disposed) this.failRound(entry, ids, toGatewayError(error, 'network', entry.baseUrl), keyGeneration);
      return;
    }
    if (this.disposed) return;
    if (client === undefined) {
      this.failRound(entry, ids, new GatewayError('auth', `No API key is set for ${entry.baseUrl}.`), keyGeneration);
      return;
    }

    let results: Map<string, Task | GatewayError>;
    entry.markRoundStarted();
    try {
      results = await client.fetchTasks(ids);
    } catch (error) {
      if (!this.disposed) this.failRound(entry, ids, toGatewayError(error, 'bad_response', entry.baseUrl), keyGeneration);
      return;
    }
    if (this.disposed) return;
    await this.applyResults(entry, ids, results, keyGeneration);
  }

  private async applyResults(
    entry: GatewaySchedule,
    ids: readonly string[],
    results: Map<string, Task | GatewayError>,
    keyGeneration: number,
  ): Promise<void> {
    const { tasks, newlyFinished, errorsByKind } = sortRoundResults(ids, results, entry.baseUrl, (id) => this.store.get(id));
    // Each task is announced finished once while it stays tracked, whatever the gateway flips.
    const finished: Task[] = [];
    for (const task of newlyFinished) {
      if (this.reportedFinished.has(task.id)) continue;
      this.reportedFinished.add(task.id);
      finished.push(task);
    }

    if (tasks.length > 0) {
      try {
        await this.store.upsert(tasks);
      } catch {
        // The store has reported the failed write; the new state is in memory all the same.
      }
      if (this.disposed) return;
    }

    // Unknown ids, and ids the client refuses to send (a task kept from an older version whose id
    // today's rules refuse), are set aside until `pollNow`: neither says the gateway is failing.
    for (const kind of SET_ASIDE_KINDS) {
      for (const id of errorsByKind.get(kind)?.ids ?? []) entry.notFound.add(id);
    }
    const otherErrors = [...errorsByKind.values()].filter((group) => !SET_ASIDE_KINDS.includes(group.error.kind));
    // Per-task rate limits (single fetches behind a gateway without a batch route) still count,
    // also one that came with the answer for a task removed while the request was out: the
    // gateway asked not to be called, whichever task it was answering about.
    entry.noteRetryAfter([...results.values()].filter(isGatewayError));

    // A round succeeded if the gateway answered for at least one task, or nothing went wrong
    // beyond unknown ids. An auth error for any task means the key is bad for all of them.
    const authError = errorsByKind.get('auth');
    const succeeded = authError === undefined && (tasks.length > 0 || otherErrors.length === 0);
    if (succeeded) {
      const recovered = entry.recordSuccess();
      this.scheduleNext(entry);
      if (recovered) this.recoverEmitter.fire({ baseUrl: entry.baseUrl });
    }
    if (tasks.length > 0) this.updateEmitter.fire({ baseUrl: entry.baseUrl, tasks, finished });
    for (const group of errorsByKind.values()) {
      // The round-level failure below reports its own error; report every other group here.
      if (!succeeded && group === (authError ?? otherErrors[0])) continue;
      this.failEmitter.fire({ baseUrl: entry.baseUrl, error: group.error, taskIds: group.ids });
    }
    if (!succeeded) {
      const group = authError ?? otherErrors[0];
      if (group !== undefined) this.failRound(entry, group.ids, group.error, keyGeneration);
    }
  }

  /** Books a failed round and decides what comes next: a pause for auth, else backoff. */
  private failRound(entry: GatewaySchedule, ids: readonly string[], error: GatewayError, keyGeneration: number): void {
    if (error.kind === 'auth' && keyGeneration !== entry.keyGeneration) {
      // Sent with a key that has since been replaced: says nothing about the new one.
      if (entry.pollableIds().length > 0) {
        entry.schedule(SOON_MS, 'waiting');
      } else {
        entry.setIdle();
      }
      return;
    }
    entry.recordFailure(error);
    if (error.kind === 'auth') {
      entry.pauseForAuth();
    } else {
      entry.noteRetryAfter([error]);
      const backoff = backoffDelay(entry.consecutiveFailures, this.baseInterval(), this.random, MAX_BACKOFF_MS);
      const wait = Math.max(backoff, this.slowedInterval());
      if (entry.pollableIds().length > 0) entry.schedule(wait, 'backing_off');
      else entry.setIdle();
    }
    this.failEmitter.fire({ baseUrl: entry.baseUrl, error, taskIds: ids });
  }

  private scheduleNext(entry: GatewaySchedule): void {
    if (entry.pollableIds().length === 0) {
      entry.setIdle();
      return;
    }
    entry.schedule(this.slowedInterval(), 'waiting');
  }

  private entry(baseUrl: string): GatewaySchedule {
    let entry = this.gateways.get(baseUrl);
    if (entry === undefined) {
      entry = new GatewaySchedule({
        baseUrl,
        clock: this.clock,
        minRoundGapMs: MIN_POLL_INTERVAL_MS,
        unfinishedIds: () => this.unfinished?.idsOf(baseUrl) ?? [],
        onDue: (due) => void this.runRound(due, 'timer'),
        onDidChangeState: (state) => this.stateEmitter.fire(state),
      });
      this.gateways.set(baseUrl, entry);
    }
    return entry;
  }

  private baseInterval(): number {
    const raw = this.options.intervalMs();
    return Number.isFinite(raw) ? Math.max(MIN_POLL_INTERVAL_MS, raw) : DEFAULT_POLL_INTERVAL_MS;
  }

  private slowedInterval(): number {
    const raw = this.options.slowdownFactor?.() ?? 1;
    const factor = Number.isFinite(raw) && raw > 1 ? raw : 1;
    return this.baseInterval() * factor;
  }
}

function toGatewayError(error: unknown, kind: 'network' | 'bad_response', baseUrl: string): GatewayError {
  if (isGatewayError(error)) return error;
  return new GatewayError(kind, `Polling ${baseUrl} failed: ${errorText(error)}`, { cause: error });
}
