import * as vscode from 'vscode';
import { SONG_LANGUAGE_ID } from '../contributionIds';

/**
 * The song document a command acts on: the URI it was given (the editor title button and the
 * CodeLens pass the document's), or the active editor's. A URI is only accepted when it names a
 * song document open in this window: a command can be run by any extension or `command:` link,
 * and nothing here opens or reads a file it was merely pointed at. Undefined when there is
 * none; the user has been told why.
 */
export function songEditorDocument(argument: unknown): vscode.TextDocument | undefined {
  if (argument instanceof vscode.Uri) {
    const wanted = argument.toString();
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === wanted);
    if (document !== undefined && !document.isClosed && document.languageId === SONG_LANGUAGE_ID) return document;
    void vscode.window.showWarningMessage(notAnOpenSong());
    return undefined;
  }
  if (argument !== undefined && argument !== null) {
    // Not echoed: the argument may come from a link or another extension.
    void vscode.window.showWarningMessage(notAnOpenSong());
    return undefined;
  }
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId === SONG_LANGUAGE_ID) return document;
  void vscode.window.showWarningMessage(noActiveSong());
  return undefined;
}

const notAnOpenSong = (): string => vscode.l10n.t('The command was given no Suno song document open in this window.');
const noActiveSong = (): string => vscode.l10n.t('Open a Suno song document first: a .suno file, or Suno: New Song.');
