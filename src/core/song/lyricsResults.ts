import type { Clock } from '../clock';
import { DisposableStore, toDisposable } from '../disposables';
import type { Disposable, Event } from '../emitter';
import { isFinished, type Task } from '../task/model';
import type { TaskOrigin } from '../task/taskOrigin';

/**
 * What becomes of a lyrics task made with Generate Lyrics: when it finishes, its lyrics open as a
 * song document ready to generate, or the user hears why there are none — once, in one window,
 * whether it finished while this window watched, in another window, or while VS Code was closed.
 * A lyrics task fetched by its id has no such origin and is left alone.
 */

/** The origin action of a task submitted by Generate Lyrics. */
export const GENERATE_LYRICS_ACTION = 'generateLyrics';

/**
 * A lyrics task takes minutes; one submitted longer ago than this is not opened by itself when
 * it turns up finished (Edit as New Song still opens it), so the memory of delivered results can
 * forget after twice as long.
 */
export const LYRICS_RESULT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type LyricsResult =
  /**
   * The song document is `songFromTask(task, { defaultModel })`, built when it is opened: the
   * watcher runs from activation, the document's writer loads with the first result.
   */
  | { readonly kind: 'ready'; readonly task: Task; readonly defaultModel: string }
  /** `reason` is the gateway's, as it said it (not inert yet); null when it gave none. */
  | { readonly kind: 'failed'; readonly task: Task; readonly reason: string | null };

/**
 * The result of a finished lyrics task generated here within the last day; null for any other
 * task, and one still running.
 */
export function lyricsResultOf(task: Task, origin: TaskOrigin | undefined, defaultModel: string, now: number): LyricsResult | null {
  if (origin?.action !== GENERATE_LYRICS_ACTION || !isFinished(task.status)) return null;
  if (!(now - origin.submittedAt <= LYRICS_RESULT_MAX_AGE_MS)) return null;
  if (task.status === 'failed') return { kind: 'failed', task, reason: task.failReason };
  const hasLyrics = (task.lyrics ?? '').trim() !== '' || task.clips.some((clip) => (clip.lyrics ?? '').trim() !== '');
  if (!hasLyrics) return { kind: 'failed', task, reason: null };
  return { kind: 'ready', task, defaultModel };
}

/** The tracked tasks as the watcher reads them: the task store fits. */
interface LyricsTaskSource {
  get(id: string): Task | undefined;
  origin(id: string): TaskOrigin | undefined;
  all(): Task[];
  readonly onDidChange: Event<{ readonly changed: readonly string[] }>;
}

/** Which results were handed to the user already, in any window, across restarts. */
export interface DeliveredResults {
  has(taskId: string): boolean;
  /** Takes effect at once in this window; reaches the others as soon as it can. */
  remember(taskId: string): void;
}

interface LyricsResultWatcherOptions {
  readonly source: LyricsTaskSource;
  readonly delivered: DeliveredResults;
  readonly clock: Clock;
  /** The model written into the song (`suno.defaultModel`), read when a result is delivered. */
  readonly defaultModel: () => string;
  /**
   * How long a window that did not submit the task waits before delivering its result: time for
   * the submitting window, which delivers at once, to say it did.
   */
  readonly graceMs: () => number;
  readonly deliver: (result: LyricsResult) => void;
}

/**
 * Watches the tracked tasks for finished Generate Lyrics tasks and delivers each result once.
 * The window that submitted a task (`expect`) delivers as soon as it sees it finish; any other
 * window, or this one after a reload, waits `graceMs` and delivers only if nobody did meanwhile.
 */
export class LyricsResultWatcher implements Disposable {
  private readonly disposables = new DisposableStore();
  private readonly expected = new Set<string>();
  private readonly waiting = new Map<string, unknown>();
  private disposed = false;

  constructor(private readonly options: LyricsResultWatcherOptions) {
    this.disposables.add(options.source.onDidChange(({ changed }) => changed.forEach((id) => this.consider(id))));
    this.disposables.add(
      toDisposable(() => {
        for (const timer of this.waiting.values()) options.clock.clearTimeout(timer);
        this.waiting.clear();
      }),
    );
  }

  /** This window submitted `taskId`: its result comes without waiting for other windows. */
  expect(taskId: string): void {
    if (this.disposed) return;
    this.expected.add(taskId);
    this.consider(taskId);
  }

  /** Every tracked task, for the ones that finished while no window was watching (after a start). */
  checkAll(): void {
    for (const task of this.options.source.all()) this.consider(task.id);
  }

  dispose(): void {
    this.disposed = true;
    this.disposables.dispose();
  }

  private consider(taskId: string): void {
    // The origin first: most changes are polls of other tasks, and it is the cheaper question.
    if (this.disposed || this.resultOf(taskId) === null || this.options.delivered.has(taskId)) return;
    if (this.expected.has(taskId)) {
      this.deliver(taskId);
      return;
    }
    if (this.waiting.has(taskId)) return;
    const timer = this.options.clock.setTimeout(() => {
      this.waiting.delete(taskId);
      if (!this.disposed && !this.options.delivered.has(taskId)) this.deliver(taskId);
    }, this.options.graceMs());
    this.waiting.set(taskId, timer);
  }

  private deliver(taskId: string): void {
    const result = this.resultOf(taskId);
    // Removed, or no longer finished, since it was seen.
    if (result === null) return;
    const timer = this.waiting.get(taskId);
    if (timer !== undefined) this.options.clock.clearTimeout(timer);
    this.waiting.delete(taskId);
    this.expected.delete(taskId);
    // Remembered first: nothing the delivery does can bring the same result twice.
    this.options.delivered.remember(taskId);
    this.options.deliver(result);
  }

  private resultOf(taskId: string): LyricsResult | null {
    const task = this.options.source.get(taskId);
    return task === undefined ? null : lyricsResultOf(task, this.options.source.origin(taskId), this.options.defaultModel(), this.options.clock.now());
  }
}
