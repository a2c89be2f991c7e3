import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import { ID_RULE_TEXT, isValidId } from '../core/task/idRules';
import { inertText } from '../core/inertText';
import type { Clip, Task } from '../core/task/model';
import { taskLabel } from '../tracker/taskTreeItem';
import { isTaskTreeElement } from '../tracker/treeElements';
import { executeCommand } from './typedCommands';

/**
 * The part of the task store a command needs to find its task. TaskStore fits; taking only this
 * keeps command code testable with a plain object.
 */
interface TaskLookup {
  get(id: string): Task | undefined;
  all(): Task[];
}

interface ResolvedTaskArgument {
  readonly task: Task;
  /** Set when the command was invoked on a clip, not on its task. */
  readonly clip?: Clip;
}

/**
 * Turns whatever a command was invoked with into a tracked task:
 * - a tree element (`{ kind: 'task' | 'clip', … }`) from a view menu or inline action,
 * - a task id string (keybindings, other extensions, tests),
 * - nothing (the Command Palette): then the user picks one of the tracked tasks.
 *
 * Returns undefined when there is nothing to act on (the user was told why) or the pick was
 * cancelled.
 */
export async function resolveTaskArgument(
  argument: unknown,
  store: TaskLookup,
  placeHolder = vscode.l10n.t('Select a Suno task'),
): Promise<ResolvedTaskArgument | undefined> {
  if (isTaskTreeElement(argument)) {
    const task = store.get(argument.taskId);
    if (!task) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Suno task {0} is no longer tracked.', inertText(argument.taskId)));
      return undefined;
    }
    if (argument.kind === 'clip') {
      const clip = task.clips.find((candidate) => candidate.id === argument.clipId);
      return clip ? { task, clip } : { task };
    }
    return { task };
  }

  if (typeof argument === 'string' && argument.trim() !== '') {
    const id = argument.trim();
    if (!isValidId(id)) {
      // Not echoed: the argument may come from a link or another extension, and is no id anyway.
      void vscode.window.showWarningMessage(vscode.l10n.t('The command was given something that is not a Suno task id (ids are {0}).', ID_RULE_TEXT));
      return undefined;
    }
    const task = store.get(id);
    if (!task) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Suno task {0} is not tracked. Fetch it first.', inertText(id)));
      return undefined;
    }
    return { task };
  }

  return pickTrackedTask(store, placeHolder);
}

interface TaskQuickPickItem extends vscode.QuickPickItem {
  readonly taskId: string;
}

async function pickTrackedTask(store: TaskLookup, placeHolder: string): Promise<ResolvedTaskArgument | undefined> {
  const tasks = store.all();
  if (tasks.length === 0) {
    const fetch = vscode.l10n.t('Fetch Task…');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('No Suno tasks are tracked yet.'), fetch);
    if (answer === fetch) await executeCommand(Commands.fetchTask);
    return undefined;
  }
  const items: TaskQuickPickItem[] = tasks.map((task) => ({
    taskId: task.id,
    label: taskLabel(task),
    description: statusWord(task),
    detail: inertText(task.id),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  const task = store.get(picked.taskId);
  return task ? { task } : undefined;
}

function statusWord(task: Task): string {
  switch (task.status) {
    case 'pending':
      return vscode.l10n.t('Pending');
    case 'running':
      return vscode.l10n.t('Running');
    case 'succeeded':
      return vscode.l10n.t('Succeeded');
    case 'failed':
      return vscode.l10n.t('Failed');
    case 'unknown':
      return vscode.l10n.t('Unknown status');
  }
}
