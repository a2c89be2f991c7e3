import * as vscode from 'vscode';
import type { Settings } from '../configuration/settings';
import { SONG_LANGUAGE_ID } from '../contributionIds';
import { DisposableStore } from '../core/disposables';
import { loadOnce } from '../core/loadOnce';
import { registerSongDiagnostics } from './songDiagnostics';

/** Typing these in the front matter asks for completion: after `key:` and after its space. */
const COMPLETION_TRIGGERS = [':', ' '];

/**
 * The "Suno Song" language: the lyrics' outline and folding below the front matter, the
 * validator's problems as diagnostics with their quick fixes, and completion and hover in the
 * front matter. Highlighting is the manifest's grammar.
 *
 * The providers are registered at activation and load the engine that computes their answers
 * (songEngine.ts: the parser, the validator) at the first call, so the first diagnostics of a
 * window's first song come a few milliseconds later and a window without songs never loads it.
 */
export function registerSongLanguage(settings: Settings): vscode.Disposable {
  const disposables = new DisposableStore();
  const selector: vscode.DocumentSelector = { language: SONG_LANGUAGE_ID };
  const engine = loadOnce(async () => (await import('./songEngine')).songEngine(settings));
  disposables.add(
    vscode.languages.registerDocumentSymbolProvider(
      selector,
      { provideDocumentSymbols: async (document, token) => (await engine()).symbols.provideDocumentSymbols(document, token) },
      { label: vscode.l10n.t('Song sections') },
    ),
  );
  disposables.add(
    vscode.languages.registerFoldingRangeProvider(selector, {
      provideFoldingRanges: async (document, context, token) => (await engine()).folding.provideFoldingRanges(document, context, token),
    }),
  );
  disposables.add(registerSongDiagnostics(settings, engine));
  disposables.add(
    vscode.languages.registerCodeActionsProvider(
      selector,
      { provideCodeActions: async (document, range, context, token) => (await engine()).quickFixes.provideCodeActions(document, range, context, token) },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
  disposables.add(
    vscode.languages.registerCompletionItemProvider(
      selector,
      {
        provideCompletionItems: async (document, position, token, context) =>
          (await engine()).completion.provideCompletionItems(document, position, token, context),
      },
      ...COMPLETION_TRIGGERS,
    ),
  );
  disposables.add(
    vscode.languages.registerHoverProvider(selector, {
      provideHover: async (document, position, token) => (await engine()).hover.provideHover(document, position, token),
    }),
  );
  return disposables;
}
