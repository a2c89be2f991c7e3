import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { resolveTaskArgument } from './taskArgument';
import type { CommandHandler } from './typedCommands';

/** Suno: Copy Audio URL — of the clip invoked on, or of the task's first clip that has audio. */
export function copyAudioUrlHandler(services: ExtensionServices): CommandHandler<typeof Commands.copyAudioUrl> {
  return async (argument?: unknown) => {
    const resolved = await resolveTaskArgument(argument, services.store, vscode.l10n.t('Copy the audio URL of which task?'));
    if (!resolved) return;
    const clip = resolved.clip ?? resolved.task.clips.find((candidate) => candidate.audioUrl !== null);
    const url = clip?.audioUrl ?? null;
    if (url === null) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This Suno task has no audio yet.'));
      return;
    }
    await vscode.env.clipboard.writeText(url);
    vscode.window.setStatusBarMessage(
      `$(copy) ${clip?.isStreaming ? vscode.l10n.t('Copied the audio stream URL (the final file comes when the clip completes)') : vscode.l10n.t('Copied the audio URL')}`,
      3000,
    );
  };
}
