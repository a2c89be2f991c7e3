/**
 * `--at SECONDS`: where a continuation starts in the clip. Only a plain number of seconds, 0 or
 * more, is taken: a sign, an exponent, `NaN` or `Infinity` say something went wrong, and a
 * `1:20` is answered with the seconds it means rather than guessed at.
 */

import { terminalLine } from './terminalText';
import { UsageError } from './usageError';

const PLAIN_SECONDS = /^\d{1,9}(\.\d{1,6})?$/;
const MINUTES_SECONDS = /^(\d{1,4}):([0-5]\d(\.\d{1,6})?)$/;

export function secondsFrom(option: string, flag: string): number {
  const text = option.trim();
  if (PLAIN_SECONDS.test(text)) return Number(text);
  const clock = MINUTES_SECONDS.exec(text);
  if (clock !== null) {
    const seconds = Number(clock[1]) * 60 + Number(clock[2]);
    throw new UsageError(`${flag} takes seconds: write ${flag} ${seconds} for ${text}.`);
  }
  throw new UsageError(`${flag} needs a number of seconds, 0 or more, not '${terminalLine(text).slice(0, 40)}'.`);
}
