/**
 * Status words from every dialect, and the rules that turn a task's word plus its clips into the
 * one status the user sees.
 */

import type { TaskStatus } from './model';

/**
 * Every word known to mean something, keyed in lower case with spaces and dashes as `_`.
 * A word not listed here is `unknown`: shown as such, never guessed.
 */
const STATUS_WORDS: ReadonlyMap<string, TaskStatus> = new Map<string, TaskStatus>([
  // new-api task statuses
  ['not_start', 'pending'],
  ['submitted', 'pending'],
  ['queued', 'pending'],
  ['in_progress', 'running'],
  ['success', 'succeeded'],
  ['failure', 'failed'],
  ['unknown', 'unknown'],
  // native Suno clip statuses
  ['streaming', 'running'],
  ['complete', 'succeeded'],
  ['error', 'failed'],
  // GoAPI, sunoapi.com and other gateways
  ['not_started', 'pending'],
  ['pending', 'pending'],
  ['queueing', 'pending'],
  ['processing', 'running'],
  ['running', 'running'],
  ['completed', 'succeeded'],
  ['succeeded', 'succeeded'],
  ['succeed', 'succeeded'],
  ['failed', 'failed'],
  ['fail', 'failed'],
]);

export function normaliseTaskStatus(raw: unknown): TaskStatus {
  if (typeof raw !== 'string') return 'unknown';
  const key = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return STATUS_WORDS.get(key) ?? 'unknown';
}

/** What the status rules need to know about one clip (or a lyrics result). */
interface PartState {
  readonly status: TaskStatus;
}

interface TaskStatusInput {
  /** The task's own word, normalised; null when the task carried no status at all. */
  readonly reported: TaskStatus | null;
  /** `finish_time > 0`: the gateway considers the task over, whatever its word says. */
  readonly finished: boolean;
  /** The task itself carries a failure text (`fail_reason`, GoAPI's `error_message`). */
  readonly hasFailReason: boolean;
  readonly parts: readonly PartState[];
}

/**
 * The task status shown to the user.
 *
 * - A task is `succeeded` only when every clip is complete: while they differ it shows the status
 *   of a clip that is not complete (a streaming clip under a `SUCCESS` task means `running`).
 * - `finish_time > 0` means finished: an unclear word is then decided by clips and fail reason.
 * - `UNKNOWN` or a word never seen stays `unknown` unless the task is finished.
 * - Clips whose own status is unknown neither confirm nor veto anything.
 */
export function resolveTaskStatus(input: TaskStatusInput): TaskStatus {
  const { reported, finished, hasFailReason, parts } = input;
  if (reported === 'failed') return 'failed';
  if (reported === 'succeeded') return statusOfUnfinishedPart(parts) ?? 'succeeded';
  if (finished) {
    if (hasFailReason || parts.some((part) => part.status === 'failed')) return 'failed';
    if (allKnownSucceeded(parts)) return 'succeeded';
    // A clip still streaming under a finished task is a contradiction the next poll resolves;
    // with nothing to go on at all the outcome is not guessed.
    return statusOfUnfinishedPart(parts) ?? 'unknown';
  }
  if (reported === null) {
    // No word at all: the clips and the fail reason are all there is.
    if (allKnownSucceeded(parts)) return 'succeeded';
    const fromParts = statusOfUnfinishedPart(parts);
    if (hasFailReason && (fromParts === null || fromParts === 'failed')) return 'failed';
    return fromParts ?? 'unknown';
  }
  if (reported === 'pending' && parts.some((part) => part.status === 'running')) return 'running';
  return reported;
}

function allKnownSucceeded(parts: readonly PartState[]): boolean {
  const known = parts.filter((part) => part.status !== 'unknown');
  return known.length > 0 && known.every((part) => part.status === 'succeeded');
}

/**
 * The status of the clip that holds the task back, or null when no clip does. Running beats
 * pending (work is visibly under way), and both beat failed: a task whose other clip is still
 * streaming is not over yet.
 */
function statusOfUnfinishedPart(parts: readonly PartState[]): TaskStatus | null {
  if (parts.some((part) => part.status === 'running')) return 'running';
  if (parts.some((part) => part.status === 'pending')) return 'pending';
  if (parts.some((part) => part.status === 'failed')) return 'failed';
  return null;
}
