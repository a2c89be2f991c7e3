import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { ExtensionServices, ExtensionUi } from '../extensionServices';
import { resolveTaskArgument } from './taskArgument';
import type { CommandHandler } from './typedCommands';

/** `suno.openTask`: the task's panel (one per task; opening it again reveals it). */
export function openTaskHandler(services: ExtensionServices, ui: ExtensionUi): CommandHandler<typeof Commands.openTask> {
  return async (argument?: unknown) => {
    const resolved = await resolveTaskArgument(argument, services.store, vscode.l10n.t('Select a Suno task to open'));
    if (resolved === undefined) return;
    if (ui.panels === undefined) {
      services.log.error('suno.openTask: the task panels are not available.');
      return;
    }
    ui.panels.open(resolved.task.id);
  };
}
