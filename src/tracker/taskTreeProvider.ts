import * as vscode from 'vscode';
import type { GroupTasksByGateway } from '../configuration/settings';
import type { TaskStore, TaskStoreChange } from '../core/store/taskStore';
import { MAX_CLIPS_SHOWN, firstItems } from '../core/task/displayLimits';
import { DisposableStore } from '../core/disposables';
import { shortTaskId } from '../core/task/taskLabel';
import type { Task } from '../core/task/model';
import { createClipTreeItem, createMoreClipsTreeItem } from './clipTreeItem';
import { createGatewayTreeItem } from './gatewayTreeItem';
import { createTaskTreeItem } from './taskTreeItem';
import type { ClipElement, GatewayElement, MoreClipsElement, TaskElement, TrackerNode } from './treeElements';

/** How often relative times ("2 min ago") are redrawn while the view is on screen. */
const RELATIVE_TIME_REFRESH_MS = 60_000;

interface TaskTreeProviderOptions {
  /** Epoch milliseconds; injectable for tests. */
  readonly now?: () => number;
  /** The command a click on a task or clip runs (the task panel), when the extension has one. */
  readonly openCommand?: string;
  /** When tasks are grouped under their gateways (default `auto`: when there are several). */
  readonly grouping?: () => GroupTasksByGateway;
  /** What is wrong with a gateway, for its group (`unreachable — retrying automatically`). */
  readonly gatewayProblem?: (baseUrl: string) => string | undefined;
}

/**
 * The tracker tree: tasks at the root (newest tracked first), their clips below. While tasks
 * from several gateways are tracked, the root holds one group per gateway instead (the gateway
 * of the newest task first) and the tasks sit in their gateway's group.
 *
 * Elements are references (`{ kind, taskId[, clipId] }`) cached per id, so the same object is
 * handed to VS Code for the same task every time: `onDidChangeTreeData(element)` then refreshes
 * exactly that row and VS Code keeps its selection and expansion. The root is refreshed only
 * when tasks are added or removed.
 */
export class TaskTreeProvider implements vscode.TreeDataProvider<TrackerNode>, vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changeEmitter = this.disposables.add(new vscode.EventEmitter<TrackerNode | TrackerNode[] | undefined>());
  private readonly taskElements = new Map<string, TaskElement>();
  private readonly clipElements = new Map<string, ClipElement>();
  private readonly moreClipsElements = new Map<string, MoreClipsElement>();
  private readonly gatewayElements = new Map<string, GatewayElement>();
  /** The ids shown at the root the last time VS Code asked for it. */
  private knownIds = new Set<string>();
  /** Redraws relative times; runs only while the view is visible (see `setVisible`). */
  private relativeTimeTimer: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;

  readonly onDidChangeTreeData: vscode.Event<TrackerNode | TrackerNode[] | undefined> = this.changeEmitter.event;

  constructor(
    private readonly store: TaskStore,
    private readonly options: TaskTreeProviderOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.knownIds = new Set(store.all().map((task) => task.id));
    this.disposables.add(store.onDidChange((change) => this.onStoreChange(change)));
    this.disposables.addCallback(() => this.setVisible(false));
  }

  /**
   * The view was shown or hidden. A hidden view needs no redrawing, so the minute timer runs only
   * while it is visible; on coming back the times are redrawn at once, since they went stale.
   */
  setVisible(visible: boolean): void {
    if (visible && this.relativeTimeTimer === undefined) {
      this.refreshRelativeTimes();
      this.relativeTimeTimer = setInterval(() => this.refreshRelativeTimes(), RELATIVE_TIME_REFRESH_MS);
    } else if (!visible && this.relativeTimeTimer !== undefined) {
      clearInterval(this.relativeTimeTimer);
      this.relativeTimeTimer = undefined;
    }
  }

  /** Whether relative times are being redrawn (for tests). */
  get refreshesRelativeTimes(): boolean {
    return this.relativeTimeTimer !== undefined;
  }

  getTreeItem(element: TrackerNode): vscode.TreeItem {
    if (element.kind === 'gateway') {
      return createGatewayTreeItem(element.baseUrl, this.tasksOf(element.baseUrl), this.options.gatewayProblem?.(element.baseUrl));
    }
    const task = this.store.get(element.taskId);
    if (!task) {
      // A row VS Code still holds for a task removed a moment ago; the root refresh follows.
      return new vscode.TreeItem(shortTaskId(element.taskId));
    }
    if (element.kind === 'task') {
      return createTaskTreeItem(task, { now: this.now(), openCommand: this.options.openCommand, origin: this.store.origin(task.id) });
    }
    if (element.kind === 'moreClips') return createMoreClipsTreeItem(task, firstItems(task.clips, MAX_CLIPS_SHOWN).notShown);
    const clip = task.clips.find((candidate) => candidate.id === element.clipId);
    if (!clip) return new vscode.TreeItem(shortTaskId(element.clipId));
    return createClipTreeItem(task, clip, { openCommand: this.options.openCommand });
  }

  getChildren(element?: TrackerNode): TrackerNode[] {
    if (element === undefined) {
      const tasks = this.store.all();
      this.knownIds = new Set(tasks.map((task) => task.id));
      this.forgetElementsExcept(this.knownIds);
      const gateways = gatewaysOf(tasks);
      this.forgetGatewaysExcept(gateways);
      if (this.groups(gateways)) return gateways.map((baseUrl) => this.gatewayElement(baseUrl));
      return tasks.map((task) => this.taskElement(task.id));
    }
    if (element.kind === 'gateway') return this.tasksOf(element.baseUrl).map((task) => this.taskElement(task.id));
    if (element.kind !== 'task') return [];
    const task = this.store.get(element.taskId);
    if (!task) return [];
    const { shown, notShown } = firstItems(task.clips, MAX_CLIPS_SHOWN);
    const clips: TrackerNode[] = shown.map((clip) => this.clipElement(task.id, clip.id));
    return notShown > 0 ? [...clips, this.moreClipsElement(task.id)] : clips;
  }

  getParent(element: TrackerNode): TrackerNode | undefined {
    if (element.kind === 'gateway') return undefined;
    if (element.kind !== 'task') return this.taskElement(element.taskId);
    const task = this.store.get(element.taskId);
    if (task === undefined || !this.groups(gatewaysOf(this.store.all()))) return undefined;
    return this.gatewayElement(task.baseUrl);
  }

  /** Whether the root holds gateway groups right now (for tests and the tracker). */
  get groupsByGateway(): boolean {
    return this.groups(gatewaysOf(this.store.all()));
  }

  /** The cached element of a gateway's group. */
  gatewayElement(baseUrl: string): GatewayElement {
    let element = this.gatewayElements.get(baseUrl);
    if (!element) {
      element = { kind: 'gateway', baseUrl };
      this.gatewayElements.set(baseUrl, element);
    }
    return element;
  }

  /** Redraws a gateway's group, e.g. when polling it starts or stops failing. */
  refreshGateway(baseUrl: string): void {
    if (this.groupsByGateway && gatewaysOf(this.store.all()).includes(baseUrl)) this.changeEmitter.fire(this.gatewayElement(baseUrl));
  }

  /** Redraws everything, e.g. when the grouping setting changed. */
  refreshAll(): void {
    this.changeEmitter.fire(undefined);
  }

  /** The cached element of a task: the object `reveal` and `onDidChangeTreeData` need. */
  taskElement(taskId: string): TaskElement {
    let element = this.taskElements.get(taskId);
    if (!element) {
      element = { kind: 'task', taskId };
      this.taskElements.set(taskId, element);
    }
    return element;
  }

  clipElement(taskId: string, clipId: string): ClipElement {
    const key = `${taskId}\u0000${clipId}`;
    let element = this.clipElements.get(key);
    if (!element) {
      element = { kind: 'clip', taskId, clipId };
      this.clipElements.set(key, element);
    }
    return element;
  }

  private moreClipsElement(taskId: string): MoreClipsElement {
    let element = this.moreClipsElements.get(taskId);
    if (!element) {
      element = { kind: 'moreClips', taskId };
      this.moreClipsElements.set(taskId, element);
    }
    return element;
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private onStoreChange(change: TaskStoreChange): void {
    const added = change.changed.some((id) => !this.knownIds.has(id));
    if (added || change.removed.length > 0) {
      // Keep knownIds current now: a second change before VS Code asks again must not be
      // mistaken for another addition.
      for (const id of change.changed) this.knownIds.add(id);
      for (const id of change.removed) this.knownIds.delete(id);
      this.changeEmitter.fire(undefined);
      return;
    }
    if (change.changed.length === 0) return;
    // A task's row and its clip rows: refreshing the task element re-reads its children too.
    const rows: TrackerNode[] = change.changed.map((id) => this.taskElement(id));
    if (this.groupsByGateway) {
      // A group counts its running tasks: the groups of the changed tasks are redrawn with them.
      const gateways = new Set(change.changed.map((id) => this.store.get(id)?.baseUrl).filter((url) => url !== undefined));
      for (const baseUrl of gateways) rows.push(this.gatewayElement(baseUrl));
    }
    this.changeEmitter.fire(rows);
  }

  private groups(gateways: readonly string[]): boolean {
    const grouping = this.options.grouping?.() ?? 'auto';
    if (grouping === 'never' || gateways.length === 0) return false;
    return grouping === 'always' || gateways.length > 1;
  }

  private tasksOf(baseUrl: string): Task[] {
    return this.store.all().filter((task) => task.baseUrl === baseUrl);
  }

  private forgetGatewaysExcept(gateways: readonly string[]): void {
    for (const baseUrl of this.gatewayElements.keys()) {
      if (!gateways.includes(baseUrl)) this.gatewayElements.delete(baseUrl);
    }
  }

  private refreshRelativeTimes(): void {
    const tasks = this.store.all();
    if (tasks.length === 0) return;
    this.changeEmitter.fire(tasks.map((task) => this.taskElement(task.id)));
  }

  private forgetElementsExcept(ids: ReadonlySet<string>): void {
    for (const id of this.taskElements.keys()) {
      if (!ids.has(id)) this.taskElements.delete(id);
    }
    for (const [key, element] of this.clipElements) {
      if (!ids.has(element.taskId)) this.clipElements.delete(key);
    }
    for (const id of this.moreClipsElements.keys()) {
      if (!ids.has(id)) this.moreClipsElements.delete(id);
    }
  }
}

/** The gateways of the tasks, each once, in the order of their newest task. */
function gatewaysOf(tasks: readonly Task[]): string[] {
  return [...new Set(tasks.map((task) => task.baseUrl))];
}
