import * as vscode from 'vscode';
import { splitLyricsSections } from '../core/task/lyricsSections';

const DETAIL_LENGTH = 40;

/** Where a document's sections are: the whole text for lyrics, the part after the front matter for songs. */
export type DocumentSections = (document: vscode.TextDocument) => ReturnType<typeof splitLyricsSections>;

export const lyricsDocumentSections: DocumentSections = (document) => splitLyricsSections(document.getText());

/**
 * The Outline of a lyrics document: one symbol per section (`Verse`, `Chorus`, `Verse 2`…), its
 * first line as the detail. Untagged text before the first tag is listed as "Lyrics".
 */
export class LyricsSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly sections: DocumentSections = lyricsDocumentSections) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return this.sections(document).map((section) => {
      const firstLine = section.lines.find((line) => line.trim() !== '')?.trim() ?? '';
      const detail = firstLine.length > DETAIL_LENGTH ? `${firstLine.slice(0, DETAIL_LENGTH - 1)}…` : firstLine;
      const range = new vscode.Range(section.startLine, 0, section.endLine, document.lineAt(section.endLine).text.length);
      const selectionRange = document.lineAt(section.startLine).range;
      return new vscode.DocumentSymbol(section.tag ?? vscode.l10n.t('Lyrics'), detail, vscode.SymbolKind.String, range, selectionRange);
    });
  }
}
