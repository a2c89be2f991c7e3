import * as assert from 'node:assert/strict';
import { MAX_CONTINUE_AT_SECONDS, defaultContinueAt, parseContinueAt } from '../../../src/core/song/continueAt';

function seconds(input: string, duration: number | null = null): number {
  const result = parseContinueAt(input, duration);
  assert.ok(result.ok, `${JSON.stringify(input)}: ${result.ok ? '' : result.reason}`);
  return result.seconds;
}

function reason(input: string, duration: number | null = null): string {
  const result = parseContinueAt(input, duration);
  assert.equal(result.ok, false, `${JSON.stringify(input)} was accepted`);
  return result.ok ? '' : result.reason;
}

describe('where a continuation starts', () => {
  it('reads seconds and clock times', () => {
    assert.equal(seconds('80'), 80);
    assert.equal(seconds(' 80.5 '), 80.5);
    assert.equal(seconds('0'), 0);
    assert.equal(seconds('1:20'), 80);
    assert.equal(seconds('1:20.25'), 80.25);
    assert.equal(seconds('0:01:20'), 80);
    assert.equal(seconds('1:00:00'), 3600);
  });

  it('accepts the clip’s end, and nothing past it', () => {
    assert.equal(seconds('184.32', 184.32), 184.32);
    assert.equal(seconds('3:04', 184.32), 184);
    assert.match(reason('184.33', 184.32), /3:04 \(184\.32 s\) long/);
    assert.match(reason('3:05', 184.32), /continue from that point or earlier/);
  });

  it('refuses what is no time: negative, NaN, Infinity, exponents, odd clocks, empty and huge input', () => {
    for (const input of ['', '   ', '-5', '-0:10', 'NaN', 'Infinity', '1e3', '0x10', '1:2', '1:60', '1:20:', ':20', '1::20', '1:02:03:04', '８０', '80s', '1,5', '١٢', `${'9'.repeat(40)}`]) {
      assert.match(reason(input), /seconds \(80\) or minutes and seconds \(1:20\)/, JSON.stringify(input));
    }
  });

  it('bounds the time when the clip’s length is unknown or nonsense', () => {
    assert.equal(seconds(String(MAX_CONTINUE_AT_SECONDS)), MAX_CONTINUE_AT_SECONDS);
    assert.match(reason(String(MAX_CONTINUE_AT_SECONDS + 1)), /at most 86400 seconds/);
    assert.match(reason('9'.repeat(30)), /at most/);
    for (const nonsense of [Number.NaN, Number.POSITIVE_INFINITY, -3]) assert.equal(seconds('100', nonsense), 100);
    assert.match(reason('100', 50), /0:50 \(50 s\) long/, 'a known length says so');
  });

  it('starts the input at the clip’s end, rounded down to hundredths', () => {
    assert.equal(defaultContinueAt(184.32), '184.32');
    assert.equal(defaultContinueAt(184.329), '184.32');
    assert.equal(defaultContinueAt(120), '120');
    assert.equal(defaultContinueAt(0), '0');
    for (const unknown of [null, Number.NaN, -1, Number.POSITIVE_INFINITY, MAX_CONTINUE_AT_SECONDS + 1]) assert.equal(defaultContinueAt(unknown), '');
    for (const duration of [0.1, 0.29, 1.005, 184.32, 239.99]) {
      assert.ok(parseContinueAt(defaultContinueAt(duration), duration).ok, `the default for ${duration} is accepted`);
    }
  });
});
