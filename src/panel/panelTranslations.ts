import * as vscode from 'vscode';
import { PANEL_SENTENCES } from '../shared/panelSentences';

/**
 * The page's sentences in VS Code's display language, keyed by the English sentence, for the
 * panel's HTML (the page reads them in webview-ui/l10n.ts). Untranslated sentences are left out:
 * the page shows its English key.
 */
export function panelTranslations(): Record<string, string> {
  const table: Record<string, string> = {};
  for (const sentence of PANEL_SENTENCES) {
    // The sentences are checked where the page uses them; here they are only looked up.
    const translated = vscode.l10n.t(sentence);
    if (translated !== sentence) table[sentence] = translated;
  }
  return table;
}
