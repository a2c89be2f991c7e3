import * as vscode from 'vscode';
import { SONG_LANGUAGE_ID } from '../contributionIds';

/**
 * Opens `content` as a new untitled song document in an editor of its own (not a preview, which
 * the next opened file would replace before the user wrote a word).
 */
export async function openUntitledSong(content: string, options: { preserveFocus?: boolean } = {}): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: SONG_LANGUAGE_ID, content });
  await vscode.window.showTextDocument(document, { preview: false, preserveFocus: options.preserveFocus ?? false });
  return document;
}
