import type { Clock } from '../clock';
import { toDisposable } from '../disposables';
import type { Disposable } from '../emitter';

/**
 * Runs `job` now and then again `delayMs()` after each run has settled: a chain of timers, so
 * two runs never overlap however slow one is. The delay is read before each wait.
 */
export function repeatEvery(clock: Clock, delayMs: () => number, job: () => Promise<void>): Disposable {
  let disposed = false;
  let timer: unknown;
  const run = async (): Promise<void> => {
    await job().catch(() => undefined);
    if (disposed) return;
    timer = clock.setTimeout(() => void run(), delayMs());
  };
  void run();
  return toDisposable(() => {
    disposed = true;
    clock.clearTimeout(timer);
  });
}
