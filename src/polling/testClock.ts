import { MIN_POLL_INTERVAL_MS } from '../core/polling/pollInterval';
import { systemClock, type Clock } from '../core/clock';

/**
 * Test mode only (`SUNO_TEST_MODE=1` with `SUNO_TEST_POLL_INTERVAL_MS`): the poller never polls
 * faster than every 5 s, which would make each integration test wait through several such
 * rounds. Instead of weakening that floor for everyone, test mode hands the poller a clock that
 * runs faster by the ratio of the floor to the test interval: a 200 ms test interval makes the
 * poller's 5 s pass in 200 ms, and every other wait it computes (backoff, Retry-After, "soon")
 * 25 times faster too.
 *
 * Both `now()` and the timers run at that speed, so a timer is never early by the clock's own
 * account: the poller checks, when a timer fires, that the gateway's minimum interval and
 * Retry-After have passed, and a clock whose timers outran its `now()` would make it wait again
 * and again. The speed follows a setting that may change at any moment, so `now()` adds up the
 * real time elapsed at the speed of each moment rather than multiplying since a start, which
 * would make it jump. It starts at the real time and runs ahead of it; the poller only compares
 * it with tasks' `fetchedAt` to find stale data, which in test mode is merely polled sooner.
 */
export function acceleratedClock(realIntervalMs: () => number): Clock {
  const speedUp = (): number => {
    const interval = realIntervalMs();
    return Number.isFinite(interval) && interval > 0 && interval < MIN_POLL_INTERVAL_MS ? MIN_POLL_INTERVAL_MS / interval : 1;
  };
  let lastReal = systemClock.now();
  let virtual = lastReal;
  const now = (): number => {
    const real = systemClock.now();
    virtual += Math.max(0, real - lastReal) * speedUp();
    lastReal = real;
    return virtual;
  };
  return {
    now,
    // Rounded up: a timer that fired a fraction of a millisecond early would find its wait unfinished.
    setTimeout: (callback, ms) => systemClock.setTimeout(callback, Math.ceil(ms / speedUp())),
    clearTimeout: (handle) => systemClock.clearTimeout(handle),
  };
}
