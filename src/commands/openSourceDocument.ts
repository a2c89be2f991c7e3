import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { openSourceDocument } from '../generate/openSourceDocument';
import { resolveTaskArgument } from './taskArgument';
import type { CommandHandler } from './typedCommands';

/** `suno.openSourceDocument`: the song a task (tree item, id, or picked) was generated from. */
export function openSourceDocumentHandler(services: ExtensionServices): CommandHandler<typeof Commands.openSourceDocument> {
  return async (argument?: unknown) => {
    const resolved = await resolveTaskArgument(argument, services.store, vscode.l10n.t('Select the Suno task whose song document to open'));
    return resolved === undefined ? undefined : openSourceDocument(services, resolved.task.id);
  };
}
