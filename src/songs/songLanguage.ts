import * as vscode from 'vscode';
import type { Settings } from '../configuration/settings';
import { SONG_LANGUAGE_ID } from '../contributionIds';
import { DisposableStore } from '../core/disposables';
import { LyricsFoldingRangeProvider } from '../lyrics/lyricsFolding';
import { LyricsSymbolProvider } from '../lyrics/lyricsSymbols';
import { SongCompletionProvider } from './songCompletion';
import { registerSongDiagnostics } from './songDiagnostics';
import { songDocumentSections } from './songDocuments';
import { SongHoverProvider } from './songHover';
import { SongQuickFixProvider } from './songQuickFixes';

/**
 * The "Suno Song" language: the lyrics' outline and folding below the front matter, the
 * validator's problems as diagnostics with their quick fixes, and completion and hover in the
 * front matter. Highlighting is the manifest's grammar.
 */
export function registerSongLanguage(settings: Settings): vscode.Disposable {
  const disposables = new DisposableStore();
  const selector: vscode.DocumentSelector = { language: SONG_LANGUAGE_ID };
  const songSettings = () => settings.songSettings();
  disposables.add(vscode.languages.registerDocumentSymbolProvider(selector, new LyricsSymbolProvider(songDocumentSections), { label: vscode.l10n.t('Song sections') }));
  disposables.add(vscode.languages.registerFoldingRangeProvider(selector, new LyricsFoldingRangeProvider(songDocumentSections)));
  disposables.add(registerSongDiagnostics(settings));
  disposables.add(vscode.languages.registerCodeActionsProvider(selector, new SongQuickFixProvider(songSettings), SongQuickFixProvider.metadata));
  disposables.add(vscode.languages.registerCompletionItemProvider(selector, new SongCompletionProvider(songSettings), ...SongCompletionProvider.triggerCharacters));
  disposables.add(vscode.languages.registerHoverProvider(selector, new SongHoverProvider(songSettings)));
  return disposables;
}
