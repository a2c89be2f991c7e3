import * as vscode from 'vscode';
import { splitLyricsSections } from '../core/task/lyricsSections';

const DETAIL_LENGTH = 40;

/**
 * The Outline of a lyrics document: one symbol per section (`Verse`, `Chorus`, `Verse 2`…), its
 * first line as the detail. Untagged text before the first tag is listed as "Lyrics".
 */
export class LyricsSymbolProvider implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return splitLyricsSections(document.getText()).map((section) => {
      const firstLine = section.lines.find((line) => line.trim() !== '')?.trim() ?? '';
      const detail = firstLine.length > DETAIL_LENGTH ? `${firstLine.slice(0, DETAIL_LENGTH - 1)}…` : firstLine;
      const range = new vscode.Range(section.startLine, 0, section.endLine, document.lineAt(section.endLine).text.length);
      const selectionRange = document.lineAt(section.startLine).range;
      return new vscode.DocumentSymbol(section.tag ?? 'Lyrics', detail, vscode.SymbolKind.String, range, selectionRange);
    });
  }
}
