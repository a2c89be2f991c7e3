import * as vscode from 'vscode';
import type { TaskStore } from '../core/store/taskStore';
import type { TrackerNode } from './treeElements';

/**
 * The number on the tracker's activity bar icon: how many tracked tasks are still running, so
 * the user sees work in progress with the sidebar closed. No badge when nothing runs.
 */
function runningTasksBadge(store: TaskStore): vscode.ViewBadge | undefined {
  const running = store.unfinished().length;
  if (running === 0) return undefined;
  return { value: running, tooltip: running === 1 ? vscode.l10n.t('1 Suno task running') : vscode.l10n.t('{0} Suno tasks running', running) };
}

export function updateTrackerBadge(view: vscode.TreeView<TrackerNode>, store: TaskStore): void {
  view.badge = runningTasksBadge(store);
}
