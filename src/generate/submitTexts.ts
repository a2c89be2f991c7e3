import * as vscode from 'vscode';

/**
 * Every sentence the submit service shows, in one place for translation. Gateway text never
 * appears here unescaped: the callers pass it through `inertText` first. The constants are
 * translated when this module loads, at the first submit, after VS Code has read the bundle.
 */

export const SUBMIT = vscode.l10n.t('Submit');
export const SUBMIT_DONT_ASK_AGAIN = vscode.l10n.t("Submit, Don't Ask Again");
export const SUBMIT_AGAIN = vscode.l10n.t('Submit Again');
export const SET_API_KEY = vscode.l10n.t('Set API Key…');
export const OPEN_GATEWAY_SITE = vscode.l10n.t('Open Gateway Site');
export const SHOW_LOGS = vscode.l10n.t('Show Logs');

export function noKeyText(host: string): string {
  return vscode.l10n.t('No API key is set for the Suno gateway {0}. Set one to submit; nothing was sent.', host);
}

export function firstSubmitText(what: string, host: string, model: string | null): string {
  return model === null
    ? vscode.l10n.t('Submit {0} to {1}? Each submit spends credits on your gateway account.', what, host)
    : vscode.l10n.t('Submit {0} to {1} with {2}? Each submit spends credits on your gateway account.', what, host, model);
}

export const FIRST_SUBMIT_DETAIL = vscode.l10n.t(
  "You are asked once per gateway in each window. \"Don't Ask Again\" stops asking for this gateway; the setting suno.confirmBeforeSubmit turns the question off everywhere.",
);

export function duplicateText(what: string, host: string): string {
  return vscode.l10n.t('You submitted {0} to {1} less than a minute ago, exactly as it is now. Submit it again?', what, host);
}

export const DUPLICATE_DETAIL = vscode.l10n.t('Gateways do not recognise repeats: a second submit is charged again.');

export function progressTitle(what: string, host: string): string {
  return vscode.l10n.t('Submitting {0} to {1}…', what, host);
}

export function quotaText(host: string): string {
  return vscode.l10n.t(
    "Your gateway balance is too low: {0} refused the submit. Top up your account on the gateway's site, then generate again. Your API key is fine, and your document is unchanged.",
    host,
  );
}

export function outcomeUnknownText(host: string, reason: string): string {
  return vscode.l10n.t(
    "The submit to {0} may have been accepted: its answer was lost ({1}). Check the gateway's task list before submitting again, since a second submit is charged again. Your document is unchanged.",
    host,
    reason,
  );
}

export function refusedText(host: string, reason: string): string {
  return vscode.l10n.t('{0} refused the submit: {1} Your document is unchanged.', host, reason);
}

export function failedPrefix(what: string): string {
  return vscode.l10n.t('Could not submit {0}:', what);
}

export const DOCUMENT_UNCHANGED = vscode.l10n.t('Your document is unchanged.');
