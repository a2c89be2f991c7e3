/**
 * The file the task store keeps for one task (`tasks/<hash of the id>.json`).
 *
 * Format (version 2; version 1 was the single `globalState` list, see `legacyTaskList.ts`):
 *
 *     { "version": 2, "trackedAt": 1735689600000, "task": Task }              a tracked task
 *     { "version": 2, "trackedAt": …, "task": Task, "origin": TaskOrigin }    one generated here
 *     { "version": 2, "trackedAt": 1735689600000, "removedAt": …, "id": "…" }  a removed one
 *
 * `trackedAt` says when this window or another started tracking the task: it orders the list
 * (newest first) and names the "incarnation" of a task, so a removal is not undone by a late
 * write of the same incarnation from another window while a task tracked again afterwards (a new
 * `trackedAt`) is not hidden by the old removal. A removal is kept as a marker (a tombstone) for
 * a day for that reason, then deleted.
 *
 * `origin` (optional, see `task/taskOrigin.ts`) came later without a version bump: older builds
 * read such a file and ignore it, and an origin this build cannot read costs only the link back,
 * never the task.
 */

import * as z from 'zod/mini';
import type { Task } from '../task/model';
import { taskOriginSchema, type TaskOrigin } from '../task/taskOrigin';
import { parseStoredTask } from '../task/taskSchema';

const TASK_FILE_VERSION = 2;
/** Larger files are reported and not read: no task is anywhere near this, a runaway file could be. */
export const MAX_TASK_FILE_BYTES = 16 * 1024 * 1024;

const stampSchema = z.number().check(z.gte(0));
const versionOnlySchema = z.object({ version: z.number() });
const liveFileSchema = z.object({
  version: z.literal(TASK_FILE_VERSION),
  trackedAt: stampSchema,
  task: z.unknown(),
  origin: z.optional(z.unknown()),
});
const removedFileSchema = z.object({
  version: z.literal(TASK_FILE_VERSION),
  id: z.string().check(z.minLength(1)),
  trackedAt: stampSchema,
  removedAt: stampSchema,
});

type TaskFile =
  | { readonly kind: 'live'; readonly task: Task; readonly trackedAt: number; readonly origin?: TaskOrigin }
  | { readonly kind: 'removed'; readonly id: string; readonly trackedAt: number; readonly removedAt: number };

export type ParsedTaskFile =
  | TaskFile
  /** Written by a newer build: to be left exactly as it is. */
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'invalid'; readonly reason: string };

export function serializeTaskFile(file: TaskFile): string {
  if (file.kind === 'live') {
    const origin = file.origin === undefined ? {} : { origin: file.origin };
    return JSON.stringify({ version: TASK_FILE_VERSION, trackedAt: file.trackedAt, task: file.task, ...origin });
  }
  return JSON.stringify({ version: TASK_FILE_VERSION, id: file.id, trackedAt: file.trackedAt, removedAt: file.removedAt });
}

export function parseTaskFile(text: string): ParsedTaskFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Also what a file cut short by a crash looks like.
    return { kind: 'invalid', reason: 'it is not complete JSON' };
  }
  const versioned = versionOnlySchema.safeParse(json);
  if (!versioned.success) return { kind: 'invalid', reason: 'it has no version number' };
  if (versioned.data.version > TASK_FILE_VERSION) return { kind: 'newer', version: versioned.data.version };
  if (versioned.data.version !== TASK_FILE_VERSION) {
    return { kind: 'invalid', reason: `it is in version ${versioned.data.version}, which no version of the extension wrote` };
  }
  const removed = removedFileSchema.safeParse(json);
  if (removed.success) return { kind: 'removed', ...removed.data };
  const live = liveFileSchema.safeParse(json);
  if (!live.success) return { kind: 'invalid', reason: 'it is neither a task nor a removal' };
  const task = parseStoredTask(live.data.task);
  if (!task.ok) return { kind: 'invalid', reason: task.reason };
  const origin = taskOriginSchema.safeParse(live.data.origin);
  return { kind: 'live', task: task.task, trackedAt: live.data.trackedAt, ...(origin.success && { origin: origin.data }) };
}

/** The task id a parsed file speaks for. */
export function taskFileId(file: TaskFile): string {
  return file.kind === 'live' ? file.task.id : file.id;
}
