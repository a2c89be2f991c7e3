import * as vscode from 'vscode';
import { SONG_LANGUAGE_ID } from '../contributionIds';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import { songField } from '../core/song/songDocument';
import { songOf } from '../songs/songDocuments';
import { createTexts } from './createTexts';

interface SongDocumentItem extends vscode.QuickPickItem {
  /** Null for "No new lyrics". */
  readonly uri: vscode.Uri | null;
}

/**
 * Which open song document supplies a continuation's lyrics: the active editor's first, then
 * the others as VS Code lists them, then "No new lyrics". Resolves to the document, null for no
 * document, or undefined when the pick was cancelled. A document closed while the pick was open
 * is reported and counts as cancelled.
 */
export async function pickSongDocument(): Promise<vscode.TextDocument | null | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const songs = vscode.workspace.textDocuments
    .filter((document) => document.languageId === SONG_LANGUAGE_ID && !document.isClosed)
    .sort((a, b) => Number(b === active) - Number(a === active));
  const items: SongDocumentItem[] = [
    ...songs.map((document) => ({ uri: document.uri, label: songLabel(document), description: documentName(document) })),
    { uri: null, label: createTexts(vscode.l10n.t).noNewLyrics, description: createTexts(vscode.l10n.t).noNewLyricsDescription },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: createTexts(vscode.l10n.t).songDocumentPlaceHolder, matchOnDescription: true });
  if (picked === undefined) return undefined;
  if (picked.uri === null) return null;
  const wanted = picked.uri.toString();
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === wanted && !candidate.isClosed);
  if (document === undefined || document.languageId !== SONG_LANGUAGE_ID) {
    void vscode.window.showWarningMessage(createTexts(vscode.l10n.t).songDocumentClosed);
    return undefined;
  }
  return document;
}

/**
 * The song's title, or its file name. A title may have come from a gateway (Edit as New Song), and
 * quick pick labels render `$(icon)`: it is made inert.
 */
function songLabel(document: vscode.TextDocument): string {
  const title = inertText(songField(songOf(document), 'title')?.value ?? '', INERT_LABEL_MAX_LENGTH).trim();
  return title === '' ? documentName(document) : title;
}

function documentName(document: vscode.TextDocument): string {
  return inertText(document.isUntitled ? document.uri.path : vscode.workspace.asRelativePath(document.uri), INERT_LABEL_MAX_LENGTH);
}
