/**
 * A `Clock` that only moves when a test says so. Timers run in due order (ties in the order they
 * were set), and pending promise callbacks settle before and after each one, so async code driven
 * by timers behaves as it would in real time — just without the waiting.
 */

import { clampTimerDelay, type Clock } from '../../../src/core/clock';

interface Timer {
  readonly id: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

export class ManualClock implements Clock {
  private current: number;
  private nextId = 1;
  private timers: Timer[] = [];
  /** Every delay handed to `setTimeout`, as given, so tests can check what the code asked for. */
  readonly requestedDelays: number[] = [];

  constructor(startAt = Date.UTC(2025, 0, 1)) {
    this.current = startAt;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    this.requestedDelays.push(ms);
    // Like a host timer, minus its overflow: the delay it would really wait.
    const delay = clampTimerDelay(ms);
    const timer: Timer = { id: this.nextId++, dueAt: this.current + delay, callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** How many timers are waiting to run. */
  pendingTimers(): number {
    return this.timers.length;
  }

  /** When the next timer is due, or null when none is pending. */
  nextDueAt(): number | null {
    return this.timers.reduce<number | null>((soonest, timer) => (soonest === null || timer.dueAt < soonest ? timer.dueAt : soonest), null);
  }

  /** Milliseconds until the next timer, or null when none is pending. */
  nextDelay(): number | null {
    const due = this.nextDueAt();
    return due === null ? null : due - this.current;
  }

  /**
   * Moves time forward by `ms`, running every timer that falls due on the way (including ones the
   * callbacks set), in order, with promises settled between them.
   */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await settle();
    for (;;) {
      const due = this.timers.filter((timer) => timer.dueAt <= target).sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.current = Math.max(this.current, due.dueAt);
      due.callback();
      await settle();
    }
    this.current = target;
    await settle();
  }

  /** Moves time to the next pending timer and runs it (and any due at the same moment). */
  async runNext(): Promise<void> {
    const delay = this.nextDelay();
    if (delay === null) throw new Error('No timer is pending.');
    await this.advance(delay);
  }

  /** Lets pending promise callbacks run without moving time. */
  async flush(): Promise<void> {
    await this.advance(0);
  }
}

/**
 * Waits until every queued promise callback has run. Node drains the whole microtask queue —
 * including callbacks queued by callbacks — before it runs the next macrotask, so one trip
 * through `setImmediate` is enough; a few make it robust against code that itself yields once.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A window's view of `clock` whose timers stop running when its extension host "dies" (`die()`),
 * while time goes on for everyone else: how a crashed window looks to the others.
 */
export function mortalClock(clock: ManualClock): Clock & { die(): void } {
  let alive = true;
  return {
    now: () => clock.now(),
    setTimeout: (callback, ms) => clock.setTimeout(() => (alive ? callback() : undefined), ms),
    clearTimeout: (handle) => clock.clearTimeout(handle),
    die: () => {
      alive = false;
    },
  };
}
