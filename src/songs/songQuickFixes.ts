import * as vscode from 'vscode';
import type { SongSettings } from '../core/song/songModels';
import { validateSong } from '../core/song/songValidation';
import { songOf, spanRange } from './songDocuments';
import { SONG_DIAGNOSTIC_SOURCE } from './songProblems';

/**
 * The validator's fixes as quick fixes. The document is checked again here rather than trusting
 * the diagnostics handed in: they may be a keystroke old, and a fix must apply to the text as it
 * is now.
 */
export class SongQuickFixProvider implements vscode.CodeActionProvider {
  constructor(private readonly songSettings: () => SongSettings) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const problem of validateSong(songOf(document), this.songSettings(), vscode.l10n.t)) {
      const where = spanRange(document, problem.span);
      if (problem.fix === undefined || where.intersection(range) === undefined) continue;
      const action = new vscode.CodeAction(problem.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, spanRange(document, problem.fix.span), problem.fix.text);
      action.diagnostics = context.diagnostics.filter(
        (diagnostic) => diagnostic.source === SONG_DIAGNOSTIC_SOURCE && diagnostic.code === problem.code && diagnostic.range.isEqual(where),
      );
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
