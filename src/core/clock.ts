/**
 * Time as a dependency. The poller and anything else that waits takes a `Clock`, so tests drive
 * time by hand instead of sleeping, and a round of polling is reproducible to the millisecond.
 */

export interface Clock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number;
  /**
   * Runs `callback` once after `ms` milliseconds of this clock's `now()`; returns a handle for
   * `clearTimeout`. The callback never runs before `now()` has moved on by `ms`.
   */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a pending callback; unknown or already-run handles are ignored. */
  clearTimeout(handle: unknown): void;
}

/**
 * The longest delay a host timer can hold: 2^31 - 1 ms, about 24.8 days. Node and browsers store
 * the delay in a signed 32-bit integer and run a timer with a longer one after 1 ms instead.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * A delay every host timer represents faithfully: NaN and anything not above 0 become 0 (run
 * soon, as the host would), anything beyond `MAX_TIMER_DELAY_MS` (Infinity included) becomes that
 * maximum, so an absurd delay means "much later", never "at once". Every clock that reaches a
 * host timer goes through this.
 */
export function clampTimerDelay(ms: number): number {
  if (Number.isNaN(ms) || ms <= 0) return 0;
  return Math.min(ms, MAX_TIMER_DELAY_MS);
}

/** The real clock, backed by the host's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, clampTimerDelay(ms)),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
};
