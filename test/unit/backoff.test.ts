import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_BACKOFF_MS, backoffDelay } from '../../src/core/polling/backoff';

const BASE = 15_000;

describe('backoffDelay', () => {
  it('doubles the ceiling with each consecutive failure', () => {
    // random() = 1 gives the ceiling itself, 0 gives its lower half.
    assert.deepEqual(
      [1, 2, 3, 4].map((failures) => backoffDelay(failures, BASE, () => 1)),
      [30_000, 60_000, 120_000, 240_000],
    );
    assert.deepEqual(
      [1, 2, 3, 4].map((failures) => backoffDelay(failures, BASE, () => 0)),
      [15_000, 30_000, 60_000, 120_000],
    );
  });

  it('caps at five minutes however many failures in a row', () => {
    assert.equal(MAX_BACKOFF_MS, 300_000);
    assert.equal(backoffDelay(5, BASE, () => 1), 300_000);
    assert.equal(backoffDelay(1_000, BASE, () => 1), 300_000);
    assert.equal(backoffDelay(1_000, BASE, () => 0), 150_000);
    assert.equal(backoffDelay(3, BASE, () => 1, 100_000), 100_000);
  });

  it('puts the random half of the delay where random() says', () => {
    assert.equal(backoffDelay(2, BASE, () => 0.5), 45_000);
    assert.equal(backoffDelay(2, BASE, () => 0.25), 37_500);
  });

  it('never backs off less than the normal interval, and stays within [ceiling/2, ceiling]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 5_000, max: 120_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (failures, base, r) => {
          const delay = backoffDelay(failures, base, () => r);
          const ceiling = Math.min(MAX_BACKOFF_MS, base * 2 ** failures);
          return delay >= ceiling / 2 - 0.5 && delay <= ceiling + 0.5 && delay >= Math.min(base, MAX_BACKOFF_MS / 2);
        },
      ),
    );
  });

  it('spreads delays out (jitter) instead of returning one fixed value', () => {
    const delays = new Set([0, 0.2, 0.4, 0.6, 0.8, 0.99].map((r) => backoffDelay(3, BASE, () => r)));
    assert.equal(delays.size, 6);
  });

  it('survives a random() that misbehaves', () => {
    assert.equal(backoffDelay(1, BASE, () => Number.NaN), 15_000);
    assert.equal(backoffDelay(1, BASE, () => -3), 15_000);
    assert.equal(backoffDelay(1, BASE, () => 7), 30_000);
  });

  it('treats zero or fractional failure counts as the first failure', () => {
    assert.equal(backoffDelay(0, BASE, () => 1), 30_000);
    assert.equal(backoffDelay(1.7, BASE, () => 1), 30_000);
  });
});
