/**
 * One gateway's side of the poller: its state, its one timer, the round in flight, the limits
 * on when the next round may start, and the ids it said it does not know. The `Poller` decides
 * what a round does and when to ask for the next one; this class keeps what it asks consistent
 * (one timer at most, no round before the gateway allows it) and reports each change of state
 * once.
 */

import { clampTimerDelay, type Clock } from '../clock';
import type { GatewayError } from '../gatewayError';
import type { GatewayPollState, GatewayPollStateName } from './poller';
import { MAX_RETRY_AFTER_MS } from '../gateway/retryAfter';

interface GatewayScheduleOptions {
  readonly baseUrl: string;
  readonly clock: Clock;
  /** Two rounds not asked for explicitly start at least this far apart. */
  readonly minRoundGapMs: number;
  /** The gateway's unfinished task ids, as the store has them now. */
  unfinishedIds(): readonly string[];
  /** A scheduled round is due. */
  onDue(schedule: GatewaySchedule): void;
  /** The state a reader sees changed. */
  onDidChangeState(state: GatewayPollState): void;
}

export class GatewaySchedule {
  readonly baseUrl: string;
  private currentState: GatewayPollStateName = 'idle';
  private currentError: GatewayError | null = null;
  private failures = 0;
  /** When the next round is due (clock time), or null when none is scheduled. */
  private nextPollAt: number | null = null;
  /** The pending timer's handle; `timerSet` says whether there is one (handles may be falsy). */
  private timer: unknown;
  private timerSet = false;
  /** The round in progress, if any: the one place a request to this gateway can come from. */
  inFlight: Promise<void> | undefined;
  /** Clock time before which the gateway asked not to be called again (Retry-After). */
  private notBefore = 0;
  /** Clock time the last round started sending to the gateway; -Infinity before the first. */
  private lastRoundStartedAt = -Infinity;
  /** Ids the gateway said it does not know; skipped until `pollNow`. */
  readonly notFound = new Set<string>();
  /** Bumped when the key changes, so an auth failure of a request sent with the old key is ignored. */
  private generation = 0;
  /** The state last reported; a new gateway starts idle without telling anyone. */
  private published: GatewayPollState;
  private disposed = false;

  constructor(private readonly options: GatewayScheduleOptions) {
    this.baseUrl = options.baseUrl;
    // Only changes are events: the first state is taken as already known.
    this.published = this.snapshot();
  }

  get state(): GatewayPollStateName {
    return this.currentState;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  get keyGeneration(): number {
    return this.generation;
  }

  /** Clock time before which the gateway asked not to be called again (Retry-After). */
  get retryNotBefore(): number {
    return this.notBefore;
  }

  get hasTimer(): boolean {
    return this.timerSet;
  }

  snapshot(): GatewayPollState {
    return {
      baseUrl: this.baseUrl,
      state: this.currentState,
      lastError: this.currentError,
      consecutiveFailures: this.failures,
      nextPollAt: this.nextPollAt,
    };
  }

  /** The ids to ask the gateway for: its unfinished tasks, less those it said it does not know. */
  pollableIds(): string[] {
    const ids = [...this.options.unfinishedIds()];
    return this.notFound.size === 0 ? ids : ids.filter((id) => !this.notFound.has(id));
  }

  /** The key changed: requests sent with the old one no longer count, and an auth pause lifts. */
  keyChanged(): void {
    this.generation++;
    if (this.currentState === 'paused_auth') this.currentState = 'idle';
  }

  /** Counts a failed round; the caller decides what comes next and reports it. */
  recordFailure(error: GatewayError): void {
    this.failures++;
    this.currentError = error;
  }

  /** Forgets past failures; true when there were some, i.e. the gateway just recovered. */
  recordSuccess(): boolean {
    const recovered = this.failures > 0;
    this.failures = 0;
    this.currentError = null;
    return recovered;
  }

  /** A round is about to ask for a client: the state says so, and no round is due any more. */
  markPolling(): void {
    this.currentState = 'polling';
    this.nextPollAt = null;
    this.publish();
  }

  /** From here on the gateway hears from us: the minimum interval counts from this moment. */
  markRoundStarted(): void {
    this.lastRoundStartedAt = this.options.clock.now();
  }

  /** Keeps the latest moment any of `errors` asks this gateway not to be called before. */
  noteRetryAfter(errors: readonly GatewayError[]): void {
    for (const error of errors) {
      if (error.kind === 'rate_limited' && error.retryAfterMs !== null && error.retryAfterMs > 0) {
        // The client caps what it parses; a hand-made error is held to the same hour.
        const wait = Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
        this.notBefore = Math.max(this.notBefore, this.options.clock.now() + wait);
      }
    }
  }

  /** No timer and nothing scheduled until the key changes. */
  pauseForAuth(): void {
    this.clearTimer();
    this.currentState = 'paused_auth';
    this.nextPollAt = null;
    this.publish();
  }

  /**
   * Sets the gateway's one timer for a round in `delayMs`, or later when its Retry-After or the
   * minimum interval since its last round says so: every path to a timed round goes through here.
   */
  schedule(delayMs: number, state: 'waiting' | 'backing_off'): void {
    if (this.disposed) return;
    this.clearTimer();
    const clock = this.options.clock;
    const now = clock.now();
    const wait = clampTimerDelay(Math.max(delayMs, this.earliestRoundAt() - now));
    const dueAt = now + wait;
    this.currentState = state;
    this.nextPollAt = dueAt;
    this.timerSet = true;
    this.timer = clock.setTimeout(() => {
      this.timerSet = false;
      this.timer = undefined;
      if (this.disposed) return;
      // A timer may fire early (a host that cut its delay, a clock that sped up): check again.
      const early = Math.max(dueAt, this.earliestRoundAt()) - clock.now();
      if (early > 0) this.schedule(early, this.currentState === 'backing_off' ? 'backing_off' : 'waiting');
      else this.options.onDue(this);
    }, wait);
    this.publish();
  }

  /** No timer. A paused gateway stays paused: its key is still the refused one, work or not. */
  setIdle(): void {
    this.clearTimer();
    if (this.currentState === 'paused_auth') return;
    this.currentState = 'idle';
    this.nextPollAt = null;
    this.publish();
  }

  clearTimer(): void {
    if (!this.timerSet) return;
    this.options.clock.clearTimeout(this.timer);
    this.timerSet = false;
    this.timer = undefined;
  }

  /** Clears the timer; from now on no timer is set or fires and no state is reported. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  /**
   * The earliest clock time the next round not asked for explicitly may start: after the
   * gateway's Retry-After, and one minimum interval after the last round started.
   */
  private earliestRoundAt(): number {
    return Math.max(this.notBefore, this.lastRoundStartedAt + this.options.minRoundGapMs);
  }

  private publish(): void {
    if (this.disposed) return;
    const next = this.snapshot();
    const previous = this.published;
    if (
      previous.state === next.state &&
      previous.lastError === next.lastError &&
      previous.consecutiveFailures === next.consecutiveFailures &&
      previous.nextPollAt === next.nextPollAt
    ) {
      return;
    }
    this.published = next;
    this.options.onDidChangeState(next);
  }
}
