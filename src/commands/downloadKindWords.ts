import * as vscode from 'vscode';
import type { DownloadKind, SkippedDownload } from '../core/task/downloadPlan';

/**
 * The words for what a download saves, shared by the desktop's and the browser's Download:
 * functions, so that `vscode.l10n.t` is asked when the words are shown.
 */

/** A kind on its own, as the pick names it (`Audio`), for the lists of what was skipped or failed. */
export function kindName(kind: DownloadKind): string {
  switch (kind) {
    case 'audio':
      return vscode.l10n.t('Audio');
    case 'video':
      return vscode.l10n.t('Video');
    case 'cover':
      return vscode.l10n.t('Cover art');
    case 'lyrics':
      return vscode.l10n.t('Lyrics');
  }
}

/** A kind inside a sentence (`the audio`). */
export function kindNoun(kind: DownloadKind): string {
  switch (kind) {
    case 'audio':
      return vscode.l10n.t('the audio');
    case 'video':
      return vscode.l10n.t('the video');
    case 'cover':
      return vscode.l10n.t('the cover art');
    case 'lyrics':
      return vscode.l10n.t('the lyrics');
  }
}

/** What a download skipped and why (`skipped: Audio (the audio is still streaming)`), for the end of its last message. */
export function skippedNote(skipped: readonly SkippedDownload[]): string {
  return vscode.l10n.t('skipped: {0}', skipped.map((skip) => `${kindName(skip.kind)} (${skip.reason})`).join(', '));
}
