// The extension's test-mode clock: time and timers run at the same (faster) speed, so a timer is
// never early by the clock's own account and the poller never has to wait again after one fires.
import * as assert from 'node:assert/strict';
import { acceleratedClock } from '../../src/polling/testClock';

function firedAfter(clock: ReturnType<typeof acceleratedClock>, ms: number): Promise<{ clockMs: number; realMs: number }> {
  const clockStart = clock.now();
  const realStart = Date.now();
  return new Promise((resolve) => {
    clock.setTimeout(() => resolve({ clockMs: clock.now() - clockStart, realMs: Date.now() - realStart }), ms);
  });
}

describe('acceleratedClock', () => {
  it('runs a 5 s timer in a fraction of that, and its now() has moved on by at least 5 s when it fires', async () => {
    const clock = acceleratedClock(() => 100);
    const { clockMs, realMs } = await firedAfter(clock, 5_000);
    assert.ok(clockMs >= 5_000, `the clock moved ${clockMs} ms`);
    assert.ok(realMs < 4_000, `took ${realMs} ms of real time`);
  });

  it('follows a change of speed without jumping back', async () => {
    let interval = 100;
    const clock = acceleratedClock(() => interval);
    const before = clock.now();
    await firedAfter(clock, 1_000);
    interval = 15_000;
    const after = clock.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(after >= before + 1_000);
    assert.ok(clock.now() >= after, 'never goes back');
  });

  it('keeps real time when the interval is not below the floor', () => {
    const clock = acceleratedClock(() => 15_000);
    assert.ok(Math.abs(clock.now() - Date.now()) < 1_000);
  });
});
