import { english, type DisplayLanguage, type Localize } from '../core/localize';
import { PANEL_TRANSLATIONS_ELEMENT_ID } from '../shared/panelTranslationsId';

/**
 * The page's words in VS Code's display language. The page cannot call `vscode.l10n.t`, so the
 * host translates every sentence the page uses (src/panel/panelTranslations.ts) and writes them
 * into the panel's HTML as JSON (a `<meta>` element's content), keyed by the English sentence; the page looks its sentences up
 * there, as the host does in its bundle. A sentence the host did not send reads in English.
 */

function readTranslations(): Readonly<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(document.querySelector(`meta[name="${PANEL_TRANSLATIONS_ELEMENT_ID}"]`)?.getAttribute('content') ?? '{}');
    if (parsed === null || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

const translations = readTranslations();

export const localize: Localize = (message, ...args) => english(translations[message] ?? message, ...args);

/** The words and the `<html lang>` the host wrote, for dates and numbers. */
export const pageLanguage: DisplayLanguage = { localize, locale: document.documentElement.lang || 'en' };
