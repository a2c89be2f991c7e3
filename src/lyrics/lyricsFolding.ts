import * as vscode from 'vscode';
import { lyricsDocumentSections, type DocumentSections } from './lyricsSymbols';

/** Each tagged section folds from its tag line to its last line. */
export class LyricsFoldingRangeProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly sections: DocumentSections = lyricsDocumentSections) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return this.sections(document)
      .filter((section) => section.headerLine !== null && section.endLine > section.headerLine)
      .map((section) => new vscode.FoldingRange(section.startLine, section.endLine, vscode.FoldingRangeKind.Region));
  }
}
