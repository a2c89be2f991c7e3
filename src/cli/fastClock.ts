/**
 * A clock whose time runs `speed` times faster than the real one. The poller never polls more
 * often than every 5 s; to let tests (and a curious developer) watch a task through its stages in
 * a fraction of a second, `suno-task watch --interval 0.05` with SUNO_ALLOW_FAST_POLL=1 hands the
 * poller this clock, so its 5 s (and its backoff and Retry-After waits) pass in 50 ms of real time.
 * The extension's test-mode clock (`acceleratedClock` in src/polling/testClock.ts) follows a
 * setting that may change at any moment; here the speed is fixed for the run.
 * Timers reach the host through `systemClock`, which keeps their delays representable.
 */

import { systemClock, type Clock } from '../core/clock';

export function fastClock(speed: number): Clock {
  const realStart = Date.now();
  return {
    now: () => realStart + (Date.now() - realStart) * speed,
    // Rounded up: a timer that fired a fraction of a millisecond early would find its wait unfinished.
    setTimeout: (callback, ms) => systemClock.setTimeout(callback, Math.ceil(ms / speed)),
    clearTimeout: (handle) => systemClock.clearTimeout(handle),
  };
}
