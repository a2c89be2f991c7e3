import * as vscode from 'vscode';
import { setContext } from '../commands/typedCommands';
import { ContextKeys, LYRICS_LANGUAGE_ID, LYRICS_SCHEME } from '../contributionIds';
import { DisposableStore } from '../core/disposables';
import { inertText } from '../core/inertText';
import type { ExtensionServices, LyricsDocuments } from '../extensionServices';
import { LyricsContentProvider } from './lyricsContentProvider';
import { LyricsFoldingRangeProvider } from './lyricsFolding';
import { resolveLyrics } from './lyricsSource';
import { LyricsSymbolProvider } from './lyricsSymbols';
import { lyricsUri } from './lyricsUri';

/**
 * Lyrics as read-only documents in the "Suno Lyrics" language: highlighted section tags, an
 * Outline of the sections and folding. The symbol and folding providers serve every document in
 * that language, so an editable copy (Copy Lyrics to Editor) gets them too.
 */
export function registerLyricsDocuments(services: ExtensionServices): LyricsDocuments & vscode.Disposable {
  const disposables = new DisposableStore();
  const provider = disposables.add(new LyricsContentProvider(services.store));
  const selector: vscode.DocumentSelector = { language: LYRICS_LANGUAGE_ID };
  disposables.add(vscode.workspace.registerTextDocumentContentProvider(LYRICS_SCHEME, provider));
  disposables.add(vscode.languages.registerDocumentSymbolProvider(selector, new LyricsSymbolProvider(), { label: vscode.l10n.t('Lyrics sections') }));
  disposables.add(vscode.languages.registerFoldingRangeProvider(selector, new LyricsFoldingRangeProvider()));
  // Lyrics documents that VS Code reopens by itself (editors restored after a reload) come
  // back as plain text: give them their language again.
  disposables.add(vscode.workspace.onDidOpenTextDocument((document) => void ensureLyricsLanguage(document, services)));
  for (const document of vscode.workspace.textDocuments) void ensureLyricsLanguage(document, services);

  return {
    dispose: () => disposables.dispose(),
    async open(taskId: string, clipId?: string): Promise<void> {
      const task = services.store.get(taskId);
      if (task === undefined) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Suno task {0} is not tracked.', inertText(taskId)));
        return;
      }
      const { text, clip } = resolveLyrics(task, clipId);
      if (text === null) {
        const name = inertText(clip?.title ?? task.title ?? taskId);
        const unfinished = task.status === 'running' || task.status === 'pending';
        void vscode.window.showInformationMessage(
          unfinished
            ? vscode.l10n.t('"{0}" has no lyrics yet. Try again when the task has moved on.', name)
            : vscode.l10n.t('"{0}" has no lyrics yet.', name),
        );
        return;
      }
      const opened = await vscode.workspace.openTextDocument(lyricsUri(task, clipId));
      const document = (await ensureLyricsLanguage(opened, services)) ?? opened;
      await vscode.window.showTextDocument(document, { preview: false });
      // Checks off the walkthrough's "Listen and read the lyrics", however the lyrics were opened:
      // the panel's button runs Open Lyrics inside the extension host, unseen by the workbench.
      void setContext(ContextKeys.hasOpenedLyrics, true);
    },
  };
}

/**
 * The language has no file extension of its own (a `.lyrics` file on disk is not ours), so a
 * `suno-lyrics:` document gets it explicitly. Returns the document in its new language.
 */
async function ensureLyricsLanguage(
  document: vscode.TextDocument,
  services: ExtensionServices,
): Promise<vscode.TextDocument | undefined> {
  if (document.uri.scheme !== LYRICS_SCHEME || document.languageId === LYRICS_LANGUAGE_ID) return undefined;
  try {
    return await vscode.languages.setTextDocumentLanguage(document, LYRICS_LANGUAGE_ID);
  } catch (error) {
    services.log.warn(`Could not set the Suno Lyrics language on ${document.uri.toString()}: ${String(error)}`);
    return undefined;
  }
}
