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
 */

import { MAX_BACKOFF_MS, backoffDelay } from './backoff';
import { clampTimerDelay, systemClock, type Clock } from './clock';
import { DisposableStore } from './disposables';
import { Emitter, type Disposable, type Event } from './emitter';
import type { GatewayClient } from './gatewayClient';
import { GatewayError, isGatewayError, type GatewayErrorKind } from './gatewayError';
import { isFinished, type Task } from './model';
import { DEFAULT_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS } from './pollInterval';
import { MAX_RETRY_AFTER_MS } from './responseErrors';
import type { TaskStore } from './taskStore';
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

interface GatewayEntry {
  readonly baseUrl: string;
  state: GatewayPollStateName;
  lastError: GatewayError | null;
  consecutiveFailures: number;
  nextPollAt: number | null;
  /** The pending timer's handle; `hasTimer` says whether there is one (handles may be falsy). */
  timer: unknown;
  hasTimer: boolean;
  /** The round in progress, if any: the one place a request to this gateway can come from. */
  inFlight: Promise<void> | undefined;
  /** Clock time before which the gateway asked not to be called again (Retry-After). */
  retryNotBefore: number;
  /** Clock time the last round started sending to the gateway; -Infinity before the first. */
  lastRoundStartedAt: number;
  /** Ids the gateway said it does not know; skipped until `pollNow`. */
  readonly notFound: Set<string>;
  /** Bumped by `resumeGateway`, so an auth failure of a request sent with the old key is ignored. */
  keyGeneration: number;
  published: GatewayPollState | undefined;
}

export class Poller implements Disposable {
  private readonly store: TaskStore;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly gateways = new Map<string, GatewayEntry>();
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
      for (const entry of this.gateways.values()) this.clearTimer(entry);
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
          if (!entry.hasTimer && entry.state !== 'paused_auth' && this.pollableIds(entry).length > 0) {
            this.schedule(entry, entry.retryNotBefore - this.clock.now(), 'backing_off');
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
    entry.keyGeneration++;
    if (entry.state === 'paused_auth') entry.state = 'idle';
    // A round in flight decides what comes next when it ends (see `failRound`).
    if (entry.inFlight !== undefined) return;
    if (this.pollableIds(entry).length === 0) {
      this.setIdle(entry);
      return;
    }
    this.schedule(entry, SOON_MS, 'waiting');
  }

  gatewayState(baseUrl: string): GatewayPollState {
    const entry = this.gateways.get(baseUrl);
    if (entry === undefined) {
      return { baseUrl, state: 'idle', lastError: null, consecutiveFailures: 0, nextPollAt: null };
    }
    return snapshot(entry);
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
      const hasWork = this.pollableIds(entry).length > 0;
      if (!hasWork) {
        this.setIdle(entry);
      } else if (!entry.hasTimer) {
        this.schedule(entry, this.firstDelay(entry), entry.consecutiveFailures > 0 ? 'backing_off' : 'waiting');
      }
    }
  }

  /** Soon for stale data, else when the oldest data is one interval old; `schedule` adds the floors. */
  private firstDelay(entry: GatewayEntry): number {
    const interval = this.slowedInterval();
    let oldest = Infinity;
    for (const id of this.pollableIds(entry)) {
      const time = Date.parse(this.store.get(id)?.fetchedAt ?? '');
      // An unreadable fetchedAt counts as very old: better one poll too many than a stale task.
      oldest = Math.min(oldest, Number.isNaN(time) ? 0 : time);
    }
    const dueIn = oldest + interval - this.clock.now();
    return Math.min(interval, Math.max(SOON_MS, dueIn));
  }

  /**
   * The earliest clock time the next round not asked for explicitly may start: after the
   * gateway's Retry-After, and one minimum interval after the last round started.
   */
  private earliestRoundAt(entry: GatewayEntry): number {
    return Math.max(entry.retryNotBefore, entry.lastRoundStartedAt + MIN_POLL_INTERVAL_MS);
  }

  private runRound(entry: GatewayEntry, trigger: 'timer' | 'refresh'): Promise<void> {
    if (entry.inFlight !== undefined) return entry.inFlight;
    this.clearTimer(entry);
    const round = (async (): Promise<void> => {
      try {
        await this.round(entry, trigger);
      } catch (error) {
        // Only a bug gets here (the round handles gateway errors); keep polling, with backoff.
        if (!this.disposed) {
          this.failRound(entry, this.pollableIds(entry), toGatewayError(error, 'bad_response', entry.baseUrl), entry.keyGeneration);
        }
      } finally {
        entry.inFlight = undefined;
      }
    })();
    entry.inFlight = round;
    return round;
  }

  private async round(entry: GatewayEntry, trigger: 'timer' | 'refresh'): Promise<void> {
    const ids = this.pollableIds(entry);
    if (ids.length === 0) {
      this.setIdle(entry);
      return;
    }
    if (trigger === 'timer' && this.options.mayPoll?.(entry.baseUrl) === false) {
      // Someone else polls this gateway; ask again in one interval, in case they stop.
      this.schedule(entry, this.slowedInterval(), 'waiting');
      return;
    }
    const keyGeneration = entry.keyGeneration;
    entry.state = 'polling';
    entry.nextPollAt = null;
    this.publish(entry);

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
    // From here on the gateway hears from us: the minimum interval counts from this moment.
    entry.lastRoundStartedAt = this.clock.now();
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
    entry: GatewayEntry,
    ids: readonly string[],
    results: Map<string, Task | GatewayError>,
    keyGeneration: number,
  ): Promise<void> {
    const tasks: Task[] = [];
    const finished: Task[] = [];
    const errorsByKind = new Map<string, { error: GatewayError; ids: string[] }>();
    for (const id of ids) {
      // The user may have removed the task while the request was out: do not bring it back.
      const previous = this.store.get(id);
      if (previous === undefined) continue;
      const result =
        results.get(id) ?? new GatewayError('not_found', `The gateway at ${entry.baseUrl} did not return task ${id}.`);
      if (isGatewayError(result)) {
        const group = errorsByKind.get(result.kind) ?? { error: result, ids: [] };
        group.ids.push(id);
        errorsByKind.set(result.kind, group);
        continue;
      }
      // Stored under the id that was asked for: a gateway that answers with the id upper-cased
      // must not make a second task appear next to the tracked one.
      const task = result.id === id ? result : { ...result, id };
      tasks.push(task);
      if (!isFinished(previous.status) && isFinished(task.status) && !this.reportedFinished.has(id)) {
        this.reportedFinished.add(id);
        finished.push(task);
      }
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
    // Per-task rate limits (single fetches behind a gateway without a batch route) still count.
    this.noteRetryAfter(entry, otherErrors.map((group) => group.error));

    // A round succeeded if the gateway answered for at least one task, or nothing went wrong
    // beyond unknown ids. An auth error for any task means the key is bad for all of them.
    const authError = errorsByKind.get('auth');
    const succeeded = authError === undefined && (tasks.length > 0 || otherErrors.length === 0);
    if (succeeded) {
      const recovered = entry.consecutiveFailures > 0;
      entry.consecutiveFailures = 0;
      entry.lastError = null;
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
  private failRound(entry: GatewayEntry, ids: readonly string[], error: GatewayError, keyGeneration: number): void {
    if (error.kind === 'auth' && keyGeneration !== entry.keyGeneration) {
      // Sent with a key that has since been replaced: says nothing about the new one.
      if (this.pollableIds(entry).length > 0) {
        this.schedule(entry, SOON_MS, 'waiting');
      } else {
        this.setIdle(entry);
      }
      return;
    }
    entry.consecutiveFailures++;
    entry.lastError = error;
    if (error.kind === 'auth') {
      this.clearTimer(entry);
      entry.state = 'paused_auth';
      entry.nextPollAt = null;
      this.publish(entry);
    } else {
      this.noteRetryAfter(entry, [error]);
      const backoff = backoffDelay(entry.consecutiveFailures, this.baseInterval(), this.random, MAX_BACKOFF_MS);
      const wait = Math.max(backoff, this.slowedInterval());
      if (this.pollableIds(entry).length > 0) this.schedule(entry, wait, 'backing_off');
      else this.setIdle(entry);
    }
    this.failEmitter.fire({ baseUrl: entry.baseUrl, error, taskIds: ids });
  }

  private noteRetryAfter(entry: GatewayEntry, errors: readonly GatewayError[]): void {
    for (const error of errors) {
      if (error.kind === 'rate_limited' && error.retryAfterMs !== null && error.retryAfterMs > 0) {
        // The client caps what it parses; a hand-made error is held to the same hour.
        const wait = Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
        entry.retryNotBefore = Math.max(entry.retryNotBefore, this.clock.now() + wait);
      }
    }
  }

  private scheduleNext(entry: GatewayEntry): void {
    if (this.pollableIds(entry).length === 0) {
      this.setIdle(entry);
      return;
    }
    this.schedule(entry, this.slowedInterval(), 'waiting');
  }

  /**
   * Sets the gateway's one timer for a round in `delayMs`, or later when its Retry-After or the
   * minimum interval since its last round says so: every path to a timed round goes through here.
   */
  private schedule(entry: GatewayEntry, delayMs: number, state: 'waiting' | 'backing_off'): void {
    this.clearTimer(entry);
    const now = this.clock.now();
    const wait = clampTimerDelay(Math.max(delayMs, this.earliestRoundAt(entry) - now));
    const dueAt = now + wait;
    entry.state = state;
    entry.nextPollAt = dueAt;
    entry.hasTimer = true;
    entry.timer = this.clock.setTimeout(() => {
      entry.hasTimer = false;
      entry.timer = undefined;
      if (this.disposed) return;
      // A timer may fire early (a host that cut its delay, a clock that sped up): check again.
      const early = Math.max(dueAt, this.earliestRoundAt(entry)) - this.clock.now();
      if (early > 0) this.schedule(entry, early, entry.state === 'backing_off' ? 'backing_off' : 'waiting');
      else void this.runRound(entry, 'timer');
    }, wait);
    this.publish(entry);
  }

  /** No timer. A paused gateway stays paused: its key is still the refused one, work or not. */
  private setIdle(entry: GatewayEntry): void {
    this.clearTimer(entry);
    if (entry.state === 'paused_auth') return;
    entry.state = 'idle';
    entry.nextPollAt = null;
    this.publish(entry);
  }

  private clearTimer(entry: GatewayEntry): void {
    if (!entry.hasTimer) return;
    this.clock.clearTimeout(entry.timer);
    entry.hasTimer = false;
    entry.timer = undefined;
  }

  private publish(entry: GatewayEntry): void {
    if (this.disposed) return;
    const next = snapshot(entry);
    const previous = entry.published;
    if (
      previous !== undefined &&
      previous.state === next.state &&
      previous.lastError === next.lastError &&
      previous.consecutiveFailures === next.consecutiveFailures &&
      previous.nextPollAt === next.nextPollAt
    ) {
      return;
    }
    entry.published = next;
    this.stateEmitter.fire(next);
  }

  private entry(baseUrl: string): GatewayEntry {
    let entry = this.gateways.get(baseUrl);
    if (entry === undefined) {
      entry = {
        baseUrl,
        state: 'idle',
        lastError: null,
        consecutiveFailures: 0,
        nextPollAt: null,
        timer: undefined,
        hasTimer: false,
        inFlight: undefined,
        retryNotBefore: 0,
        lastRoundStartedAt: -Infinity,
        notFound: new Set(),
        keyGeneration: 0,
        published: undefined,
      };
      // A new gateway starts idle without telling anyone: only changes are events.
      entry.published = snapshot(entry);
      this.gateways.set(baseUrl, entry);
    }
    return entry;
  }

  /** The ids to ask the gateway for: its unfinished tasks, less those it said it does not know. */
  private pollableIds(entry: GatewayEntry): string[] {
    const ids = this.unfinished?.idsOf(entry.baseUrl) ?? [];
    return entry.notFound.size === 0 ? ids : ids.filter((id) => !entry.notFound.has(id));
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

function snapshot(entry: GatewayEntry): GatewayPollState {
  return {
    baseUrl: entry.baseUrl,
    state: entry.state,
    lastError: entry.lastError,
    consecutiveFailures: entry.consecutiveFailures,
    nextPollAt: entry.nextPollAt,
  };
}

function toGatewayError(error: unknown, kind: 'network' | 'bad_response', baseUrl: string): GatewayError {
  if (isGatewayError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GatewayError(kind, `Polling ${baseUrl} failed: ${message}`, { cause: error });
}
