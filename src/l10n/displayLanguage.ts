import * as vscode from 'vscode';
import type { DisplayLanguage } from '../core/localize';

/** VS Code's display language, for the core's and the views' pure functions that take one. */
export function displayLanguage(): DisplayLanguage {
  return { localize: vscode.l10n.t, locale: vscode.env.language };
}
