/**
 * Human wording for task facts, shared by the `suno-task` CLI and the extension's tree and panel
 * so that a task reads the same everywhere. Pure functions; time is always passed in. Words go
 * through a `Localize` and times through `Intl` in a locale, both English unless the caller
 * passes VS Code's display language (the CLI stays English).
 */

import { english, type Localize } from '../localize';
import type { TaskStatus } from './model';

/**
 * Seconds as `m:ss` (`219.28` → `3:39`), or `h:mm:ss` from an hour on. Rounds to the nearest
 * second. Empty string when the duration is unknown (null, negative, not finite): a streaming
 * clip has none yet, and callers leave the slot out rather than show a placeholder.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '';
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

function statusWord(status: TaskStatus, localize: Localize): string {
  switch (status) {
    case 'pending':
      return localize('pending');
    case 'running':
      return localize('running');
    case 'succeeded':
      return localize('succeeded');
    case 'failed':
      return localize('failed');
    default:
      return localize('unknown');
  }
}

/**
 * The status as one lowercase word. For `unknown`, the gateway's own word is added, since the
 * model does not guess: `unknown (PAUSED)`.
 */
export function formatStatus(status: TaskStatus, rawStatus?: string | null, localize: Localize = english): string {
  const word = statusWord(status, localize);
  const raw = rawStatus?.trim();
  if (status === 'unknown' && raw !== undefined && raw !== '' && raw.toLowerCase() !== 'unknown') {
    return `${word} (${raw.length > 40 ? `${raw.slice(0, 39)}…` : raw})`;
  }
  return word;
}

/** `42%`; empty string when the progress is unknown. Clamped to 0–100, whole numbers. */
export function formatProgress(progress: number | null | undefined): string {
  if (progress == null || !Number.isFinite(progress)) return '';
  return `${Math.round(Math.min(100, Math.max(0, progress)))}%`;
}

/**
 * How long ago `when` was, seen from `now`: `just now`, `2 min ago`, `3 h ago`, `yesterday`,
 * `5 days ago`, and from 30 days on the date itself (`2024-09-21`). A time in the future (clock
 * skew between gateway and machine) reads `in 2 min`, except that a few seconds count as now.
 * Empty string when `when` is missing or unreadable.
 *
 * English keeps these compact words, which the CLI prints too; any other `locale` (a BCP 47 tag
 * such as VS Code's `zh-cn`) gets `Intl.RelativeTimeFormat`'s in the same units (`2分钟前`, `昨天`)
 * and the date in its own order.
 */
export function formatRelativeTime(
  when: string | number | Date | null | undefined,
  now: number | Date,
  locale = 'en',
): string {
  if (!isEnglish(locale)) return formatRelativeTimeIn(locale, when, now);
  if (when == null) return '';
  const time = when instanceof Date ? when.getTime() : typeof when === 'number' ? when : Date.parse(when);
  const reference = now instanceof Date ? now.getTime() : now;
  if (!Number.isFinite(time) || !Number.isFinite(reference)) return '';
  const deltaSeconds = Math.round((reference - time) / 1000);
  const future = deltaSeconds < 0;
  const seconds = Math.abs(deltaSeconds);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  const hours = Math.round(seconds / 3600);
  const days = Math.round(seconds / 86400);
  let span: string;
  if (minutes < 60) span = `${minutes} min`;
  else if (hours < 24) span = `${hours} h`;
  else if (days === 1) return future ? 'tomorrow' : 'yesterday';
  else if (days < 30) span = `${days} days`;
  else return new Date(time).toISOString().slice(0, 10);
  return future ? `in ${span}` : `${span} ago`;
}

function isEnglish(locale: string): boolean {
  return /^en(-|$)/i.test(locale);
}

/** The same steps as the English wording, in `locale`'s words. */
function formatRelativeTimeIn(locale: string, when: string | number | Date | null | undefined, now: number | Date): string {
  if (when == null) return '';
  const time = when instanceof Date ? when.getTime() : typeof when === 'number' ? when : Date.parse(when);
  const reference = now instanceof Date ? now.getTime() : now;
  if (!Number.isFinite(time) || !Number.isFinite(reference)) return '';
  const format = relativeTimeFormat(locale);
  if (format === null) return formatRelativeTime(when, now);
  const deltaSeconds = Math.round((time - reference) / 1000);
  const seconds = Math.abs(deltaSeconds);
  const sign = deltaSeconds < 0 ? -1 : 1;
  if (seconds < 45) return format.format(0, 'second');
  const minutes = Math.round(seconds / 60);
  const hours = Math.round(seconds / 3600);
  const days = Math.round(seconds / 86400);
  if (minutes < 60) return format.format(sign * minutes, 'minute');
  if (hours < 24) return format.format(sign * hours, 'hour');
  if (days < 30) return format.format(sign * days, 'day');
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(time));
}

/** Null for a tag `Intl` does not accept (a hostile or garbled display language). */
function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat | null {
  try {
    return new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  } catch {
    return null;
  }
}

/** `1,234` with the locale's grouping (`1,234` in zh-cn too); English grouping for a tag `Intl` refuses. */
export function formatNumber(value: number, locale: string): string {
  try {
    return value.toLocaleString(locale);
  } catch {
    return value.toLocaleString('en-US');
  }
}

/**
 * A moment as the display language writes a date and a time (`2024年9月21日 12:00:00`). English
 * keeps the ISO text the CLI prints; the text as it is when it is no time or `Intl` refuses the tag.
 */
export function formatDateTime(iso: string, locale: string): string {
  const time = Date.parse(iso);
  if (isEnglish(locale) || !Number.isFinite(time)) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(time));
  } catch {
    return iso;
  }
}

/** `1 clip`, `2 clips`. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
