import * as vscode from 'vscode';
import type { Settings } from '../configuration/settings';
import { SONG_LANGUAGE_ID } from '../contributionIds';
import { DisposableStore } from '../core/disposables';
import { loadOnce } from '../core/loadOnce';

/**
 * Registers the lenses at the top of every song document (`songCodeLens.ts`) at activation and
 * loads them at the first song, as the song language's other providers load their engine: a
 * window without songs never loads the parser or the submit service the lenses name.
 */
export function registerSongCodeLenses(settings: Settings): vscode.Disposable {
  const disposables = new DisposableStore();
  const changed = disposables.add(new vscode.EventEmitter<void>());
  const lenses = loadOnce(async () => {
    const provider = disposables.add(new (await import('./songCodeLens')).SongCodeLensProvider(settings));
    disposables.add(provider.onDidChangeCodeLenses(() => changed.fire()));
    return provider;
  });
  disposables.add(
    vscode.languages.registerCodeLensProvider(
      { language: SONG_LANGUAGE_ID },
      { onDidChangeCodeLenses: changed.event, provideCodeLenses: async (document) => (await lenses()).provideCodeLenses(document) },
    ),
  );
  return disposables;
}
