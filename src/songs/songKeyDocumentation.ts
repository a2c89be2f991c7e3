import * as vscode from 'vscode';
import type { SongKey } from '../core/song/songDocument';

/**
 * What each front matter key means, for completion and hover: what it is sent as, and what it
 * takes. Written once so that both say the same; a function so that the words are looked up in
 * the display language when they are shown.
 */
export function songKeyDocumentation(key: SongKey): { readonly summary: string; readonly details: string; readonly example: string } {
  switch (key) {
    case 'title':
      return {
        summary: vscode.l10n.t('The song’s title.'),
        details: vscode.l10n.t('Sent as `title`.'),
        example: 'title: City Lights',
      };
    case 'style':
      return {
        summary: vscode.l10n.t('The style: genres, moods, voices and instruments, separated by commas.'),
        details: vscode.l10n.t('Sent as `tags`. Its length is limited by the model: 200 characters for v3.5 and v4, 1,000 for v4.5 and later.'),
        example: 'style: emotional punk, female vocals, driving drums',
      };
    case 'exclude':
      return {
        summary: vscode.l10n.t('Styles the song should avoid.'),
        details: vscode.l10n.t('Sent as `negative_tags`. Some gateways drop it.'),
        example: 'exclude: heavy metal, autotune',
      };
    case 'model':
      return {
        summary: vscode.l10n.t('The Suno model the song is made with.'),
        details: vscode.l10n.t(
          'Sent as `mv`. Completes from the **suno.models** setting; any id your gateway accepts works. Without it, **suno.defaultModel** is used.',
        ),
        example: 'model: chirp-auk',
      };
    case 'instrumental':
      return {
        summary: vscode.l10n.t('`true` for a song without vocals.'),
        details: vscode.l10n.t('Sent as `make_instrumental`. An instrumental is made from the style alone: the lyrics are not sent.'),
        example: 'instrumental: true',
      };
  }
}
