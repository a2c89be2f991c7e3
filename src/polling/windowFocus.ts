import * as vscode from 'vscode';
import { DisposableStore } from '../core/disposables';
import type { Poller } from '../core/polling/poller';
import type { TaskStore } from '../core/store/taskStore';

/** How much slower polling runs while the VS Code window is in the background. */
export const UNFOCUSED_SLOWDOWN = 3;

/** For the poller's `slowdownFactor` option: read at every round. */
export function windowSlowdownFactor(): number {
  return vscode.window.state.focused ? 1 : UNFOCUSED_SLOWDOWN;
}

/**
 * Catches up when the user comes back: polling runs three times slower while the window is in
 * the background (`windowSlowdownFactor`), so on refocus every gateway whose data is older than
 * one normal interval is polled at once (the pull-request extension's watcher does this).
 * Gateways paused for a refused key or backing off after failures are left to their schedule:
 * focusing a window is no reason to call a gateway that just failed.
 */
export class WindowFocusCatchUp implements vscode.Disposable {
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly store: TaskStore,
    private readonly poller: Pick<Poller, 'pollNow' | 'gatewayState'>,
    private readonly intervalMs: () => number,
    private readonly now: () => number = Date.now,
  ) {
    this.disposables.add(
      vscode.window.onDidChangeWindowState((state) => {
        if (!state.focused) return;
        for (const baseUrl of this.staleGateways()) void this.poller.pollNow(baseUrl);
      }),
    );
  }

  /** Gateways with an unfinished task last fetched more than one normal interval ago. */
  staleGateways(): string[] {
    const interval = this.intervalMs();
    const now = this.now();
    const stale = new Set<string>();
    for (const task of this.store.unfinished()) {
      const fetched = Date.parse(task.fetchedAt);
      if (Number.isNaN(fetched) || now - fetched > interval) stale.add(task.baseUrl);
    }
    return [...stale].filter((baseUrl) => {
      const { state } = this.poller.gatewayState(baseUrl);
      return state === 'waiting' || state === 'idle';
    });
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
