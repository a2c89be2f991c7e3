import * as vscode from 'vscode';
import type { Settings } from '../configuration/settings';
import { SONG_LANGUAGE_ID } from '../contributionIds';
import { DisposableStore } from '../core/disposables';
import type { SongEngine } from './songEngine';

/** Quiet time after the last keystroke before a song is checked again. */
const TYPING_PAUSE_MS = 250;

/**
 * The validator's problems as diagnostics of every open song document: checked when it opens,
 * again after a pause in typing and when the model settings change, and cleared when it closes
 * or stops being a song. The validator is linear and reports at most a hundred problems, so a
 * huge paste costs one bounded check.
 */
export function registerSongDiagnostics(settings: Settings, engine: () => Promise<SongEngine>): vscode.Disposable {
  const disposables = new DisposableStore();
  const collection = disposables.add(vscode.languages.createDiagnosticCollection(SONG_LANGUAGE_ID));
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const cancel = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(pending.get(key));
    pending.delete(key);
  };
  let disposed = false;
  const isSong = (document: vscode.TextDocument): boolean => !document.isClosed && document.languageId === SONG_LANGUAGE_ID;
  const check = async (document: vscode.TextDocument): Promise<void> => {
    cancel(document);
    if (!isSong(document)) {
      collection.delete(document.uri);
      return;
    }
    const { diagnose } = await engine();
    // The engine loads at the first song: the document may have closed, or the extension gone, meanwhile.
    if (disposed || !isSong(document)) return;
    collection.set(document.uri, diagnose(document));
  };
  const checkAfterPause = (document: vscode.TextDocument): void => {
    cancel(document);
    pending.set(document.uri.toString(), setTimeout(() => void check(document), TYPING_PAUSE_MS));
  };
  const checkAll = (): void => vscode.workspace.textDocuments.forEach((document) => void check(document));

  disposables.add(vscode.workspace.onDidOpenTextDocument((document) => void check(document)));
  disposables.add(vscode.workspace.onDidChangeTextDocument((event) => checkAfterPause(event.document)));
  disposables.add(
    vscode.workspace.onDidCloseTextDocument((document) => {
      cancel(document);
      collection.delete(document.uri);
    }),
  );
  disposables.add(settings.onDidChange((event) => (event.affects('models') || event.affects('defaultModel') ? checkAll() : undefined)));
  disposables.add({
    dispose: () => {
      disposed = true;
      [...pending.values()].forEach((timer) => clearTimeout(timer));
    },
  });
  checkAll();
  return disposables;
}
