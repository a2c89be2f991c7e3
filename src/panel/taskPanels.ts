import * as vscode from 'vscode';
import { TASK_PANEL_VIEW_TYPE } from '../contributionIds';
import { inertText } from '../core/inertText';
import type { ExtensionServices, TaskPanels } from '../extensionServices';
import { TaskPanel, taskPanelTitle, taskPanelWebviewOptions } from './taskPanel';
import { TaskPanelSerializer } from './taskPanelSerializer';

/**
 * One panel per task: opening a task again reveals its panel. Panels follow the store: a changed
 * task updates its panel, a removed task closes it.
 */
class TaskPanelRegistry implements TaskPanels, vscode.Disposable {
  private readonly panels = new Map<string, TaskPanel>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly services: ExtensionServices) {
    this.subscription = services.store.onDidChange(({ changed, removed }) => {
      for (const id of removed) this.panels.get(id)?.dispose();
      for (const id of changed) this.panels.get(id)?.refresh();
    });
  }

  open(taskId: string, options: { preserveFocus?: boolean } = {}): void {
    const preserveFocus = options.preserveFocus ?? false;
    const existing = this.panels.get(taskId);
    if (existing !== undefined) {
      existing.reveal(preserveFocus);
      return;
    }
    const task = this.services.store.get(taskId);
    if (task === undefined) {
      void vscode.window.showWarningMessage(`Suno task ${inertText(taskId)} is not tracked.`);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      TASK_PANEL_VIEW_TYPE,
      taskPanelTitle(task, taskId),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus },
      {
        ...taskPanelWebviewOptions(this.services.context.extensionUri),
        // The page restores itself from one `update` message; keeping hidden pages alive would
        // only cost memory.
        retainContextWhenHidden: false,
        enableFindWidget: true,
      },
    );
    this.adopt(taskId, panel);
  }

  isVisible(taskId: string): boolean {
    return this.panels.get(taskId)?.visible ?? false;
  }

  /** Takes over a new or restored panel for a tracked task that has none yet. */
  adopt(taskId: string, panel: vscode.WebviewPanel): boolean {
    if (this.panels.has(taskId) || this.services.store.get(taskId) === undefined) return false;
    const taskPanel = new TaskPanel(taskId, panel, this.services);
    this.panels.set(taskId, taskPanel);
    taskPanel.onDidDispose(() => {
      if (this.panels.get(taskId) === taskPanel) this.panels.delete(taskId);
    });
    return true;
  }

  dispose(): void {
    this.subscription.dispose();
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}

/**
 * Creates the task panels and registers their serializer. Call during activation: VS Code only
 * restores panels whose serializer is registered by then (`onWebviewPanel:suno.taskPanel`
 * activates the extension for that).
 */
export function registerTaskPanels(services: ExtensionServices): TaskPanels {
  const registry = new TaskPanelRegistry(services);
  services.context.subscriptions.push(
    registry,
    vscode.window.registerWebviewPanelSerializer(
      TASK_PANEL_VIEW_TYPE,
      // Panels come back as the window opens, before the shared store has been read.
      new TaskPanelSerializer(async (taskId, panel) => {
        await services.store.loaded;
        return registry.adopt(taskId, panel);
      }),
    ),
  );
  return registry;
}
