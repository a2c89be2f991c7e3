import * as vscode from 'vscode';
import type { Settings } from '../configuration/settings';
import { SONG_LANGUAGE_ID } from '../contributionIds';
import { DisposableStore } from '../core/disposables';
import { validateSong, type SongProblem, type SongProblemSeverity } from '../core/song/songValidation';
import { songOf, spanRange } from './songDocuments';

/** Quiet time after the last keystroke before a song is checked again. */
const TYPING_PAUSE_MS = 250;

const SEVERITIES: Readonly<Record<SongProblemSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The source every song diagnostic names, so that quick fixes find their own. */
export const SONG_DIAGNOSTIC_SOURCE = 'Suno';

/**
 * The validator's problems as diagnostics of every open song document: checked when it opens,
 * again after a pause in typing and when the model settings change, and cleared when it closes
 * or stops being a song. The validator is linear and reports at most a hundred problems, so a
 * huge paste costs one bounded check.
 */
export function registerSongDiagnostics(settings: Settings): vscode.Disposable {
  const disposables = new DisposableStore();
  const collection = disposables.add(vscode.languages.createDiagnosticCollection(SONG_LANGUAGE_ID));
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const cancel = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(pending.get(key));
    pending.delete(key);
  };
  const check = (document: vscode.TextDocument): void => {
    cancel(document);
    if (document.isClosed || document.languageId !== SONG_LANGUAGE_ID) {
      collection.delete(document.uri);
      return;
    }
    const problems = validateSong(songOf(document), settings.songSettings(), vscode.l10n.t);
    collection.set(document.uri, problems.map((problem) => toDiagnostic(document, problem)));
  };
  const checkAfterPause = (document: vscode.TextDocument): void => {
    cancel(document);
    pending.set(document.uri.toString(), setTimeout(() => check(document), TYPING_PAUSE_MS));
  };
  const checkAll = (): void => vscode.workspace.textDocuments.forEach(check);

  disposables.add(vscode.workspace.onDidOpenTextDocument(check));
  disposables.add(vscode.workspace.onDidChangeTextDocument((event) => checkAfterPause(event.document)));
  disposables.add(
    vscode.workspace.onDidCloseTextDocument((document) => {
      cancel(document);
      collection.delete(document.uri);
    }),
  );
  disposables.add(settings.onDidChange((event) => (event.affects('models') || event.affects('defaultModel') ? checkAll() : undefined)));
  disposables.add({ dispose: () => [...pending.values()].forEach((timer) => clearTimeout(timer)) });
  checkAll();
  return disposables;
}

function toDiagnostic(document: vscode.TextDocument, problem: SongProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(spanRange(document, problem.span), problem.message, SEVERITIES[problem.severity]);
  diagnostic.code = problem.code;
  diagnostic.source = SONG_DIAGNOSTIC_SOURCE;
  return diagnostic;
}
