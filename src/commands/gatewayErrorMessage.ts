import * as vscode from 'vscode';
import { ApiKeyRequest } from '../auth/apiKeyRequest';
import { Commands } from '../contributionIds';
import { errorText } from '../core/errorText';
import { isGatewayError } from '../core/gatewayError';
import { inertText } from '../core/inertText';
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

const SET_API_KEY = 'Set API Key…';
const OPEN_SETTINGS = 'Open Settings';
const RETRY = 'Retry';
const SHOW_LOGS = 'Show Logs';
const CHECK_GATEWAY = 'Check Gateway';

/** The text of the notification: the error's message, plus the URL when it does not say it. */
export function gatewayErrorText(error: unknown, prefix?: string, suffix?: string): string {
  let text = errorText(error);
  if (isGatewayError(error) && error.url && !text.includes(error.url)) text = `${text} (${error.url})`;
  const advice = isGatewayError(error) ? submitAdviceFor(error) : null;
  if (advice !== null) text = `${text} ${advice}`;
  if (prefix) text = `${prefix} ${text}`;
  if (suffix) text = `${text} ${suffix}`;
  return text;
}

function actionsFor(error: unknown, options: GatewayErrorOptions = {}): string[] {
  const actions: string[] = [];
  const kind = isGatewayError(error) ? error.kind : undefined;
  switch (kind) {
    case 'auth':
      actions.push(SET_API_KEY, CHECK_GATEWAY);
      break;
    case 'invalid_input':
      if (isGatewayError(error) && error.faultySetting === 'baseUrl') actions.push(OPEN_SETTINGS);
      break;
    case 'bad_response':
      actions.push(OPEN_SETTINGS);
      if (options.retry) actions.push(RETRY);
      actions.push(CHECK_GATEWAY);
      break;
    case 'server':
    case 'network':
    case 'timeout':
      if (options.retry) actions.push(RETRY);
      actions.push(CHECK_GATEWAY);
      break;
    case 'rate_limited':
    case undefined:
      if (options.retry) actions.push(RETRY);
      break;
    case 'not_found':
      break;
    case 'quota':
    case 'outcome_unknown':
      // Never Retry: the balance has not changed, or the first submit may have counted.
      break;
  }
  if (options.showLogs !== false) actions.push(SHOW_LOGS);
  return actions;
}

/**
 * Shows the error and runs the chosen action. Resolves when the notification is gone. The text
 * holds what the gateway answered, so it is redacted (before it is cut, so that no part of a key
 * survives) and made inert: no link or icon in it is rendered.
 */
export async function showGatewayError(error: unknown, options: GatewayErrorOptions = {}): Promise<void> {
  const text = inertText(redactKeyPatterns(gatewayErrorText(error, options.prefix, options.suffix)));
  const actions = actionsFor(error, options);
  const needsAction = isGatewayError(error) && ['auth', 'invalid_input', 'not_found', 'quota', 'outcome_unknown'].includes(error.kind);
  const answer = needsAction || !isGatewayError(error)
    ? await vscode.window.showErrorMessage(text, ...actions)
    : await vscode.window.showWarningMessage(text, ...actions);
  switch (answer) {
    case SET_API_KEY: {
      const request = options.baseUrl === undefined ? undefined : new ApiKeyRequest(options.baseUrl);
      const stored = await executeCommand(Commands.setApiKey, request);
      if (stored && options.retry) await options.retry();
      break;
    }
    case OPEN_SETTINGS:
      await vscode.commands.executeCommand('workbench.action.openSettings', 'suno.baseUrl');
      break;
    case RETRY:
      await options.retry?.();
      break;
    case SHOW_LOGS:
      await executeCommand(Commands.showLogs);
      break;
    case CHECK_GATEWAY:
      await executeCommand(Commands.checkGateway, options.baseUrl === undefined ? undefined : new GatewayCheckRequest(options.baseUrl));
      break;
    default:
      break;
  }
}
