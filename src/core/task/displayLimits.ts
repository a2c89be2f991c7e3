/**
 * How much of a task the panel and the tree show. A gateway decides how many clips a task has and
 * how long its lyrics are; past these numbers the rest is counted ("3 more clips not shown")
 * instead of rendered, so a task with 1,000 clips or megabytes of lyrics cannot freeze the page
 * or start thousands of media requests. Suno makes two clips per task and lyrics of a few
 * thousand characters, so nobody meets these limits by accident.
 *
 * The panel's page bundles this file: it imports only `localize` and the formatting of `format.ts`.
 */

import { ENGLISH, type DisplayLanguage } from '../localize';
import { formatNumber } from './format';

/** Clips shown under one task, in the panel and in the tree. */
export const MAX_CLIPS_SHOWN = 50;

/** Characters of one lyrics text the panel shows. */
export const MAX_LYRICS_CHARACTERS_SHOWN = 20_000;

/** Players that fetch their metadata at once; the others wait until played (`preload="none"`). */
export const PRELOADED_PLAYERS = 4;

interface Capped<T> {
  readonly shown: readonly T[];
  readonly notShown: number;
}

/** The first `max` items and how many more there are. */
export function firstItems<T>(items: readonly T[], max: number): Capped<T> {
  return items.length <= max ? { shown: items, notShown: 0 } : { shown: items.slice(0, max), notShown: items.length - max };
}

interface CappedText {
  readonly text: string;
  /** Characters (code points) cut off the end. */
  readonly notShownCharacters: number;
}

/** The first `max` characters of `text` (never half a surrogate pair) and how many more there are. */
export function firstCharacters(text: string, max: number): CappedText {
  if (text.length <= max) return { text, notShownCharacters: 0 };
  let cut = max;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  let rest = 0;
  for (let index = cut; index < text.length; index++) {
    // Count code points: the second half of a pair is part of the character before it.
    if (!isLowSurrogate(text.charCodeAt(index)) || !isHighSurrogate(text.charCodeAt(index - 1))) rest += 1;
  }
  return { text: text.slice(0, cut), notShownCharacters: rest };
}

/** `1 more clip not shown`, `1,000 more clips not shown`. */
export function moreClipsNotShown(count: number, language: DisplayLanguage = ENGLISH): string {
  const shown = formatNumber(count, language.locale);
  return count === 1 ? language.localize('1 more clip not shown') : language.localize('{0} more clips not shown', shown);
}

/** `… 1,234 more characters not shown`. */
export function moreCharactersNotShown(count: number, language: DisplayLanguage = ENGLISH): string {
  const shown = formatNumber(count, language.locale);
  return count === 1 ? language.localize('… 1 more character not shown') : language.localize('… {0} more characters not shown', shown);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
