import { english, type Localize } from '../localize';
import { formatDuration } from '../task/format';

/**
 * Where a continuation starts, as a person types it when extending a clip: seconds (`80`,
 * `80.5`) or a clock time (`1:20`, `1:20.5`, `0:01:20`), checked against the clip's length.
 */

/** Far beyond any clip; bounds what is sent when the gateway did not say how long the clip is. */
export const MAX_CONTINUE_AT_SECONDS = 24 * 60 * 60;

/** Anything longer is no time a person typed. */
const MAX_INPUT_LENGTH = 32;

const SECONDS = /^\d+(\.\d+)?$/;
const CLOCK = /^\d+(:[0-5]\d){1,2}(\.\d+)?$/;

type ContinueAtResult = { readonly ok: true; readonly seconds: number } | { readonly ok: false; readonly reason: string };

/** The clip's length when it is a usable one (the gateway's figure may be anything). */
function knownDuration(durationSeconds: number | null): number | null {
  return durationSeconds !== null && Number.isFinite(durationSeconds) && durationSeconds >= 0 ? durationSeconds : null;
}

/** Seconds from `80`, `80.5`, `1:20`, `1:20.5` or `1:01:20`; null for anything else. */
function secondsOf(text: string): number | null {
  if (SECONDS.test(text)) return Number(text);
  if (!CLOCK.test(text)) return null;
  const [clock, fraction = ''] = text.split('.');
  const parts = clock.split(':').map(Number);
  const whole = parts.reduce((total, part) => total * 60 + part, 0);
  return whole + (fraction === '' ? 0 : Number(`0.${fraction}`));
}

/** The typed time in seconds, or why it cannot be where the continuation starts, worded by `localize`. */
export function parseContinueAt(input: string, durationSeconds: number | null, localize: Localize = english): ContinueAtResult {
  const text = input.trim();
  const duration = knownDuration(durationSeconds);
  const usage =
    duration === null
      ? localize('Type where to continue from in seconds (80) or minutes and seconds (1:20).')
      : localize('Type where to continue from in seconds (80) or minutes and seconds (1:20), up to {0}.', describeLength(duration));
  if (text === '' || text.length > MAX_INPUT_LENGTH) return { ok: false, reason: usage };
  const seconds = secondsOf(text);
  if (seconds === null || !Number.isFinite(seconds)) return { ok: false, reason: usage };
  if (duration !== null && seconds > duration) {
    return { ok: false, reason: localize('The clip is {0} long: continue from that point or earlier.', describeLength(duration)) };
  }
  if (seconds > MAX_CONTINUE_AT_SECONDS) return { ok: false, reason: localize('Continue from at most {0} seconds.', MAX_CONTINUE_AT_SECONDS) };
  return { ok: true, seconds };
}

/**
 * What the input starts with: the clip's end, in seconds with at most two decimals and rounded
 * down, so that accepting it never lands past the end; empty when the length is unknown.
 */
export function defaultContinueAt(durationSeconds: number | null): string {
  const duration = knownDuration(durationSeconds);
  if (duration === null || duration > MAX_CONTINUE_AT_SECONDS) return '';
  return String(Math.floor(duration * 100) / 100);
}

/**
 * `3:04 (184.32 s)`: the clock time people read, with the seconds the input takes; both rounded
 * down, so that typing either is accepted.
 */
function describeLength(duration: number): string {
  return `${formatDuration(Math.floor(duration))} (${Math.floor(duration * 100) / 100} s)`;
}
