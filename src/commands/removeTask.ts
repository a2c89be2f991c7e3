import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import { isFinished } from '../core/task/model';
import type { ExtensionServices } from '../extensionServices';
import { taskLabel } from '../tracker/taskTreeItem';
import { isTaskTreeElement } from '../tracker/treeElements';
import { resolveTaskArgument } from './taskArgument';
import type { CommandHandler } from './typedCommands';

/**
 * Suno: Remove Task — stops tracking a task (the gateway keeps it). Works on the selection when
 * several rows are selected. Removing a single finished task needs no confirmation; running
 * tasks or several at once are confirmed, since polling them stops.
 */
export function removeTaskHandler(services: ExtensionServices): CommandHandler<typeof Commands.removeTask> {
  return async (argument?: unknown, selection?: unknown) => {
    const ids = await taskIdsToRemove(services, argument, selection);
    if (ids.length === 0) return;
    const tasks = ids.map((id) => services.store.get(id)).filter((task) => task !== undefined);
    const running = tasks.filter((task) => !isFinished(task.status));
    const confirmNeeded = running.length > 0 || tasks.length > 1;
    // Called with an id (other extensions, tests) the caller has decided already.
    if (confirmNeeded && typeof argument !== 'string') {
      const question = tasks.length === 1 ? vscode.l10n.t('Stop tracking “{0}”?', taskLabel(tasks[0])) : vscode.l10n.t('Stop tracking {0} Suno tasks?', tasks.length);
      const still = running.length === 0
        ? ''
        : running.length === 1
          ? vscode.l10n.t('It is still running; the gateway keeps working on it, but the tracker stops following.')
          : vscode.l10n.t('{0} are still running; the gateway keeps working on them, but the tracker stops following.', running.length);
      const remove = vscode.l10n.t('Remove');
      const answer = await vscode.window.showWarningMessage(still === '' ? question : `${question} ${still}`, { modal: true }, remove);
      if (answer !== remove) return;
    }
    await services.store.remove(tasks.map((task) => task.id));
  };
}

async function taskIdsToRemove(services: ExtensionServices, argument: unknown, selection: unknown): Promise<string[]> {
  if (Array.isArray(selection) && selection.length > 1 && selection.every(isTaskTreeElement)) {
    return [...new Set(selection.map((element) => element.taskId))];
  }
  const resolved = await resolveTaskArgument(argument, services.store, vscode.l10n.t('Stop tracking which task?'));
  return resolved ? [resolved.task.id] : [];
}
