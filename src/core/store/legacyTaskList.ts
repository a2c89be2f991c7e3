/**
 * The task list as versions before the shared store kept it: one `globalState` value under
 * `suno.taskStore`, read once per window and written back whole.
 *
 *     { "version": 1, "tasks": [Task, …] }     tasks newest tracked first
 *
 * The task store migrates it once into its files and leaves it where it is, so going back to an
 * older version of the extension still finds the tasks it had. Reading never throws and never
 * drops good data because of bad data next to it:
 * - a missing key is an empty list;
 * - an entry that does not validate (corrupt, or an older shape such as a bare id) is skipped and
 *   reported; so is a later duplicate of an id;
 * - a version this build does not know (written by a newer build) or a value that is not a list
 *   at all is reported and not migrated: undefined, and nothing may be written in its name.
 */

import type { Task } from '../task/model';
import { parseStoredTask } from '../task/taskSchema';
import { truncate } from './reportText';

export const TASK_STORE_KEY = 'suno.taskStore';
const LEGACY_TASK_LIST_VERSION = 1;

/** The valid tasks, newest tracked first; undefined when the value must be left untouched. */
export function readLegacyTaskList(stored: unknown, onProblem: (message: string) => void): Task[] | undefined {
  if (stored === undefined || stored === null) return [];
  const untouched = ' They were left untouched.';
  if (!isRecord(stored) || !Array.isArray(stored.tasks) || typeof stored.version !== 'number') {
    onProblem(`Saved Suno tasks were not loaded: the stored value is not a task list (${describe(stored)}).${untouched}`);
    return undefined;
  }
  if (stored.version !== LEGACY_TASK_LIST_VERSION) {
    const newer = stored.version > LEGACY_TASK_LIST_VERSION ? ', written by a newer version of the extension' : '';
    onProblem(
      `Saved Suno tasks were not loaded: they are in store version ${stored.version}${newer} ` +
        `(this version reads ${LEGACY_TASK_LIST_VERSION}).${untouched}`,
    );
    return undefined;
  }
  const tasks: Task[] = [];
  const seen = new Set<string>();
  stored.tasks.forEach((entry: unknown, index: number) => {
    const label = entryLabel(entry, index);
    const parsed = parseStoredTask(entry);
    if (!parsed.ok) {
      onProblem(`Skipped saved ${label}: ${parsed.reason}.`);
      return;
    }
    if (seen.has(parsed.task.id)) {
      onProblem(`Skipped saved ${label}: the task is listed twice; the first entry was kept.`);
      return;
    }
    seen.add(parsed.task.id);
    tasks.push(parsed.task);
  });
  return tasks;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names an entry for a problem report: its position and, when it has one, its id. */
function entryLabel(entry: unknown, index: number): string {
  const position = `entry ${index + 1}`;
  if (typeof entry === 'string') return `${position} (a bare id "${truncate(entry)}", an older format)`;
  if (isRecord(entry) && typeof entry.id === 'string') return `${position} (task ${truncate(entry.id)})`;
  return position;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list without a version number';
  if (isRecord(value)) return 'an object without a version number and task list';
  return `a ${typeof value}`;
}
