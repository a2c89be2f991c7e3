import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import { inertText } from '../core/inertText';
import type { ExtensionServices } from '../extensionServices';
import { resolveTaskArgument } from './taskArgument';
import type { CommandHandler } from './typedCommands';

/** Suno: Copy Task ID — the full id, e.g. to paste into a gateway's dashboard or the CLI. */
export function copyTaskIdHandler(services: ExtensionServices): CommandHandler<typeof Commands.copyTaskId> {
  return async (argument?: unknown) => {
    const resolved = await resolveTaskArgument(argument, services.store, vscode.l10n.t('Copy the id of which task?'));
    if (!resolved) return;
    await vscode.env.clipboard.writeText(resolved.task.id);
    vscode.window.setStatusBarMessage(`$(copy) ${vscode.l10n.t('Copied Suno task id {0}', inertText(resolved.task.id))}`, 3000);
  };
}
