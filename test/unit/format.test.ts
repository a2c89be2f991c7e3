import * as assert from 'node:assert/strict';
import { formatCount, formatDuration, formatProgress, formatRelativeTime, formatStatus } from '../../src/core/task/format';

describe('formatDuration', () => {
  it('shows minutes and seconds, rounding to the nearest second', () => {
    assert.equal(formatDuration(219.28), '3:39');
    assert.equal(formatDuration(128.92), '2:09');
    assert.equal(formatDuration(59.6), '1:00');
    assert.equal(formatDuration(0), '0:00');
    assert.equal(formatDuration(5), '0:05');
  });

  it('shows hours from an hour on', () => {
    assert.equal(formatDuration(3600), '1:00:00');
    assert.equal(formatDuration(3723), '1:02:03');
  });

  it('is empty when the duration is unknown', () => {
    assert.equal(formatDuration(null), '');
    assert.equal(formatDuration(undefined), '');
    assert.equal(formatDuration(Number.NaN), '');
    assert.equal(formatDuration(-1), '');
    assert.equal(formatDuration(Number.POSITIVE_INFINITY), '');
  });
});

describe('formatStatus', () => {
  it('uses one lowercase word per status', () => {
    assert.equal(formatStatus('pending'), 'pending');
    assert.equal(formatStatus('running', 'IN_PROGRESS'), 'running');
    assert.equal(formatStatus('succeeded', 'SUCCESS'), 'succeeded');
    assert.equal(formatStatus('failed', 'FAILURE'), 'failed');
  });

  it("adds the gateway's own word to an unknown status", () => {
    assert.equal(formatStatus('unknown', 'PAUSED'), 'unknown (PAUSED)');
    assert.equal(formatStatus('unknown', 'UNKNOWN'), 'unknown');
    assert.equal(formatStatus('unknown', null), 'unknown');
    assert.equal(formatStatus('unknown', '  '), 'unknown');
  });
});

describe('formatProgress', () => {
  it('shows a whole percentage, clamped', () => {
    assert.equal(formatProgress(42), '42%');
    assert.equal(formatProgress(99.6), '100%');
    assert.equal(formatProgress(0), '0%');
    assert.equal(formatProgress(140), '100%');
    assert.equal(formatProgress(-3), '0%');
  });

  it('is empty when unknown', () => {
    assert.equal(formatProgress(null), '');
    assert.equal(formatProgress(undefined), '');
    assert.equal(formatProgress(Number.NaN), '');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2024-09-21T12:00:00Z');
  const ago = (seconds: number): string => new Date(now - seconds * 1000).toISOString();

  it('says "just now" for the last few seconds, either way', () => {
    assert.equal(formatRelativeTime(ago(10), now), 'just now');
    assert.equal(formatRelativeTime(ago(-10), now), 'just now');
  });

  it('counts minutes, hours and days', () => {
    assert.equal(formatRelativeTime(ago(120), now), '2 min ago');
    assert.equal(formatRelativeTime(ago(50), now), '1 min ago');
    assert.equal(formatRelativeTime(ago(3 * 3600), now), '3 h ago');
    assert.equal(formatRelativeTime(ago(26 * 3600), now), 'yesterday');
    assert.equal(formatRelativeTime(ago(5 * 86400), now), '5 days ago');
  });

  it('shows the date from a month on', () => {
    assert.equal(formatRelativeTime(ago(40 * 86400), now), '2024-08-12');
  });

  it('reads the future as "in …"', () => {
    assert.equal(formatRelativeTime(ago(-300), now), 'in 5 min');
    assert.equal(formatRelativeTime(ago(-30 * 3600), now), 'tomorrow');
  });

  it('accepts dates and epoch milliseconds, and is empty for nothing', () => {
    assert.equal(formatRelativeTime(new Date(now - 120_000), new Date(now)), '2 min ago');
    assert.equal(formatRelativeTime(now - 120_000, now), '2 min ago');
    assert.equal(formatRelativeTime(null, now), '');
    assert.equal(formatRelativeTime('not a date', now), '');
  });
});

describe('formatCount', () => {
  it('picks singular or plural', () => {
    assert.equal(formatCount(1, 'clip'), '1 clip');
    assert.equal(formatCount(2, 'clip'), '2 clips');
    assert.equal(formatCount(0, 'clip'), '0 clips');
  });
});
