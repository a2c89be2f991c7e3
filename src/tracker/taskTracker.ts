import * as vscode from 'vscode';
import { setContext } from '../commands/typedCommands';
import type { Settings } from '../configuration/settings';
import { ContextKeys, Views, type CommandId } from '../contributionIds';
import { DisposableStore } from '../core/disposables';
import type { Poller } from '../core/polling/poller';
import type { TaskStore } from '../core/store/taskStore';
import type { KnownGateways } from '../gateways/knownGateways';
import { GatewayStatusBar } from './gatewayStatusBar';
import { GatewayStatusMessage } from './gatewayStatusMessage';
import { TaskStatusBar } from './statusBar';
import { TaskTreeProvider } from './taskTreeProvider';
import { updateTrackerBadge } from './trackerBadge';
import type { TrackerNode } from './treeElements';

interface TaskTrackerOptions {
  /** The command a click on a row runs (the task panel), when the extension has one. */
  readonly openCommand?: CommandId;
  /** The settings, for grouping tasks by gateway and the current gateway; without them the tree stays as `auto` says. */
  readonly settings?: Settings;
  /** The gateways used before: with more than one, the status bar names the current one. */
  readonly knownGateways?: KnownGateways;
}

/**
 * The tracker view and what hangs off it: the `suno.tasks` tree, its badge, its message line for
 * gateway problems, the status bar item and the `suno.hasTasks` context key.
 */
export class TaskTracker implements vscode.Disposable {
  readonly provider: TaskTreeProvider;
  readonly view: vscode.TreeView<TrackerNode>;
  readonly statusBar: TaskStatusBar;
  /** Undefined without known gateways. */
  readonly gatewayStatusBar: GatewayStatusBar | undefined;
  private readonly gatewayMessage = new GatewayStatusMessage(vscode.l10n.t);
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly store: TaskStore,
    poller: Poller,
    options: TaskTrackerOptions = {},
  ) {
    const { settings, knownGateways } = options;
    this.provider = this.disposables.add(
      new TaskTreeProvider(store, {
        openCommand: options.openCommand,
        grouping: settings ? () => settings.groupTasksByGateway() : undefined,
        gatewayProblem: (baseUrl) => this.gatewayMessage.problemOf(baseUrl),
      }),
    );
    this.view = this.disposables.add(
      vscode.window.createTreeView(Views.tasks, {
        treeDataProvider: this.provider,
        showCollapseAll: true,
        canSelectMany: true,
      }),
    );
    this.statusBar = this.disposables.add(new TaskStatusBar(store));
    this.gatewayStatusBar = settings && knownGateways ? this.disposables.add(new GatewayStatusBar(knownGateways, settings)) : undefined;
    if (settings) {
      this.disposables.add(
        settings.onDidChange((event) => {
          if (event.affects('groupTasksByGateway')) this.provider.refreshAll();
        }),
      );
    }
    this.provider.setVisible(this.view.visible);
    this.disposables.add(this.view.onDidChangeVisibility(({ visible }) => this.provider.setVisible(visible)));
    this.disposables.add(
      store.onDidChange((change) => {
        this.update();
        // A removed task's gateway may have nothing left to be paused for.
        if (change.removed.length > 0) this.pruneGatewayMessages();
      }),
    );
    this.disposables.add(
      poller.onDidChangeState((state) => {
        if (!this.gatewayMessage.update(state)) return;
        this.view.message = this.gatewayMessage.text();
        this.provider.refreshGateway(state.baseUrl);
      }),
    );
    this.update();
  }

  /** Shows a task in the tree (opening the sidebar if needed) and selects it. */
  async reveal(taskId: string, options: { focus?: boolean } = {}): Promise<void> {
    if (!this.store.get(taskId)) return;
    await this.view.reveal(this.provider.taskElement(taskId), { select: true, focus: options.focus ?? false, expand: false });
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private update(): void {
    updateTrackerBadge(this.view, this.store);
    void setContext(ContextKeys.hasTasks, this.store.all().length > 0);
  }

  private pruneGatewayMessages(): void {
    const gateways = new Set(this.store.unfinished().map((task) => task.baseUrl));
    let changed = false;
    for (const state of this.gatewayMessage.gateways()) {
      if (gateways.has(state) || !this.gatewayMessage.forget(state)) continue;
      changed = true;
      this.provider.refreshGateway(state);
    }
    if (changed) this.view.message = this.gatewayMessage.text();
  }
}
