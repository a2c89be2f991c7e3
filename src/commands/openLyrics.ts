import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { ExtensionServices, ExtensionUi } from '../extensionServices';
import { resolveTaskArgument } from './taskArgument';
import type { CommandHandler } from './typedCommands';

/** `suno.openLyrics`: a clip's (or a lyrics task's) lyrics as a read-only document. */
export function openLyricsHandler(services: ExtensionServices, ui: ExtensionUi): CommandHandler<typeof Commands.openLyrics> {
  return async (argument?: unknown) => {
    const resolved = await resolveTaskArgument(argument, services.store, vscode.l10n.t('Select a Suno task to open its lyrics'));
    if (resolved === undefined) return;
    if (ui.lyrics === undefined) {
      services.log.error('suno.openLyrics: lyrics documents are not available.');
      return;
    }
    await ui.lyrics.open(resolved.task.id, resolved.clip?.id);
  };
}
