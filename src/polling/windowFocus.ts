import * as vscode from 'vscode';
import type { TaskStore } from '../core/taskStore';

/** How much slower polling runs while no VS Code window of this instance has focus. */
export const UNFOCUSED_SLOWDOWN = 3;

/**
 * Polls less while the window is in the background and catches up when the user comes back:
 * the poller reads `slowdownFactor()` each round, and a refocus triggers an immediate round when
 * the data is older than one normal interval (the pull-request extension's watcher does this).
 */
export class WindowFocusPolicy implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: TaskStore,
    private readonly intervalMs: () => number,
    /** Runs a round now (the poller's `pollNow`). */
    private readonly pollNow: () => void,
    private readonly now: () => number = Date.now,
  ) {
    this.subscription = vscode.window.onDidChangeWindowState((state) => {
      if (state.focused && this.isStale()) this.pollNow();
    });
  }

  /** For the poller's `slowdownFactor` option. */
  slowdownFactor(): number {
    return vscode.window.state.focused ? 1 : UNFOCUSED_SLOWDOWN;
  }

  /** True when some unfinished task was last fetched more than one normal interval ago. */
  isStale(): boolean {
    const interval = this.intervalMs();
    const now = this.now();
    return this.store.unfinished().some((task) => {
      const fetched = Date.parse(task.fetchedAt);
      return Number.isNaN(fetched) || now - fetched > interval;
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
