/**
 * Time as a dependency. The poller and anything else that waits takes a `Clock`, so tests drive
 * time by hand instead of sleeping, and a round of polling is reproducible to the millisecond.
 */

export interface Clock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number;
  /** Runs `callback` once after `ms` milliseconds; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a pending callback; unknown or already-run handles are ignored. */
  clearTimeout(handle: unknown): void;
}

/** The real clock, backed by the host's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
};
