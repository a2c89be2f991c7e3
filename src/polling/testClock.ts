import { MIN_POLL_INTERVAL_MS } from '../core/poller';
import { systemClock, type Clock } from '../core/clock';

/**
 * Test mode only (`SUNO_TEST_MODE=1` with `SUNO_TEST_POLL_INTERVAL_MS`): the poller never polls
 * faster than every 5 s, which would make each integration test wait through several such
 * rounds. Instead of weakening that floor for everyone, test mode hands the poller a clock whose
 * timers run faster by the ratio of the test interval to the floor: a 200 ms test interval makes
 * every delay the poller computes (interval, backoff, "soon") 25 times shorter. `now()` stays
 * real, so task times and Retry-After windows still mean what they say.
 * Unlike the CLI's `fastClock` (src/cli/fastClock.ts), which speeds up `now()` too, this one cannot:
 * its speed follows a setting that may change at any moment (a scaled `now()` would jump), and
 * the poller compares `now()` with the persisted tasks' `fetchedAt`, which is wall-clock time.
 */
export function acceleratedClock(realIntervalMs: () => number): Clock {
  const speedUp = (): number => {
    const interval = realIntervalMs();
    return Number.isFinite(interval) && interval > 0 && interval < MIN_POLL_INTERVAL_MS ? interval / MIN_POLL_INTERVAL_MS : 1;
  };
  return {
    now: () => systemClock.now(),
    setTimeout: (callback, ms) => systemClock.setTimeout(callback, Math.max(0, Math.round(ms * speedUp()))),
    clearTimeout: (handle) => systemClock.clearTimeout(handle),
  };
}
