import * as vscode from 'vscode';
import { Commands, SONG_LANGUAGE_ID } from '../contributionIds';
import { songTemplate, titlePlaceholder } from '../core/song/songTemplate';
import type { ExtensionServices } from '../extensionServices';
import type { CommandHandler } from './typedCommands';

/**
 * `suno.newSong`: an untitled song document from the template, in the default model, with its
 * title placeholder selected so that typing replaces it. Returns the document.
 */
export function newSongHandler(services: ExtensionServices): CommandHandler<typeof Commands.newSong> {
  return async (): Promise<vscode.TextDocument> => {
    const content = songTemplate(services.settings.defaultModel(), vscode.l10n.t);
    const document = await vscode.workspace.openTextDocument({ language: SONG_LANGUAGE_ID, content });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const placeholder = titlePlaceholder(vscode.l10n.t);
    const title = content.indexOf(placeholder);
    if (title >= 0) editor.selection = new vscode.Selection(document.positionAt(title), document.positionAt(title + placeholder.length));
    return document;
  };
}
