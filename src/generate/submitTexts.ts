/**
 * Every sentence the submit service shows, in one place for translation. Gateway text never
 * appears here unescaped: the callers pass it through `inertText` first.
 */

export const SUBMIT = 'Submit';
export const SUBMIT_DONT_ASK_AGAIN = "Submit, Don't Ask Again";
export const SUBMIT_AGAIN = 'Submit Again';
export const SET_API_KEY = 'Set API Key…';
export const OPEN_GATEWAY_SITE = 'Open Gateway Site';
export const SHOW_LOGS = 'Show Logs';

export function noKeyText(host: string): string {
  return `No API key is set for the Suno gateway ${host}. Set one to submit; nothing was sent.`;
}

export function firstSubmitText(what: string, host: string, model: string | null): string {
  const withModel = model === null ? '' : ` with ${model}`;
  return `Submit ${what} to ${host}${withModel}? Each submit spends credits on your gateway account.`;
}

export const FIRST_SUBMIT_DETAIL =
  "You are asked once per gateway in each window. \"Don't Ask Again\" stops asking for this gateway; the setting suno.confirmBeforeSubmit turns the question off everywhere.";

export function duplicateText(what: string, host: string): string {
  return `You submitted ${what} to ${host} less than a minute ago, exactly as it is now. Submit it again?`;
}

export const DUPLICATE_DETAIL = 'Gateways do not recognise repeats: a second submit is charged again.';

export function progressTitle(what: string, host: string): string {
  return `Submitting ${what} to ${host}…`;
}

export function quotaText(host: string): string {
  return `Your gateway balance is too low: ${host} refused the submit. Top up your account on the gateway's site, then generate again. Your API key is fine, and your document is unchanged.`;
}

export function outcomeUnknownText(host: string, reason: string): string {
  return `The submit to ${host} may have been accepted: its answer was lost (${reason}). Check the gateway's task list before submitting again, since a second submit is charged again. Your document is unchanged.`;
}

export function refusedText(host: string, reason: string): string {
  return `${host} refused the submit: ${reason} Your document is unchanged.`;
}

export function failedPrefix(what: string): string {
  return `Could not submit ${what}:`;
}

export const DOCUMENT_UNCHANGED = 'Your document is unchanged.';
