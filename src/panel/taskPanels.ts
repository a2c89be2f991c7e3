import * as vscode from 'vscode';
import { TASK_PANEL_VIEW_TYPE } from '../contributionIds';
import { DisposableStore } from '../core/disposables';
import { inertText } from '../core/inertText';
import { loadOnce } from '../core/loadOnce';
import type { ExtensionServices, TaskPanels } from '../extensionServices';
import type { TaskPanel } from './taskPanel';

// The panel, its page and its messages load at the first open or restore, not at activation.
const loadTaskPanel = loadOnce(() => import('./taskPanel'));
const loadTaskPanelSerializer = loadOnce(() => import('./taskPanelSerializer'));

/**
 * One panel per task: opening a task again reveals its panel. Panels follow the store: a changed
 * task updates its panel, a removed task closes it. Panels restored by VS Code after a reload
 * come back through the serializer it registers. Until one is opened, nothing of the panel is loaded.
 */
class TaskPanelRegistry implements TaskPanels, vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly panels = new Map<string, TaskPanel>();

  constructor(private readonly services: ExtensionServices) {
    this.disposables.add(
      services.store.onDidChange(({ changed, removed }) => {
        for (const id of removed) this.panels.get(id)?.dispose();
        for (const id of changed) this.panels.get(id)?.refresh();
      }),
    );
    this.disposables.add(
      vscode.window.registerWebviewPanelSerializer(TASK_PANEL_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => {
          const { TaskPanelSerializer } = await loadTaskPanelSerializer();
          // Panels come back as the window opens, before the shared store has been read.
          const serializer = new TaskPanelSerializer(async (taskId, restored) => {
            await services.store.loaded;
            return this.adopt(taskId, restored);
          });
          await serializer.deserializeWebviewPanel(panel, state);
        },
      }),
    );
    // Panels come and go while the registry lives: those still open go with it.
    this.disposables.addCallback(() => {
      for (const panel of [...this.panels.values()]) panel.dispose();
      this.panels.clear();
    });
  }

  open(taskId: string, options: { preserveFocus?: boolean } = {}): void {
    const preserveFocus = options.preserveFocus ?? false;
    const existing = this.panels.get(taskId);
    if (existing !== undefined) {
      existing.reveal(preserveFocus);
      return;
    }
    if (this.services.store.get(taskId) === undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Suno task {0} is not tracked.', inertText(taskId)));
      return;
    }
    this.openLoaded(taskId, preserveFocus).catch((error: unknown) => {
      this.services.log.error(`Task panel ${taskId}: did not open (${String(error)}).`);
    });
  }

  /** The part of `open` that needs the panel's module: the state is looked at again after the wait. */
  private async openLoaded(taskId: string, preserveFocus: boolean): Promise<void> {
    const panelModule = await loadTaskPanel();
    const { taskPanelTitle, taskPanelWebviewOptions } = panelModule;
    const existing = this.panels.get(taskId);
    if (existing !== undefined) {
      existing.reveal(preserveFocus);
      return;
    }
    const task = this.services.store.get(taskId);
    if (task === undefined) return;
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
    this.adoptWith(panelModule.TaskPanel, taskId, panel);
  }

  isVisible(taskId: string): boolean {
    return this.panels.get(taskId)?.visible ?? false;
  }

  /** Takes over a new or restored panel for a tracked task that has none yet. */
  async adopt(taskId: string, panel: vscode.WebviewPanel): Promise<boolean> {
    const { TaskPanel } = await loadTaskPanel();
    return this.adoptWith(TaskPanel, taskId, panel);
  }

  /** Synchronous once the class is loaded, so that two opens racing cannot both create a panel. */
  private adoptWith(panelClass: typeof TaskPanel, taskId: string, panel: vscode.WebviewPanel): boolean {
    if (this.panels.has(taskId) || this.services.store.get(taskId) === undefined) return false;
    const taskPanel = new panelClass(taskId, panel, this.services);
    this.panels.set(taskId, taskPanel);
    taskPanel.onDidDispose(() => {
      if (this.panels.get(taskId) === taskPanel) this.panels.delete(taskId);
    });
    return true;
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

/**
 * Creates the task panels and registers their serializer. Call during activation: VS Code only
 * restores panels whose serializer is registered by then (`onWebviewPanel:suno.taskPanel`
 * activates the extension for that).
 */
export function registerTaskPanels(services: ExtensionServices): TaskPanels & vscode.Disposable {
  return new TaskPanelRegistry(services);
}
