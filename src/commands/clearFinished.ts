import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import { isFinished } from '../core/task/model';
import type { ExtensionServices } from '../extensionServices';
import type { CommandHandler } from './typedCommands';

/**
 * Suno: Clear Finished Tasks — stops tracking every succeeded or failed task. No confirmation:
 * the notification offers Undo, which tracks them again from what was last fetched.
 */
export function clearFinishedHandler(services: ExtensionServices): CommandHandler<typeof Commands.clearFinished> {
  return async () => {
    const finished = services.store.all().filter((task) => isFinished(task.status));
    if (finished.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No finished Suno tasks to clear.'));
      return 0;
    }
    await services.store.remove(finished.map((task) => task.id));
    const undo = vscode.l10n.t('Undo');
    const cleared = finished.length === 1 ? vscode.l10n.t('Cleared 1 finished Suno task.') : vscode.l10n.t('Cleared {0} finished Suno tasks.', finished.length);
    void vscode.window.showInformationMessage(cleared, undo).then(async (answer) => {
      // upsert puts new tasks on top in the order given, which is their order in the tracker.
      if (answer === undo) await services.store.upsert(finished);
    });
    return finished.length;
  };
}
