import * as vscode from 'vscode';
import { Commands, LYRICS_LANGUAGE_ID } from '../contributionIds';
import { inertText } from '../core/inertText';
import type { ExtensionServices } from '../extensionServices';
import { resolveLyrics } from '../lyrics/lyricsSource';
import { parseLyricsUri, type LyricsReference } from '../lyrics/lyricsUri';
import { resolveTaskArgument } from './taskArgument';
import type { CommandHandler } from './typedCommands';

/**
 * `suno.copyLyricsToEditor`: the lyrics in a new untitled document that can be edited and saved.
 * Accepts what the other task commands accept, plus the URI of a lyrics document (its editor
 * title menu); from the Command Palette while a lyrics document is active, copies that one.
 * Returns the new document (for tests and other extensions).
 */
export function copyLyricsToEditorHandler(services: ExtensionServices): CommandHandler<typeof Commands.copyLyricsToEditor> {
  return async (argument?: unknown): Promise<vscode.TextDocument | undefined> => {
    const target = await resolveTarget(argument, services);
    if (target === undefined) return undefined;
    const task = services.store.get(target.taskId);
    if (task === undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Suno task {0} is not tracked.', inertText(target.taskId)));
      return undefined;
    }
    const { text, clip } = resolveLyrics(task, target.clipId);
    if (text === null) {
      void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" has no lyrics yet.', inertText(clip?.title ?? task.title ?? task.id)));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: LYRICS_LANGUAGE_ID, content: text });
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  };
}

async function resolveTarget(argument: unknown, services: ExtensionServices): Promise<LyricsReference | undefined> {
  if (argument instanceof vscode.Uri) return parseLyricsUri(argument);
  if (argument === undefined) {
    const active = vscode.window.activeTextEditor?.document.uri;
    const reference = active === undefined ? undefined : parseLyricsUri(active);
    if (reference !== undefined) return reference;
  }
  const resolved = await resolveTaskArgument(argument, services.store, vscode.l10n.t('Select a Suno task to copy its lyrics'));
  if (resolved === undefined) return undefined;
  return resolved.clip === undefined ? { taskId: resolved.task.id } : { taskId: resolved.task.id, clipId: resolved.clip.id };
}
