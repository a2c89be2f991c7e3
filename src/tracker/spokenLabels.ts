import { formatProgress, formatRelativeTime, formatStatus } from '../core/task/format';
import { INERT_LABEL_MAX_LENGTH, INERT_TEXT_MAX_LENGTH, inertText } from '../core/inertText';
import { isFinished, type Clip, type Task } from '../core/task/model';

/**
 * What a screen reader says for a tracker row and the status bar item (their
 * `accessibilityInformation`). The visible rows are dense (`Running · 40% · 2 min ago`); read
 * aloud, a middle dot, a `%` and an abbreviation are noise, so these labels say the same in words:
 * `City Lights, song, running, 40 percent, 2 minutes ago`. The name comes first, so that a row is
 * found by its title as a sighted user finds it.
 *
 * Every English word the labels speak is in this file. Titles come from the gateway: they are
 * made inert like every other label (no link, no icon, no hidden or reordered characters).
 */

const KIND_WORDS: Record<Task['action'], string | null> = {
  music: 'song',
  lyrics: 'lyrics',
  other: null,
};

/** How many running tasks the status bar names before it says how many more there are. */
const STATUS_BAR_NAMED_TASKS = 5;

/** `City Lights, song, running, 40 percent, 2 minutes ago`. */
export function spokenTaskLabel(task: Task, title: string, now: number): string {
  const parts = [inertText(title, INERT_LABEL_MAX_LENGTH)];
  const kind = KIND_WORDS[task.action];
  if (kind !== null) parts.push(kind);
  parts.push(...spokenStatus(task));
  const time = spokenTime(formatRelativeTime(task.finishedAt ?? task.startedAt ?? task.submittedAt ?? null, now));
  if (time !== '') parts.push(time);
  return inertText(parts.join(', '), INERT_TEXT_MAX_LENGTH);
}

/** `Night Drive, clip 2 of 2, running, streaming, chirp-v4` or `…, succeeded, 3 minutes 12 seconds, chirp-v4`. */
export function spokenClipLabel(clip: Clip, title: string, position: { index: number; count: number }): string {
  const parts = [inertText(title, INERT_LABEL_MAX_LENGTH)];
  if (position.count > 1) parts.push(`clip ${position.index + 1} of ${position.count}`);
  parts.push(formatStatus(clip.status, clip.rawStatus));
  if (clip.isStreaming) parts.push('streaming');
  const duration = spokenDuration(clip.durationSeconds);
  if (duration !== '') parts.push(duration);
  if (clip.model !== null && clip.model.trim() !== '') parts.push(clip.model);
  return inertText(parts.join(', '), INERT_TEXT_MAX_LENGTH);
}

/**
 * `2 Suno tasks running: City Lights, 40 percent; Night Drive, pending`: how many, and the
 * first few by name with their progress, since the item's visible text gives only the count.
 */
export function spokenRunningTasksLabel(running: readonly { readonly task: Task; readonly title: string }[]): string {
  const count = running.length === 1 ? '1 Suno task running' : `${running.length} Suno tasks running`;
  const named = running.slice(0, STATUS_BAR_NAMED_TASKS).map(({ task, title }) =>
    [inertText(title, INERT_LABEL_MAX_LENGTH), ...spokenStatus(task)].join(', '),
  );
  if (running.length > named.length) named.push(`and ${running.length - named.length} more`);
  return inertText(named.length === 0 ? count : `${count}: ${named.join('; ')}`, INERT_TEXT_MAX_LENGTH);
}

/**
 * `api.gpt.ge, gateway, 3 tasks, 1 running, unreachable — retrying automatically`: a group of the
 * tree when tasks from several gateways are tracked. The name is the gateway's address, which a
 * task brought in: inert like a title.
 */
export function spokenGatewayGroupLabel(name: string, counts: { readonly tasks: number; readonly running: number }, problem?: string): string {
  const parts = [inertText(name, INERT_LABEL_MAX_LENGTH), 'gateway', countOf(counts.tasks, 'task')];
  if (counts.running > 0) parts.push(`${counts.running} running`);
  if (problem !== undefined) parts.push(problem);
  return inertText(parts.join(', '), INERT_TEXT_MAX_LENGTH);
}

/** `Suno gateway api.gpt.ge, one of 3 known gateways, activate to switch`: the status bar's gateway item. */
export function spokenCurrentGatewayLabel(name: string, knownCount: number): string {
  return inertText(`Suno gateway ${inertText(name, INERT_LABEL_MAX_LENGTH)}, one of ${knownCount} known gateways, activate to switch`, INERT_TEXT_MAX_LENGTH);
}

/** The status, and the progress while it means something: `running, 40 percent`. */
function spokenStatus(task: Task): string[] {
  const parts = [formatStatus(task.status, task.rawStatus)];
  const progress = formatProgress(task.progress);
  if (!isFinished(task.status) && progress !== '') parts.push(`${progress.slice(0, -1)} percent`);
  return parts;
}

/** `3 minutes 12 seconds`, `1 hour 2 minutes`; empty when unknown. */
export function spokenDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(countOf(hours, 'hour'));
  if (minutes > 0) parts.push(countOf(minutes, 'minute'));
  if (rest > 0 || parts.length === 0) parts.push(countOf(rest, 'second'));
  return parts.join(' ');
}

/** `2 min ago` → `2 minutes ago`, `in 3 h` → `in 3 hours`: the tree's short units in words. */
function spokenTime(text: string): string {
  return text
    .replace(/\b(\d+) min\b/, (_, count: string) => countOf(Number(count), 'minute'))
    .replace(/\b(\d+) h\b/, (_, count: string) => countOf(Number(count), 'hour'));
}

function countOf(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
