/**
 * What the task panel says through its polite live region as a task moves on. A screen reader
 * user should hear that a task started, passed a quarter of its progress or finished, never a
 * sentence per poll: an update that changes neither the status nor the quarter says nothing, and
 * neither does the first one (the panel's heading already says what it shows).
 */

import { english, type Localize } from '../localize';
import { formatStatus } from './format';
import { isFinished, type Task } from './model';

/** Progress is announced each time it enters another quarter: 25, 50 and 75 percent. */
const PROGRESS_STEP = 25;

interface Heard {
  readonly status: string;
  readonly step: number;
}

export class StatusAnnouncements {
  private heard: Heard | undefined;

  /** `localize` words the sentences: the panel passes the display language's. */
  constructor(private readonly localize: Localize = english) {}

  /** The sentence for this update of the task, or null when there is nothing new to say. */
  next(task: Pick<Task, 'status' | 'rawStatus' | 'progress'>, name: string): string | null {
    const status = formatStatus(task.status, task.rawStatus, this.localize);
    const percent = progressPercent(task);
    const step = percent === null ? -1 : Math.floor(percent / PROGRESS_STEP);
    const before = this.heard;
    // The step only rises: a gateway whose figure wobbles back does not make the panel repeat itself.
    this.heard = { status, step: before !== undefined && before.status === status ? Math.max(before.step, step) : step };
    if (before === undefined) return null;
    if (before.status !== status) {
      return percent === null ? this.localize('{0}: {1}.', name, status) : this.localize('{0}: {1}, {2} percent.', name, status, percent);
    }
    if (step > 0 && step > before.step && percent !== null) return this.localize('{0}: {1} percent.', name, percent);
    return null;
  }
}

/** Whole percent while the task runs; null when unknown or finished (the status says it all). */
function progressPercent(task: Pick<Task, 'status' | 'progress'>): number | null {
  if (isFinished(task.status) || task.progress === null || !Number.isFinite(task.progress)) return null;
  return Math.round(Math.min(100, Math.max(0, task.progress)));
}
