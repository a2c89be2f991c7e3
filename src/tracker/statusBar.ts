import * as vscode from 'vscode';
import { FOCUS_TASKS_VIEW_COMMAND } from '../contributionIds';
import { DisposableStore } from '../core/disposables';
import type { TaskStore } from '../core/store/taskStore';
import { spokenRunningTasksLabel } from './spokenLabels';
import { taskLabel } from './taskTreeItem';

/**
 * `$(loading~spin) 2 Suno tasks` in the status bar while tasks run, so their progress is visible
 * with the sidebar closed; a click focuses the tracker. Hidden when nothing runs.
 */
export class TaskStatusBar implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly item: vscode.StatusBarItem;

  constructor(private readonly store: TaskStore) {
    this.item = this.disposables.add(vscode.window.createStatusBarItem('suno.runningTasks', vscode.StatusBarAlignment.Left, 10));
    this.item.name = vscode.l10n.t('Suno Tasks');
    this.item.command = FOCUS_TASKS_VIEW_COMMAND;
    this.disposables.add(store.onDidChange(() => this.update()));
    this.update();
  }

  /** The text shown, or undefined while hidden (for tests). */
  get text(): string | undefined {
    return this.store.unfinished().length > 0 ? this.item.text : undefined;
  }

  /** What a screen reader says for the item, or undefined while hidden (for tests). */
  get accessibilityLabel(): string | undefined {
    return this.store.unfinished().length > 0 ? this.item.accessibilityInformation?.label : undefined;
  }

  /** The tooltip shown, or undefined while hidden (for tests). */
  get tooltip(): string | undefined {
    return this.store.unfinished().length > 0 ? String(this.item.tooltip) : undefined;
  }

  update(): void {
    const running = this.store.unfinished();
    if (running.length === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(loading~spin) ${runningTasksLabel(running.length)}`;
    const names = running.slice(0, 10).map((task) => `• ${taskLabel(task)}`);
    if (running.length > names.length) names.push(vscode.l10n.t('… and {0} more', running.length - names.length));
    // Plain string tooltip of inert titles (taskLabel): gateway text is never Markdown or an icon.
    this.item.tooltip = [vscode.l10n.t('{0} running — click to show them', runningTasksLabel(running.length)), ...names].join('\n');
    this.item.accessibilityInformation = {
      label: spokenRunningTasksLabel(running.map((task) => ({ task, title: taskLabel(task) })), vscode.l10n.t),
    };
    this.item.show();
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

function runningTasksLabel(count: number): string {
  return count === 1 ? vscode.l10n.t('1 Suno task') : vscode.l10n.t('{0} Suno tasks', count);
}
