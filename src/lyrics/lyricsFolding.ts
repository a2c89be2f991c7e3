import * as vscode from 'vscode';
import { splitLyricsSections } from '../core/task/lyricsSections';

/** Each tagged section folds from its tag line to its last line. */
export class LyricsFoldingRangeProvider implements vscode.FoldingRangeProvider {
  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return splitLyricsSections(document.getText())
      .filter((section) => section.headerLine !== null && section.endLine > section.headerLine)
      .map((section) => new vscode.FoldingRange(section.startLine, section.endLine, vscode.FoldingRangeKind.Region));
  }
}
