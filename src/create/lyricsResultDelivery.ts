import * as vscode from 'vscode';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import type { LyricsResult } from '../core/song/lyricsResults';
import { songFromTask } from '../core/song/songFromTask';
import { createTexts } from './createTexts';
import { openUntitledSong } from './untitledSong';

/** Opens a finished lyrics result as a new song document, or says why its lyrics are missing. */
export async function deliverLyricsResult(result: LyricsResult): Promise<void> {
  const name = lyricsName(result);
  if (result.kind === 'failed') {
    const reason = result.reason === null ? null : inertText(result.reason);
    void vscode.window.showErrorMessage(createTexts(vscode.l10n.t).lyricsFailed(name, reason));
    return;
  }
  const focused = vscode.window.state.focused;
  const document = await openUntitledSong(songFromTask(result.task, { defaultModel: result.defaultModel }), { preserveFocus: !focused });
  if (focused) return;
  const answer = await vscode.window.showInformationMessage(createTexts(vscode.l10n.t).lyricsReady(name), createTexts(vscode.l10n.t).open);
  if (answer === createTexts(vscode.l10n.t).open) await vscode.window.showTextDocument(document, { preview: false });
}

function lyricsName(result: LyricsResult): string {
  const title = result.task.title === null ? '' : inertText(result.task.title, INERT_LABEL_MAX_LENGTH).trim();
  return title === '' ? createTexts(vscode.l10n.t).untitledLyrics : title;
}
