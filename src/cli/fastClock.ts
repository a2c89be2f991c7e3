/**
 * A clock whose time runs `speed` times faster than the real one. The poller never polls more
 * often than every 5 s; to let tests (and a curious developer) watch a task through its stages in
 * a fraction of a second, `suno-task watch --interval 0.05` with SUNO_ALLOW_FAST_POLL=1 hands the
 * poller this clock, so its 5 s (and its backoff and Retry-After waits) pass in 50 ms of real time.
 * The extension's test-mode clock (`acceleratedClock` in src/polling/testClock.ts) speeds up only
 * the timers; here the speed is fixed and the tasks live only for this run, so `now()` can run
 * fast as well and keep the poller's waits and the "trying again in" message on one time scale.
 */

import type { Clock } from '../core/clock';

export function fastClock(speed: number): Clock {
  const realStart = Date.now();
  return {
    now: () => realStart + (Date.now() - realStart) * speed,
    setTimeout: (callback, ms) => setTimeout(callback, Math.max(0, ms / speed)),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
  };
}
