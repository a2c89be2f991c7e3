import * as vscode from 'vscode';
import type { SongSettings } from '../core/song/songModels';
import { validateSong, type SongProblem, type SongProblemSeverity } from '../core/song/songValidation';
import { songOf, spanRange } from './songDocuments';

const SEVERITIES: Readonly<Record<SongProblemSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The source every song diagnostic names, so that quick fixes find their own. */
export const SONG_DIAGNOSTIC_SOURCE = 'Suno';

/** The validator's problems of a song document as diagnostics. */
export function songDiagnostics(document: vscode.TextDocument, settings: SongSettings): vscode.Diagnostic[] {
  return validateSong(songOf(document), settings, vscode.l10n.t).map((problem) => toDiagnostic(document, problem));
}

function toDiagnostic(document: vscode.TextDocument, problem: SongProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(spanRange(document, problem.span), problem.message, SEVERITIES[problem.severity]);
  diagnostic.code = problem.code;
  diagnostic.source = SONG_DIAGNOSTIC_SOURCE;
  return diagnostic;
}
