import type * as vscode from 'vscode';
import { LYRICS_RESULT_MAX_AGE_MS, type DeliveredResults } from '../core/song/lyricsResults';

const DELIVERED_KEY = 'suno.deliveredLyricsResults';
/** Far more lyrics than anyone generates in two days; keeps the stored record small whatever happens. */
const MAX_REMEMBERED = 500;

/**
 * The lyrics results handed to the user, by task id, with when: in this window's memory at once,
 * and in `globalState`, which every window of the machine reads, so that no other window and no
 * restart opens the same lyrics again. Entries older than any result still delivered are dropped.
 */
export class DeliveredLyricsResults implements DeliveredResults {
  private readonly here = new Set<string>();

  constructor(
    private readonly globalState: vscode.Memento,
    private readonly now: () => number = Date.now,
    private readonly onProblem: (error: unknown) => void = () => undefined,
  ) {}

  has(taskId: string): boolean {
    return this.here.has(taskId) || this.stored().has(taskId);
  }

  remember(taskId: string): void {
    this.here.add(taskId);
    const entries = this.stored();
    // Moved to the end: the newest are the ones kept.
    entries.delete(taskId);
    entries.set(taskId, this.now());
    const kept = [...entries].slice(-MAX_REMEMBERED);
    this.globalState.update(DELIVERED_KEY, Object.fromEntries(kept)).then(undefined, this.onProblem);
  }

  /** What is stored, as far as it is a record of ids and recent times: another build may have written it. */
  private stored(): Map<string, number> {
    const value = this.globalState.get<unknown>(DELIVERED_KEY);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return new Map();
    const oldest = this.now() - 2 * LYRICS_RESULT_MAX_AGE_MS;
    const kept = Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] >= oldest);
    return new Map(kept.slice(-MAX_REMEMBERED));
  }
}
