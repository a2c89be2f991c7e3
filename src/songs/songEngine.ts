import type * as vscode from 'vscode';
import type { Settings } from '../configuration/settings';
import { songSettings } from '../configuration/songSettings';
import { LyricsFoldingRangeProvider } from '../lyrics/lyricsFolding';
import { LyricsSymbolProvider } from '../lyrics/lyricsSymbols';
import { SongCompletionProvider } from './songCompletion';
import { songDocumentSections } from './songDocuments';
import { SongHoverProvider } from './songHover';
import { songDiagnostics } from './songProblems';
import { SongQuickFixProvider } from './songQuickFixes';

/**
 * What the Suno Song language computes: the song's parser and validator behind every provider.
 * Loaded the first time a song document asks for something (songLanguage.ts registers the
 * providers at activation and hands each call on to this), so that a window without songs never
 * loads it.
 */
export interface SongEngine {
  readonly symbols: vscode.DocumentSymbolProvider;
  readonly folding: vscode.FoldingRangeProvider;
  readonly quickFixes: vscode.CodeActionProvider;
  readonly completion: vscode.CompletionItemProvider;
  readonly hover: vscode.HoverProvider;
  diagnose(document: vscode.TextDocument): vscode.Diagnostic[];
}

export function songEngine(settings: Settings): SongEngine {
  const current = () => songSettings(settings);
  return {
    symbols: new LyricsSymbolProvider(songDocumentSections),
    folding: new LyricsFoldingRangeProvider(songDocumentSections),
    quickFixes: new SongQuickFixProvider(current),
    completion: new SongCompletionProvider(current),
    hover: new SongHoverProvider(current),
    diagnose: (document) => songDiagnostics(document, current()),
  };
}
