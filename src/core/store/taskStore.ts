/**
 * The tracked tasks and their last fetched state, shared by every VS Code window of the machine.
 *
 * Each task is one small file in a `SharedFiles` folder (the extension's global storage), named
 * by the hash of its id (see `taskFile.ts` for the format): a write costs what changed, and a
 * write of one task can never erase another. In memory the tasks are indexed by id.
 *
 * Windows learn about each other's changes with `sync()`, which the extension runs about once a
 * poll interval: it looks at the folder (cheaply: a revision file says whether anything was
 * written since the last look, and file sizes and times say which files to read) and turns what
 * other windows wrote into ordinary change events. The first `sync()` runs on construction and
 * migrates, once, the list older versions kept in `globalState` (see `legacyTaskList.ts`).
 *
 * When two windows write:
 * - the same task: the last write of that task wins (both come from the same gateway);
 * - a removal and an update (another window polled the task the user just removed): the
 *   removal wins. An update of a task this window read from disk first reads its file, and
 *   drops the task when its file says it was removed or is gone; a window that removed a task
 *   writes the removal again if a racing update slipped in between that read and the write.
 *   Tracking the task again afterwards starts a new incarnation (a new `trackedAt`), which
 *   the old removal does not hide.
 *
 * Loading never throws and never drops good data because of bad data next to it: a file that
 * does not validate is reported once and skipped (the task it held, if this window has it,
 * stays as it was); a file written by a newer version of the extension is reported and never
 * overwritten; anything in the folder that is not a task file is ignored.
 *
 * Writes are serialised and coalesced: one write at a time, and changes made while a write is
 * queued ride along with it.
 */

import { Emitter, type Event } from '../emitter';
import { errorText } from '../errorText';
import { hashedFileName, isHashedFileName } from './fileNames';
import type { KeyValueStorage } from './keyValueStorage';
import { truncate } from './reportText';
import { isFinished, type Task } from '../task/model';
import type { TaskOrigin } from '../task/taskOrigin';
import type { SharedFileEntry, SharedFiles } from './sharedFiles';
import { MAX_TASK_FILE_BYTES, parseTaskFile, serializeTaskFile, taskFileId, type ParsedTaskFile } from './taskFile';

export const TASKS_FOLDER = 'tasks';
/** Rewritten with a fresh token after every write: unchanged, it means nothing to read. */
const REVISION_PATH = 'tasks-revision.txt';
/** Written once the `globalState` list has been copied into files. */
export const MIGRATED_PATH = 'tasks-migrated-from-globalState.txt';
/** How long a removal marker stays: far longer than any window takes to notice it. */
export const REMOVAL_MARKER_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Files read at once during a sync. */
const READ_BATCH = 32;

export interface TaskStoreChange {
  /** Ids of tasks that are new or whose content changed (a new `fetchedAt` alone is no change). */
  readonly changed: readonly string[];
  /** Ids of tasks no longer tracked. */
  readonly removed: readonly string[];
}

export interface TaskStoreOptions {
  /** The folder shared by all windows. */
  files: SharedFiles;
  /** Where older versions kept the list (`globalState`): migrated once, left as it is. */
  legacy?: KeyValueStorage;
  /** Wall-clock time, shared by all windows (stamps `trackedAt`, ages removal markers). */
  now?: () => number;
  /** Told, in a sentence a user can act on, about data skipped on load and failed writes. */
  onProblem?: (message: string) => void;
}

interface Entry {
  task: Task;
  trackedAt: number;
  /** Set when this extension generated the task; kept through every later update. */
  origin?: TaskOrigin;
  /** Read from or written to the folder: if its file disappears, another window removed it. */
  onDisk: boolean;
}

type PendingWrite =
  | { readonly kind: 'save' }
  | { readonly kind: 'remove'; readonly trackedAt: number }
  /** Delete a removal marker that has served its day. */
  | { readonly kind: 'forget' };

/** What the read phase of a sync found in one file. */
interface ReadFile {
  readonly name: string;
  readonly signature: string;
  readonly parsed: ParsedTaskFile;
  /** False when the file's name is not the hash of the id inside. */
  readonly nameMatches: boolean;
}

export class TaskStore {
  private readonly files: SharedFiles;
  private readonly now: () => number;
  private readonly onProblem: (message: string) => void;
  private readonly entries = new Map<string, Entry>();
  /** `entries` newest tracked first; rebuilt when a task comes or goes. */
  private sorted: Entry[] | undefined;
  private lastStamp = 0;
  private readonly changeEmitter = new Emitter<TaskStoreChange>();

  private pending = new Map<string, PendingWrite>();
  /** Every write and sync runs after the previous one settles. */
  private chain: Promise<void> = Promise.resolve();
  /** A write queued but not yet started: later changes ride along with it. */
  private queuedWrite: Promise<void> | undefined;
  /** A sync queued but not yet started: another request joins it. */
  private queuedSync: Promise<void> | undefined;

  /** The revision token seen at the last complete sync. */
  private lastRevision: string | undefined;
  /** File name → size and time when last read, to read only what changed. */
  private readonly seen = new Map<string, string>();
  /** File name → the id it holds, for files this window has read or written. */
  private readonly idByName = new Map<string, string>();
  private readonly nameById = new Map<string, string>();
  /** Id → `trackedAt` of the incarnations removed in this window. */
  private readonly removedHere = new Map<string, number>();
  /** Files seen before and missing at the last sync: gone for good if still missing at the next. */
  private readonly missingOnce = new Set<string>();
  /** Files written by a newer version of the extension: never overwritten. */
  private readonly newerFiles = new Set<string>();
  /** Problems already reported, so a sync every few seconds does not repeat them. */
  private readonly reported = new Set<string>();

  readonly onDidChange: Event<TaskStoreChange> = this.changeEmitter.event;
  /** Settles when the first sync (and the migration) is done. */
  readonly loaded: Promise<void>;

  constructor(options: TaskStoreOptions) {
    this.files = options.files;
    this.now = options.now ?? Date.now;
    this.onProblem = options.onProblem ?? (() => undefined);
    const legacy = options.legacy;
    this.loaded = this.enqueue(async () => {
      if (legacy !== undefined) await this.migrate(legacy);
      await this.scan();
    });
  }

  all(): Task[] {
    return this.sortedEntries().map((entry) => entry.task);
  }

  get(id: string): Task | undefined {
    return this.entries.get(id)?.task;
  }

  /** Where a task generated here came from; undefined for a task fetched by id. */
  origin(id: string): TaskOrigin | undefined {
    return this.entries.get(id)?.origin;
  }

  /** Tasks that may still change, in `all()` order: the ones worth polling. */
  unfinished(): Task[] {
    return this.all().filter((task) => !isFinished(task.status));
  }

  /**
   * Tracks new tasks (first in the list, in the order given) and replaces tracked ones in place.
   * Fires one change naming only the tasks whose content changed; saves only those.
   * Rejects when the write fails (the change stays in memory and was reported to `onProblem`).
   * `origins` are recorded for tasks new to the store only: a tracked task keeps the one it has.
   */
  upsert(tasks: readonly Task[], origins: ReadonlyMap<string, TaskOrigin> = new Map()): Promise<void> {
    // The last snapshot of an id wins when one call carries it twice.
    const incoming = new Map<string, Task>();
    for (const task of tasks) incoming.set(task.id, task);

    const changed: string[] = [];
    const added: Task[] = [];
    for (const [id, task] of incoming) {
      const entry = this.entries.get(id);
      if (entry === undefined) {
        added.push(task);
        continue;
      }
      const contentChanged = !sameContent(entry.task, task);
      // Keep the newer `fetchedAt` in memory even when nothing else changed: it is how the
      // extension knows the data is fresh. It is saved with the task's next real change.
      entry.task = task;
      if (contentChanged) {
        changed.push(id);
        this.pending.set(id, { kind: 'save' });
      }
    }
    // The first task given is the newest: it gets the latest stamp.
    for (const task of [...added].reverse()) {
      const origin = origins.get(task.id);
      this.entries.set(task.id, { task, trackedAt: this.stamp(), onDisk: false, ...(origin !== undefined && { origin }) });
      this.pending.set(task.id, { kind: 'save' });
    }
    if (added.length > 0) this.sorted = undefined;
    const allChanged = [...changed, ...added.map((task) => task.id)];
    if (allChanged.length === 0) return Promise.resolve();
    this.changeEmitter.fire({ changed: allChanged, removed: [] });
    return this.persist();
  }

  /**
   * Points the origins of `ids` that still name document `from` at document `to` (an untitled
   * song saved under a file name), here and in every other window. Only the ids given: another
   * window's `untitled:Untitled-1` is another document. Fires one change naming those tasks.
   */
  relinkOrigins(ids: readonly string[], from: string, to: string): Promise<void> {
    const changed: string[] = [];
    for (const id of new Set(ids)) {
      const entry = this.entries.get(id);
      if (entry?.origin?.documentUri !== from) continue;
      entry.origin = { ...entry.origin, documentUri: to };
      changed.push(id);
      this.pending.set(id, { kind: 'save' });
    }
    if (changed.length === 0) return Promise.resolve();
    this.changeEmitter.fire({ changed, removed: [] });
    return this.persist();
  }

  /** Stops tracking the given ids, here and in every other window; unknown ids are ignored. */
  remove(ids: readonly string[]): Promise<void> {
    const doomed = new Set(ids);
    // In list order (newest first), as the event has always named them.
    const removed = this.sortedEntries()
      .map((entry) => entry.task.id)
      .filter((id) => doomed.has(id));
    for (const id of removed) {
      const entry = this.entries.get(id)!;
      this.entries.delete(id);
      this.removedHere.set(id, entry.trackedAt);
      this.pending.set(id, { kind: 'remove', trackedAt: entry.trackedAt });
    }
    if (removed.length === 0) return Promise.resolve();
    this.sorted = undefined;
    this.changeEmitter.fire({ changed: [], removed });
    return this.persist();
  }

  /**
   * Reads what other windows wrote since the last sync and fires change events for it. Never
   * rejects: problems are reported. Calls made while one is queued share it.
   */
  sync(): Promise<void> {
    this.queuedSync ??= this.enqueue(async () => {
      this.queuedSync = undefined;
      await this.scan();
    });
    return this.queuedSync;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private sortedEntries(): Entry[] {
    this.sorted ??= [...this.entries.entries()]
      .sort(([idA, a], [idB, b]) => b.trackedAt - a.trackedAt || (idA < idB ? -1 : idA > idB ? 1 : 0))
      .map(([, entry]) => entry);
    return this.sorted;
  }

  /** A `trackedAt` later than every one this window handed out, so one upsert keeps its order. */
  private stamp(): number {
    this.lastStamp = Math.max(this.now(), this.lastStamp + 1);
    return this.lastStamp;
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.chain.then(job);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private nameOf(id: string): string {
    let name = this.nameById.get(id);
    if (name === undefined) {
      name = hashedFileName(id, this.files.sha256Hex);
      this.nameById.set(id, name);
      this.idByName.set(name, id);
    }
    return name;
  }

  private reportOnce(key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.onProblem(message);
  }

  // ---- migration -------------------------------------------------------------------------

  private async migrate(legacy: KeyValueStorage): Promise<void> {
    try {
      if ((await this.files.read(MIGRATED_PATH)) !== undefined) return;
      // Loaded only until the move is done: every later start of every window stops above.
      const { TASK_STORE_KEY, readLegacyTaskList } = await import('./legacyTaskList');
      const tasks = readLegacyTaskList(legacy.get(TASK_STORE_KEY), this.onProblem);
      // Not a list this version understands: leave it for the version that wrote it.
      if (tasks === undefined) return;
      const newest = this.now();
      for (const [index, task] of tasks.entries()) {
        const path = `${TASKS_FOLDER}/${this.nameOf(task.id)}`;
        // Another window may have migrated it already, and the user may have changed it since.
        if ((await this.files.read(path)) !== undefined) continue;
        await this.files.write(path, serializeTaskFile({ kind: 'live', task, trackedAt: newest - index }));
      }
      await this.files.write(MIGRATED_PATH, new Date(newest).toISOString());
      if (tasks.length > 0) await this.writeRevision();
    } catch (error) {
      this.onProblem(`Could not move saved Suno tasks to the shared store: ${errorText(error)}`);
    }
  }

  // ---- reading -----------------------------------------------------------------------------

  private async scan(): Promise<void> {
    let listing: SharedFileEntry[];
    let revision: string | undefined;
    try {
      // The revision first: a write that lands after this read rewrites it, so the next sync
      // looks again even if this listing missed the write.
      revision = await this.files.read(REVISION_PATH);
      if (revision !== undefined && revision === this.lastRevision && this.missingOnce.size === 0) return;
      listing = (await this.files.list(TASKS_FOLDER)).filter((entry) => isHashedFileName(entry.name));
    } catch (error) {
      this.reportOnce(`list:${errorText(error)}`, `Could not read the shared Suno tasks: ${errorText(error)}`);
      return;
    }

    const present = new Set(listing.map((entry) => entry.name));
    const toRead = listing.filter((entry) => this.seen.get(entry.name) !== signatureOf(entry));
    const read: ReadFile[] = [];
    for (let start = 0; start < toRead.length; start += READ_BATCH) {
      const batch = await Promise.all(toRead.slice(start, start + READ_BATCH).map((entry) => this.readFile(entry)));
      for (const file of batch) if (file !== undefined) read.push(file);
    }

    const changed: string[] = [];
    const removed: string[] = [];
    for (const file of read) this.apply(file, changed, removed);
    for (const name of this.missingOnce) if (present.has(name)) this.missingOnce.delete(name);
    for (const name of [...this.seen.keys()]) {
      if (present.has(name)) continue;
      // Gone twice in a row: a file system that renames by deleting first (workspace.fs) leaves
      // a moment without the file, which must not look like a removal.
      if (!this.missingOnce.has(name)) {
        this.missingOnce.add(name);
        continue;
      }
      this.missingOnce.delete(name);
      this.seen.delete(name);
      this.applyVanished(name, removed);
    }
    this.lastRevision = revision;
    if (removed.length > 0) this.sorted = undefined;
    if (changed.length > 0 || removed.length > 0) this.changeEmitter.fire({ changed, removed });
    // Re-written removals (see `apply`) and expired markers.
    if (this.pending.size > 0) void this.persist().catch(() => undefined);
  }

  private async readFile(entry: SharedFileEntry): Promise<ReadFile | undefined> {
    const signature = signatureOf(entry);
    if (entry.size > MAX_TASK_FILE_BYTES) {
      this.seen.set(entry.name, signature);
      this.reportOnce(
        `big:${entry.name}:${signature}`,
        `Skipped the saved Suno task file ${entry.name}: it is ${entry.size} bytes, more than a task can be.`,
      );
      return undefined;
    }
    let text: string | undefined;
    try {
      text = await this.files.read(`${TASKS_FOLDER}/${entry.name}`);
    } catch (error) {
      this.reportOnce(`read:${entry.name}`, `Could not read the saved Suno task file ${entry.name}: ${errorText(error)}`);
      return undefined;
    }
    // Deleted since the listing: the next sync sees it gone.
    if (text === undefined) return undefined;
    const parsed = parseTaskFile(text);
    const nameMatches =
      parsed.kind === 'live' || parsed.kind === 'removed' ? this.nameOf(taskFileId(parsed)) === entry.name : true;
    return { name: entry.name, signature, parsed, nameMatches };
  }

  /** Merges one file into memory (synchronously, after every read of the sync is done). */
  private apply(file: ReadFile, changed: string[], removed: string[]): void {
    const { name, parsed } = file;
    this.seen.set(name, file.signature);
    if (parsed.kind === 'newer') {
      this.newerFiles.add(name);
      this.reportOnce(
        `newer:${name}`,
        `Skipped a saved Suno task written by a newer version of the extension (file version ${parsed.version}); it was left untouched.`,
      );
      return;
    }
    if (parsed.kind === 'invalid') {
      // A write cut short looks like this too; the task, if this window has it, stays as it was.
      this.reportOnce(`invalid:${name}:${file.signature}`, `Skipped the saved Suno task file ${name}: ${parsed.reason}.`);
      return;
    }
    const id = taskFileId(parsed);
    if (!file.nameMatches) {
      this.reportOnce(
        `misnamed:${name}:${file.signature}`,
        `Skipped the saved Suno task file ${name}: it holds task ${truncate(id)}, whose file has another name.`,
      );
      return;
    }
    this.newerFiles.delete(name);
    // This window has its own change of the task on the way: that write comes later and wins.
    if (this.pending.has(id)) return;
    const entry = this.entries.get(id);

    if (parsed.kind === 'removed') {
      if (isExpired(parsed.removedAt, this.now())) this.pending.set(id, { kind: 'forget' });
      if (entry !== undefined && entry.trackedAt <= parsed.trackedAt) {
        this.entries.delete(id);
        removed.push(id);
      }
      return;
    }

    const removedIncarnation = this.removedHere.get(id);
    if (removedIncarnation !== undefined && parsed.trackedAt <= removedIncarnation) {
      // The user removed this incarnation (or a later one) here, and another window's update
      // landed after: the removal wins, so write it again.
      this.pending.set(id, { kind: 'remove', trackedAt: removedIncarnation });
      return;
    }
    if (entry === undefined) {
      this.entries.set(id, { task: parsed.task, trackedAt: parsed.trackedAt, onDisk: true, ...(parsed.origin !== undefined && { origin: parsed.origin }) });
      this.sorted = undefined;
      changed.push(id);
      return;
    }
    const contentChanged = !sameContent(entry.task, parsed.task);
    if (entry.trackedAt !== parsed.trackedAt) this.sorted = undefined;
    // A newer `fetchedAt` from the window that polls is worth having even without a change.
    if (contentChanged || parsed.task.fetchedAt > entry.task.fetchedAt) entry.task = parsed.task;
    // The file's origin is the latest word; a file without one keeps ours only for the same
    // incarnation (an older build rewrote it), not for a task tracked again since.
    const documentBefore = entry.origin?.documentUri;
    if (parsed.origin !== undefined && isRelinkUndone(entry, parsed.trackedAt, parsed.origin)) {
      // Another window wrote the task (a poll) before it read our relink: ours stands, again.
      this.pending.set(id, { kind: 'save' });
    } else if (parsed.origin !== undefined) entry.origin = parsed.origin;
    else if (entry.trackedAt !== parsed.trackedAt) delete entry.origin;
    // The tree and the panel name the origin's document: a relinked one is a change to show.
    if (contentChanged || entry.origin?.documentUri !== documentBefore) changed.push(id);
    entry.trackedAt = parsed.trackedAt;
    entry.onDisk = true;
  }

  /** A file this window had seen is gone: its task was removed and its marker expired. */
  private applyVanished(name: string, removed: string[]): void {
    const id = this.idByName.get(name);
    if (id === undefined || this.pending.has(id)) return;
    const entry = this.entries.get(id);
    if (entry === undefined || !entry.onDisk) return;
    this.entries.delete(id);
    removed.push(id);
  }

  // ---- writing -----------------------------------------------------------------------------

  private persist(): Promise<void> {
    if (this.queuedWrite !== undefined) return this.queuedWrite;
    const write = this.enqueue(async () => {
      // From here on the changes below are taken: later ones need a write of their own.
      this.queuedWrite = undefined;
      const batch = this.pending;
      this.pending = new Map();
      const outcomes = await Promise.allSettled([...batch].map(([id, change]) => this.writeOne(id, change)));
      const failed = [...batch.keys()].filter((_, index) => outcomes[index]?.status === 'rejected');
      const firstFailure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      // A failed change is tried again with the next write, unless a newer one replaced it.
      for (const id of failed) if (!this.pending.has(id)) this.pending.set(id, batch.get(id)!);
      try {
        if (failed.length < batch.size) await this.writeRevision();
      } catch (error) {
        this.onProblem(`Could not save Suno tasks: ${errorText(error)}`);
        throw error;
      }
      if (firstFailure !== undefined) {
        this.onProblem(`Could not save Suno tasks: ${errorText(firstFailure.reason)}`);
        throw firstFailure.reason;
      }
    });
    this.queuedWrite = write;
    return write;
  }

  private async writeOne(id: string, change: PendingWrite): Promise<void> {
    const name = this.nameOf(id);
    const path = `${TASKS_FOLDER}/${name}`;
    if (this.newerFiles.has(name)) {
      this.reportOnce(`newer-write:${name}`, `Task ${truncate(id)} was not saved: a newer version of the extension saved it; its file was left untouched.`);
      return;
    }
    if (change.kind === 'forget') {
      // Only if it is still that marker: another window may have tracked the task again since.
      const current = parseTaskFile((await this.files.read(path)) ?? '');
      if (current.kind === 'removed' && isExpired(current.removedAt, this.now())) await this.files.delete(path);
      return;
    }
    if (change.kind === 'remove') {
      await this.files.write(path, serializeTaskFile({ kind: 'removed', id, trackedAt: change.trackedAt, removedAt: this.now() }));
      return;
    }
    const entry = this.entries.get(id);
    // Removed again before this write ran: the removal is pending and will be written.
    if (entry === undefined) return;
    if (entry.onDisk && (await this.removedElsewhere(path, entry))) {
      this.entries.delete(id);
      this.sorted = undefined;
      this.changeEmitter.fire({ changed: [], removed: [id] });
      return;
    }
    const origin = entry.origin === undefined ? {} : { origin: entry.origin };
    await this.files.write(path, serializeTaskFile({ kind: 'live', task: entry.task, trackedAt: entry.trackedAt, ...origin }));
    entry.onDisk = true;
  }

  /** Whether another window removed this incarnation since this window read it. */
  private async removedElsewhere(path: string, entry: Entry): Promise<boolean> {
    const text = await this.files.read(path);
    if (text === undefined) return true;
    const current = parseTaskFile(text);
    return current.kind === 'removed' && current.trackedAt >= entry.trackedAt;
  }

  private async writeRevision(): Promise<void> {
    await this.files.write(REVISION_PATH, `${this.now()}-${Math.random().toString(36).slice(2)}`);
  }
}

function isExpired(removedAt: number, now: number): boolean {
  return now - removedAt > REMOVAL_MARKER_LIFETIME_MS;
}

function signatureOf(entry: SharedFileEntry): string {
  return `${entry.size}@${entry.modified}`;
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

/**
 * Whether `written`, read from the folder, is an older word than this window's origin: the same
 * incarnation, submitted at the same moment, still naming the untitled song that this window has
 * relinked to its file. Origins change only that way (`relinkOrigins`), never back.
 */
function isRelinkUndone(entry: Entry, trackedAt: number, written: TaskOrigin): boolean {
  const ours = entry.origin;
  return (
    ours !== undefined &&
    entry.trackedAt === trackedAt &&
    ours.submittedAt === written.submittedAt &&
    ours.documentUri !== written.documentUri &&
    ours.documentUri !== null &&
    !ours.documentUri.startsWith('untitled:') &&
    written.documentUri?.startsWith('untitled:') === true
  );
}
