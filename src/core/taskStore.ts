/**
 * The tracked tasks and their last fetched state, persisted in a `KeyValueStorage` (the
 * extension's `globalState`) under one key.
 *
 * Persisted format (version 1):
 *
 *     { "version": 1, "tasks": [Task, …] }     tasks newest tracked first
 *
 * Loading never throws and never drops good data because of bad data next to it:
 * - a missing key is an empty store;
 * - an entry that does not validate (corrupt, or an older shape such as a bare id) is skipped and
 *   reported through `onProblem`; the others load. The skipped entry is gone from storage at the
 *   next write — it could not be shown or polled anyway, and the report says what it was;
 * - a later duplicate of an id is skipped and reported;
 * - a version this build does not know (written by a newer build, reached through a downgrade or
 *   a sync) or a value that is not a store at all is reported and left untouched: the store
 *   starts empty and becomes read-only for this session, so nothing the newer build saved is
 *   overwritten. Changes still work in memory but are not saved, and the report says so.
 *
 * Writes are serialised and coalesced: each write stores the complete state as it is when the
 * write starts, so two upserts racing each other never lose one another's tasks.
 */

import { Emitter, type Event } from './emitter';
import type { KeyValueStorage } from './keyValueStorage';
import { isFinished, type Task } from './model';
import { parseStoredTask } from './storedTaskSchema';

export const TASK_STORE_KEY = 'suno.taskStore';
export const TASK_STORE_VERSION = 1;

export interface TaskStoreChange {
  /** Ids of tasks that are new or whose content changed (a new `fetchedAt` alone is no change). */
  readonly changed: readonly string[];
  /** Ids of tasks no longer tracked. */
  readonly removed: readonly string[];
}

export interface TaskStoreOptions {
  /** Told, in a sentence a user can act on, about data skipped on load and failed writes. */
  onProblem?: (message: string) => void;
}

interface PersistedStore {
  version: typeof TASK_STORE_VERSION;
  tasks: Task[];
}

export class TaskStore {
  /** Newest tracked first; the order of `all()` and of the persisted list. */
  private tasks: Task[] = [];
  private readonly onProblem: (message: string) => void;
  private readonly changeEmitter = new Emitter<TaskStoreChange>();
  /** Set when the stored value must not be overwritten (unknown version, not a store). */
  private readonly readOnly: boolean;
  /** Every write runs after the previous one settles. */
  private writeChain: Promise<void> = Promise.resolve();
  /** A write queued but not yet started: later changes ride along with it. */
  private queuedWrite: Promise<void> | undefined;

  readonly onDidChange: Event<TaskStoreChange> = this.changeEmitter.event;

  constructor(
    private readonly storage: KeyValueStorage,
    options: TaskStoreOptions = {},
  ) {
    this.onProblem = options.onProblem ?? (() => undefined);
    this.readOnly = !this.load(storage.get(TASK_STORE_KEY));
  }

  all(): Task[] {
    return [...this.tasks];
  }

  get(id: string): Task | undefined {
    return this.tasks.find((task) => task.id === id);
  }

  /** Tasks that may still change, in `all()` order: the ones worth polling. */
  unfinished(): Task[] {
    return this.tasks.filter((task) => !isFinished(task.status));
  }

  /**
   * Tracks new tasks (first in the list, in the order given) and replaces tracked ones in place.
   * Fires one change naming only the tasks whose content changed; saves only when something did.
   * Rejects when the write fails (the change stays in memory and was reported to `onProblem`).
   */
  upsert(tasks: readonly Task[]): Promise<void> {
    // The last snapshot of an id wins when one call carries it twice.
    const incoming = new Map<string, Task>();
    for (const task of tasks) incoming.set(task.id, task);

    const changed: string[] = [];
    const added: Task[] = [];
    let contentChanged = false;
    const next = this.tasks.map((current) => {
      const update = incoming.get(current.id);
      if (update === undefined) return current;
      incoming.delete(current.id);
      if (!sameContent(current, update)) {
        changed.push(current.id);
        contentChanged = true;
      }
      // Keep the newer `fetchedAt` in memory even when nothing else changed: it is how the
      // extension knows the data is fresh. It is saved with the next real change.
      return update;
    });
    for (const task of incoming.values()) {
      added.push(task);
      changed.push(task.id);
      contentChanged = true;
    }
    this.tasks = [...added, ...next];
    if (!contentChanged) return Promise.resolve();
    this.changeEmitter.fire({ changed, removed: [] });
    return this.persist();
  }

  /** Stops tracking the given ids; unknown ids are ignored. */
  remove(ids: readonly string[]): Promise<void> {
    const doomed = new Set(ids);
    const removed = this.tasks.filter((task) => doomed.has(task.id)).map((task) => task.id);
    if (removed.length === 0) return Promise.resolve();
    this.tasks = this.tasks.filter((task) => !doomed.has(task.id));
    this.changeEmitter.fire({ changed: [], removed });
    return this.persist();
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  /** Reads the stored value into memory; false when it must be left untouched. */
  private load(stored: unknown): boolean {
    if (stored === undefined || stored === null) return true;
    const untouched = ' They were left untouched, and changes made in this session will not be saved.';
    if (!isRecord(stored) || !Array.isArray(stored.tasks) || typeof stored.version !== 'number') {
      this.onProblem(`Saved Suno tasks were not loaded: the stored value is not a task list (${describe(stored)}).${untouched}`);
      return false;
    }
    if (stored.version !== TASK_STORE_VERSION) {
      const newer = stored.version > TASK_STORE_VERSION ? ', written by a newer version of the extension' : '';
      this.onProblem(
        `Saved Suno tasks were not loaded: they are in store version ${stored.version}${newer} ` +
          `(this version reads ${TASK_STORE_VERSION}).${untouched}`,
      );
      return false;
    }
    const seen = new Set<string>();
    stored.tasks.forEach((entry: unknown, index: number) => {
      const label = entryLabel(entry, index);
      const parsed = parseStoredTask(entry);
      if (!parsed.ok) {
        this.onProblem(`Skipped saved ${label}: ${parsed.reason}.`);
        return;
      }
      if (seen.has(parsed.task.id)) {
        this.onProblem(`Skipped saved ${label}: the task is listed twice; the first entry was kept.`);
        return;
      }
      seen.add(parsed.task.id);
      this.tasks.push(parsed.task);
    });
    return true;
  }

  private persist(): Promise<void> {
    if (this.readOnly) return Promise.resolve();
    if (this.queuedWrite !== undefined) return this.queuedWrite;
    const write = this.writeChain.then(async () => {
      // From here on the snapshot below is taken: later changes need a write of their own.
      this.queuedWrite = undefined;
      const value: PersistedStore = { version: TASK_STORE_VERSION, tasks: [...this.tasks] };
      try {
        await this.storage.update(TASK_STORE_KEY, value);
      } catch (error) {
        this.onProblem(`Could not save Suno tasks: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    });
    this.queuedWrite = write;
    this.writeChain = write.catch(() => undefined);
    return write;
  }
}

/** Content equality: the same JSON apart from `fetchedAt`. */
function sameContent(a: Task, b: Task): boolean {
  return deepEqual({ ...a, fetchedAt: '' }, { ...b, fetchedAt: '' });
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  // A key that is present but undefined equals a missing key, as it would after a JSON round trip.
  const keys = new Set([...Object.keys(recordA), ...Object.keys(recordB)]);
  for (const key of keys) {
    if (!deepEqual(recordA[key], recordB[key])) return false;
  }
  return true;
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

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
