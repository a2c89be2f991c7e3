/**
 * How long to wait before polling a gateway again after it failed.
 *
 * Exponential in the number of consecutive failures, capped, with "equal jitter": half the
 * delay is fixed and half is random. Full jitter (all random) could retry right after a failure,
 * which is what backoff is meant to prevent; equal jitter never waits less than half the ceiling,
 * and so never less than the normal interval, while still spreading windows that failed at the
 * same moment (many VS Code windows behind one gateway) apart.
 */

/** No backoff delay exceeds this, however many failures in a row (a rate limit's Retry-After may). */
export const MAX_BACKOFF_MS = 5 * 60 * 1000;

/**
 * The delay after `failures` consecutive failures (1 = the first failure).
 *
 * The ceiling is `baseMs × 2^failures`, capped at `maxMs`; the result lies in
 * `[ceiling / 2, ceiling]`. `random` returns a number in [0, 1), like `Math.random`.
 */
export function backoffDelay(
  failures: number,
  baseMs: number,
  random: () => number,
  maxMs: number = MAX_BACKOFF_MS,
): number {
  const exponent = Math.max(1, Math.floor(failures));
  // Cap before multiplying out: 2^exponent overflows to Infinity after enough failures.
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 52));
  const half = ceiling / 2;
  const r = clampUnit(random());
  return Math.round(half + r * half);
}

/** Defends against a `random` that strays outside [0, 1] or returns NaN. */
function clampUnit(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return value > 1 ? 1 : value;
}
