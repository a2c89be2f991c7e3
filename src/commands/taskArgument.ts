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
  placeHolder = 'Select a Suno task',
): Promise<ResolvedTaskArgument | undefined> {
  if (isTaskTreeElement(argument)) {
    const task = store.get(argument.taskId);
    if (!task) {
      void vscode.window.showWarningMessage(`Suno task ${inertText(argument.taskId)} is no longer tracked.`);
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
      void vscode.window.showWarningMessage(`The command was given something that is not a Suno task id (ids are ${ID_RULE_TEXT}).`);
      return undefined;
    }
    const task = store.get(id);
    if (!task) {
      void vscode.window.showWarningMessage(`Suno task ${inertText(id)} is not tracked. Fetch it first.`);
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
    const fetch = 'Fetch Task…';
    const answer = await vscode.window.showInformationMessage('No Suno tasks are tracked yet.', fetch);
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
      return 'Pending';
    case 'running':
      return 'Running';
    case 'succeeded':
      return 'Succeeded';
    case 'failed':
      return 'Failed';
    case 'unknown':
      return 'Unknown status';
  }
}
