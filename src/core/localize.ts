/**
 * How a user-facing sentence reaches VS Code's display language without the core importing
 * `vscode`: the English sentence is the key, `{0}`, `{1}`… mark its arguments, and whoever shows
 * it passes a `Localize`. The extension passes `vscode.l10n.t`, which looks the sentence up in
 * `l10n/bundle.l10n.<language>.json`; the CLI and the tests keep `english`.
 *
 * Call it as `localize('…', …)` with the sentence written out as a string literal: the check
 * that every sentence has a translation finds them by that shape.
 */

type LocalizeArgument = string | number | boolean;

export type Localize = (message: string, ...args: LocalizeArgument[]) => string;

/** The English sentence with its arguments in place, as `vscode.l10n.t` fills them. */
export const english: Localize = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const argument = args[Number(index)];
    return argument === undefined ? placeholder : String(argument);
  });

/** The words and the formats of one display language. */
export interface DisplayLanguage {
  readonly localize: Localize;
  /** A BCP 47 tag for `Intl`, such as VS Code's `env.language` (`en`, `zh-cn`). */
  readonly locale: string;
}

export const ENGLISH: DisplayLanguage = { localize: english, locale: 'en' };

/**
 * A `Localize` reading one of VS Code's l10n bundles (`l10n/bundle.l10n.<language>.json`, parsed):
 * each sentence's translation, a string or `{ message }`, with its arguments in place; English
 * for a sentence the bundle lacks.
 */
export function bundleLocalize(bundle: unknown): Localize {
  const table = typeof bundle === 'object' && bundle !== null ? (bundle as Record<string, unknown>) : {};
  return (message, ...args) => {
    const entry = Object.hasOwn(table, message) ? table[message] : undefined;
    const translated = typeof entry === 'string' ? entry : typeof entry === 'object' && entry !== null && typeof (entry as { message?: unknown }).message === 'string' ? (entry as { message: string }).message : message;
    return english(translated, ...args);
  };
}
