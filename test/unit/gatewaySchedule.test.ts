import * as assert from 'node:assert/strict';
import { GatewayError } from '../../src/core/gatewayError';
import { GatewaySchedule } from '../../src/core/polling/gatewaySchedule';
import type { GatewayPollState } from '../../src/core/polling/poller';
import { ManualClock } from './support/manualClock';

const GAP = 5_000;

function setUp(unfinished: string[] = ['a', 'b']) {
  const clock = new ManualClock();
  const states: GatewayPollState[] = [];
  const due: GatewaySchedule[] = [];
  const schedule = new GatewaySchedule({
    baseUrl: 'https://gw.example',
    clock,
    minRoundGapMs: GAP,
    unfinishedIds: () => unfinished,
    onDue: (fired) => due.push(fired),
    onDidChangeState: (state) => states.push(state),
  });
  return { clock, states, due, schedule };
}

describe('GatewaySchedule', () => {
  it('starts idle without an event, and reports a change of state once', () => {
    const { clock, states, schedule } = setUp();
    assert.deepEqual(schedule.snapshot(), {
      baseUrl: 'https://gw.example',
      state: 'idle',
      lastError: null,
      consecutiveFailures: 0,
      nextPollAt: null,
    });
    schedule.schedule(1_000, 'waiting');
    schedule.schedule(1_000, 'waiting');
    assert.equal(states.length, 1);
    assert.equal(states[0]?.state, 'waiting');
    assert.equal(states[0]?.nextPollAt, clock.now() + 1_000);
  });

  it('keeps one timer however often it is scheduled, and calls onDue when it fires', async () => {
    const { clock, due, schedule } = setUp();
    schedule.schedule(1_000, 'waiting');
    schedule.schedule(2_000, 'backing_off');
    assert.equal(clock.pendingTimers(), 1);
    await clock.advance(2_000);
    assert.deepEqual(due, [schedule]);
    assert.equal(schedule.hasTimer, false);
  });

  it('sets no timer before a Retry-After, capped at an hour', () => {
    const { clock, schedule } = setUp();
    schedule.noteRetryAfter([new GatewayError('rate_limited', 'Slow down.', { retryAfterMs: 60_000 })]);
    schedule.schedule(1_000, 'waiting');
    assert.equal(schedule.snapshot().nextPollAt, clock.now() + 60_000);
    schedule.noteRetryAfter([new GatewayError('rate_limited', 'Slow down.', { retryAfterMs: 10 * 3_600_000 })]);
    schedule.schedule(1_000, 'waiting');
    assert.equal(schedule.snapshot().nextPollAt, clock.now() + 3_600_000);
  });

  it('starts two timed rounds at least the minimum gap apart', async () => {
    const { clock, schedule } = setUp();
    schedule.markRoundStarted();
    await clock.advance(1_000);
    schedule.schedule(0, 'waiting');
    assert.equal(schedule.snapshot().nextPollAt, clock.now() + GAP - 1_000);
  });

  it('stays paused for auth when set idle, until the key changes', () => {
    const { clock, schedule } = setUp();
    schedule.schedule(1_000, 'waiting');
    const generation = schedule.keyGeneration;
    schedule.pauseForAuth();
    assert.equal(clock.pendingTimers(), 0);
    schedule.setIdle();
    assert.equal(schedule.state, 'paused_auth');
    schedule.keyChanged();
    assert.equal(schedule.state, 'idle');
    assert.equal(schedule.keyGeneration, generation + 1);
  });

  it('counts failures until a success, which says whether it recovered', () => {
    const { schedule } = setUp();
    assert.equal(schedule.recordSuccess(), false);
    const error = new GatewayError('network', 'Down.');
    schedule.recordFailure(error);
    schedule.recordFailure(error);
    assert.equal(schedule.consecutiveFailures, 2);
    assert.equal(schedule.snapshot().lastError, error);
    assert.equal(schedule.recordSuccess(), true);
    assert.equal(schedule.consecutiveFailures, 0);
    assert.equal(schedule.snapshot().lastError, null);
  });

  it('leaves out the ids the gateway said it does not know', () => {
    const { schedule } = setUp(['a', 'b', 'c']);
    schedule.notFound.add('b');
    assert.deepEqual(schedule.pollableIds(), ['a', 'c']);
  });

  it('clears its timer on dispose, and sets none and reports nothing afterwards', () => {
    const { clock, states, schedule } = setUp();
    schedule.schedule(1_000, 'waiting');
    const before = states.length;
    schedule.dispose();
    assert.equal(clock.pendingTimers(), 0);
    schedule.schedule(1_000, 'backing_off');
    assert.equal(clock.pendingTimers(), 0);
    assert.equal(states.length, before);
  });
});
