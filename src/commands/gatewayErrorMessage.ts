import * as vscode from 'vscode';
import { ApiKeyRequest } from '../auth/apiKeyRequest';
import { Commands } from '../contributionIds';
import { errorText } from '../core/errorText';
import { isGatewayError } from '../core/gatewayError';
import { inertText } from '../core/inertText';
import { gatewayErrorHeadline } from '../core/gateway/gatewayErrorHeadline';
import { redactKeyPatterns } from '../core/gateway/redaction';
import { submitAdviceFor } from '../core/gateway/submitAdvice';
import { GatewayCheckRequest } from '../gatewayCheck/gatewayCheckRequest';
import { executeCommand } from './typedCommands';

/**
 * Error notifications for gateway failures: what went wrong (the message names the URL that
 * was called) and the next step as a button — a key for auth failures, the setting for a wrong
 * address, a retry for passing trouble, the gateway check where the gateway itself may be at
 * fault, and the log for details. A submit's low balance and lost answer get their advice in
 * words and never a Retry: asking again could be charged twice.
 *
 * In a display language other than English, the notification opens with the error's translated
 * headline (core/gateway/gatewayErrorHeadline.ts) and keeps the core's English message as its details.
 */

interface GatewayErrorOptions {
  /** Put before the message, e.g. `Could not fetch Suno task 1234abcd:`. */
  readonly prefix?: string;
  /** Put after the message: a hint about the next step. */
  readonly suffix?: string;
  /** The gateway concerned: the Set API Key action asks for this gateway's key. */
  readonly baseUrl?: string;
  /** Offered as "Retry" for passing failures, and run after a new key was stored. */
  readonly retry?: () => unknown;
  /** Offer "Show Logs" (the log channel). Default true. */
  readonly showLogs?: boolean;
}

type Action = 'setApiKey' | 'openSettings' | 'retry' | 'showLogs' | 'checkGateway';

/** The button's words; looked up when shown, in the display language. */
function actionTitle(action: Action): string {
  switch (action) {
    case 'setApiKey':
      return vscode.l10n.t('Set API Key…');
    case 'openSettings':
      return vscode.l10n.t('Open Settings');
    case 'retry':
      return vscode.l10n.t('Retry');
    case 'showLogs':
      return vscode.l10n.t('Show Logs');
    case 'checkGateway':
      return vscode.l10n.t('Check Gateway');
  }
}

/**
 * The text of the notification: the error's message, plus the URL when it does not say it. In
 * English (the default, and always for the log) the core's message reads as it is; in another
 * language a translated headline comes first and the English message follows as details.
 */
export function gatewayErrorText(error: unknown, prefix?: string, suffix?: string, translated = false): string {
  let text = errorText(error);
  if (isGatewayError(error) && error.url && !text.includes(error.url)) text = `${text} (${error.url})`;
  const advice = isGatewayError(error) ? submitAdviceFor(error) : null;
  if (advice !== null && !translated) text = `${text} ${advice}`;
  if (translated && isGatewayError(error)) text = `${gatewayErrorHeadline(error, vscode.l10n.t)} ${vscode.l10n.t('Details: {0}', text)}`;
  if (prefix) text = `${prefix} ${text}`;
  if (suffix) text = `${text} ${suffix}`;
  return text;
}

/** True when VS Code shows another language than English: the core's messages are English. */
function showsTranslations(): boolean {
  return !/^en(-|$)/i.test(vscode.env.language);
}

function actionsFor(error: unknown, options: GatewayErrorOptions = {}): Action[] {
  const actions: Action[] = [];
  const kind = isGatewayError(error) ? error.kind : undefined;
  switch (kind) {
    case 'auth':
      actions.push('setApiKey', 'checkGateway');
      break;
    case 'invalid_input':
      if (isGatewayError(error) && error.faultySetting === 'baseUrl') actions.push('openSettings');
      break;
    case 'bad_response':
      actions.push('openSettings');
      if (options.retry) actions.push('retry');
      actions.push('checkGateway');
      break;
    case 'server':
    case 'network':
    case 'timeout':
      if (options.retry) actions.push('retry');
      actions.push('checkGateway');
      break;
    case 'rate_limited':
    case undefined:
      if (options.retry) actions.push('retry');
      break;
    case 'not_found':
      break;
    case 'quota':
    case 'outcome_unknown':
      // Never Retry: the balance has not changed, or the first submit may have counted.
      break;
  }
  if (options.showLogs !== false) actions.push('showLogs');
  return actions;
}

/**
 * Shows the error and runs the chosen action. Resolves when the notification is gone. The text
 * holds what the gateway answered, so it is redacted (before it is cut, so that no part of a key
 * survives) and made inert: no link or icon in it is rendered.
 */
export async function showGatewayError(error: unknown, options: GatewayErrorOptions = {}): Promise<void> {
  const text = inertText(redactKeyPatterns(gatewayErrorText(error, options.prefix, options.suffix, showsTranslations())));
  const actions = actionsFor(error, options);
  const titles = actions.map(actionTitle);
  const needsAction = isGatewayError(error) && ['auth', 'invalid_input', 'not_found', 'quota', 'outcome_unknown'].includes(error.kind);
  const title = needsAction || !isGatewayError(error)
    ? await vscode.window.showErrorMessage(text, ...titles)
    : await vscode.window.showWarningMessage(text, ...titles);
  const answer = title === undefined ? undefined : actions[titles.indexOf(title)];
  switch (answer) {
    case 'setApiKey': {
      const request = options.baseUrl === undefined ? undefined : new ApiKeyRequest(options.baseUrl);
      const stored = await executeCommand(Commands.setApiKey, request);
      if (stored && options.retry) await options.retry();
      break;
    }
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', 'suno.baseUrl');
      break;
    case 'retry':
      await options.retry?.();
      break;
    case 'showLogs':
      await executeCommand(Commands.showLogs);
      break;
    case 'checkGateway':
      await executeCommand(Commands.checkGateway, options.baseUrl === undefined ? undefined : new GatewayCheckRequest(options.baseUrl));
      break;
    default:
      break;
  }
}
