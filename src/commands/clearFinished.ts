import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import { errorText } from '../core/errorText';
import { isFinished } from '../core/task/model';
import type { TaskOrigin } from '../core/task/taskOrigin';
import type { ExtensionServices } from '../extensionServices';
import type { CommandHandler } from './typedCommands';

/**
 * Suno: Clear Finished Tasks — stops tracking every succeeded or failed task. No confirmation:
 * the notification offers Undo, which tracks them again from what was last fetched, with the
 * song documents they came from.
 */
export function clearFinishedHandler(services: ExtensionServices): CommandHandler<typeof Commands.clearFinished> {
  return async () => {
    const finished = services.store.all().filter((task) => isFinished(task.status));
    if (finished.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No finished Suno tasks to clear.'));
      return 0;
    }
    const origins = new Map<string, TaskOrigin>();
    for (const task of finished) {
      const origin = services.store.origin(task.id);
      if (origin !== undefined) origins.set(task.id, origin);
    }
    await services.store.remove(finished.map((task) => task.id));
    const undo = vscode.l10n.t('Undo');
    const cleared = finished.length === 1 ? vscode.l10n.t('Cleared 1 finished Suno task.') : vscode.l10n.t('Cleared {0} finished Suno tasks.', finished.length);
    void vscode.window.showInformationMessage(cleared, undo).then(async (answer) => {
      // upsert puts new tasks on top in the order given, which is their order in the tracker.
      if (answer !== undo) return;
      // A failed write was reported by the store; the tasks are back in this window anyway.
      await services.store.upsert(finished, origins).then(undefined, (error: unknown) => services.log.warn(`Could not save the tasks brought back: ${errorText(error)}`));
    });
    return finished.length;
  };
}
