import * as vscode from 'vscode';
import { Commands, SONG_LANGUAGE_ID } from '../contributionIds';
import { songTemplate } from '../core/song/songTemplate';
import type { ExtensionServices } from '../extensionServices';
import type { CommandHandler } from './typedCommands';

/**
 * `suno.newSong`: an untitled song document from the template, in the default model, with its
 * title placeholder selected so that typing replaces it. Returns the document.
 */
export function newSongHandler(services: ExtensionServices): CommandHandler<typeof Commands.newSong> {
  return async (): Promise<vscode.TextDocument> => {
    const content = songTemplate(services.settings.defaultModel());
    const document = await vscode.workspace.openTextDocument({ language: SONG_LANGUAGE_ID, content });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const title = content.indexOf('<Song title>');
    if (title >= 0) editor.selection = new vscode.Selection(document.positionAt(title), document.positionAt(title + '<Song title>'.length));
    return document;
  };
}
