import { formatProgress, formatRelativeTime, formatStatus } from '../core/task/format';
import { INERT_LABEL_MAX_LENGTH, INERT_TEXT_MAX_LENGTH, inertText } from '../core/inertText';
import { english, ENGLISH, type DisplayLanguage, type Localize } from '../core/localize';
import { isFinished, type Clip, type Task } from '../core/task/model';

/**
 * What a screen reader says for a tracker row and the status bar item (their
 * `accessibilityInformation`). The visible rows are dense (`Running · 40% · 2 min ago`); read
 * aloud, a middle dot, a `%` and an abbreviation are noise, so these labels say the same in words:
 * `City Lights, song, running, 40 percent, 2 minutes ago`. The name comes first, so that a row is
 * found by its title as a sighted user finds it.
 *
 * Every word the labels speak is in this file, through a `Localize` (the tracker passes
 * `vscode.l10n.t` and VS Code's display language; English by default). Titles come from the
 * gateway: they are made inert like every other label (no link, no icon, no hidden or reordered
 * characters).
 */

function kindWord(action: Task['action'], localize: Localize): string | null {
  switch (action) {
    case 'music':
      return localize('song');
    case 'lyrics':
      return localize('lyrics');
    default:
      return null;
  }
}

/** How many running tasks the status bar names before it says how many more there are. */
const STATUS_BAR_NAMED_TASKS = 5;

/** `City Lights, song, running, 40 percent, 2 minutes ago`. */
export function spokenTaskLabel(task: Task, title: string, now: number, language: DisplayLanguage = ENGLISH): string {
  const parts = [inertText(title, INERT_LABEL_MAX_LENGTH)];
  const kind = kindWord(task.action, language.localize);
  if (kind !== null) parts.push(kind);
  parts.push(...spokenStatus(task, language.localize));
  const time = spokenTime(task.finishedAt ?? task.startedAt ?? task.submittedAt ?? null, now, language);
  if (time !== '') parts.push(time);
  return inertText(parts.join(', '), INERT_TEXT_MAX_LENGTH);
}

/** `Night Drive, clip 2 of 2, running, streaming, chirp-v4` or `…, succeeded, 3 minutes 12 seconds, chirp-v4`. */
export function spokenClipLabel(
  clip: Clip,
  title: string,
  position: { index: number; count: number },
  language: DisplayLanguage = ENGLISH,
): string {
  const { localize } = language;
  const parts = [inertText(title, INERT_LABEL_MAX_LENGTH)];
  if (position.count > 1) parts.push(localize('clip {0} of {1}', position.index + 1, position.count));
  parts.push(formatStatus(clip.status, clip.rawStatus, localize));
  if (clip.isStreaming) parts.push(localize('streaming'));
  const duration = spokenDuration(clip.durationSeconds, localize);
  if (duration !== '') parts.push(duration);
  if (clip.model !== null && clip.model.trim() !== '') parts.push(clip.model);
  return inertText(parts.join(', '), INERT_TEXT_MAX_LENGTH);
}

/**
 * `2 Suno tasks running: City Lights, 40 percent; Night Drive, pending`: how many, and the
 * first few by name with their progress, since the item's visible text gives only the count.
 */
export function spokenRunningTasksLabel(
  running: readonly { readonly task: Task; readonly title: string }[],
  localize: Localize = english,
): string {
  const count = running.length === 1 ? localize('1 Suno task running') : localize('{0} Suno tasks running', running.length);
  const named = running.slice(0, STATUS_BAR_NAMED_TASKS).map(({ task, title }) =>
    [inertText(title, INERT_LABEL_MAX_LENGTH), ...spokenStatus(task, localize)].join(', '),
  );
  if (running.length > named.length) named.push(localize('and {0} more', running.length - named.length));
  return inertText(named.length === 0 ? count : `${count}: ${named.join('; ')}`, INERT_TEXT_MAX_LENGTH);
}

/**
 * `api.gpt.ge, gateway, 3 tasks, 1 running, unreachable — retrying automatically`: a group of the
 * tree when tasks from several gateways are tracked. The name is the gateway's address, which a
 * task brought in: inert like a title.
 */
export function spokenGatewayGroupLabel(
  name: string,
  counts: { readonly tasks: number; readonly running: number },
  problem?: string,
  localize: Localize = english,
): string {
  const tasks = counts.tasks === 1 ? localize('1 task') : localize('{0} tasks', counts.tasks);
  const parts = [inertText(name, INERT_LABEL_MAX_LENGTH), localize('gateway'), tasks];
  if (counts.running > 0) parts.push(localize('{0} running', counts.running));
  if (problem !== undefined) parts.push(problem);
  return inertText(parts.join(', '), INERT_TEXT_MAX_LENGTH);
}

/** `Suno gateway api.gpt.ge, one of 3 known gateways, activate to switch`: the status bar's gateway item. */
export function spokenCurrentGatewayLabel(name: string, knownCount: number, localize: Localize = english): string {
  return inertText(
    localize('Suno gateway {0}, one of {1} known gateways, activate to switch', inertText(name, INERT_LABEL_MAX_LENGTH), knownCount),
    INERT_TEXT_MAX_LENGTH,
  );
}

/** The status, and the progress while it means something: `running, 40 percent`. */
function spokenStatus(task: Task, localize: Localize): string[] {
  const parts = [formatStatus(task.status, task.rawStatus, localize)];
  const progress = formatProgress(task.progress);
  if (!isFinished(task.status) && progress !== '') parts.push(localize('{0} percent', progress.slice(0, -1)));
  return parts;
}

/** `3 minutes 12 seconds`, `1 hour 2 minutes`; empty when unknown. */
export function spokenDuration(seconds: number | null, localize: Localize = english): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(hours === 1 ? localize('1 hour') : localize('{0} hours', hours));
  if (minutes > 0) parts.push(minutes === 1 ? localize('1 minute') : localize('{0} minutes', minutes));
  if (rest > 0 || parts.length === 0) parts.push(rest === 1 ? localize('1 second') : localize('{0} seconds', rest));
  return parts.join(' ');
}

/**
 * In English, the tree's short units in words: `2 min ago` → `2 minutes ago`, `in 3 h` → `in 3
 * hours`. Other languages' relative times (`Intl`) are words already.
 */
function spokenTime(when: string | null, now: number, language: DisplayLanguage): string {
  const text = formatRelativeTime(when, now, language.locale);
  if (!/^en(-|$)/i.test(language.locale)) return text;
  return text
    .replace(/\b(\d+) min\b/, (_, count: string) => countOf(Number(count), 'minute'))
    .replace(/\b(\d+) h\b/, (_, count: string) => countOf(Number(count), 'hour'));
}

function countOf(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
