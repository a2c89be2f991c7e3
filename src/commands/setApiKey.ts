import * as vscode from 'vscode';
import { keyCommandInvocation } from '../auth/apiKeyRequest';
import { Commands } from '../contributionIds';
import { normaliseBaseUrl } from '../core/gateway/baseUrl';
import { errorText } from '../core/errorText';
import { inertText } from '../core/inertText';
import { sendsKeyInClearText } from '../core/gateway/plainHttp';
import type { ExtensionServices } from '../extensionServices';
import { showGatewayError } from './gatewayErrorMessage';
import type { CommandHandler } from './typedCommands';

/**
 * Suno: Set API Key… — asks for the key of a gateway (the configured `suno.baseUrl`, or the
 * gateway the extension's own UI names, e.g. an auth error about tasks tracked elsewhere) and
 * keeps it in SecretStorage. Resolves to true when a key was stored, so callers can carry on.
 *
 * The key is only ever typed by the user, never taken from an argument. Run with arguments from
 * outside (another extension, a link), it first asks whether to go on; a plain-http gateway on a
 * public host asks too, since the key would travel unencrypted.
 */
export function setApiKeyHandler(services: ExtensionServices): CommandHandler<typeof Commands.setApiKey> {
  return (...args: unknown[]) => setApiKey(services, args);
}


async function setApiKey(services: ExtensionServices, args: readonly unknown[]): Promise<boolean> {
  const invocation = keyCommandInvocation(args);
  let baseUrl: string;
  try {
    baseUrl = invocation.baseUrl !== undefined ? normaliseBaseUrl(invocation.baseUrl) : services.settings.baseUrl();
  } catch (error) {
    void showGatewayError(error, { prefix: vscode.l10n.t('Cannot set an API key:'), showLogs: false });
    return false;
  }
  const shownUrl = inertText(baseUrl);

  if (invocation.fromOutside) {
    const configured = services.settings.tryBaseUrl();
    const question = configured !== undefined && configured !== baseUrl
      ? vscode.l10n.t('Another extension or a link asks you to enter a Suno API key for {0}, not your configured gateway {1}.', shownUrl, inertText(configured))
      : vscode.l10n.t('Another extension or a link asks you to enter a Suno API key for {0}.', shownUrl);
    const proceed = vscode.l10n.t('Continue');
    const answer = await vscode.window.showWarningMessage(
      question,
      { modal: true, detail: vscode.l10n.t('The key you type would be sent to that gateway. Continue only if you started this yourself.') },
      proceed,
    );
    if (answer !== proceed) return false;
  }

  if (sendsKeyInClearText(baseUrl)) {
    const sendUnencrypted = vscode.l10n.t('Use Plain HTTP');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('The gateway {0} uses plain http: the API key would travel unencrypted, readable on every network on the way.', shownUrl),
      { modal: true, detail: vscode.l10n.t('Use its https:// address in the "suno.baseUrl" setting if it has one.') },
      sendUnencrypted,
    );
    if (answer !== sendUnencrypted) return false;
  }

  const hadKey = await services.apiKeys.has(baseUrl).catch(() => false);
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Suno API Key for {0}', shownUrl),
    prompt: vscode.l10n.t(
      "The API key the gateway {0} gave you. It is kept in VS Code's secret storage, never in settings. To use another gateway, change the \"suno.baseUrl\" setting first.",
      shownUrl,
    ),
    placeHolder: hadKey ? vscode.l10n.t('A key is stored; paste a new one to replace it') : 'sk-…',
    password: true,
    ignoreFocusOut: true,
    validateInput: validateApiKey,
  });
  if (value === undefined) return false;

  try {
    await services.apiKeys.set(baseUrl, cleanApiKey(value));
  } catch (error) {
    void vscode.window.showErrorMessage(inertText(errorText(error)));
    return false;
  }
  services.log.info(`Stored an API key for ${baseUrl}.`);
  services.poller.resumeGateway(baseUrl);
  vscode.window.setStatusBarMessage(`$(key) ${vscode.l10n.t('Suno API key saved for {0}', shownUrl)}`, 4000);
  return true;
}

/** Accepts what people paste: surrounding spaces, or the whole `Bearer sk-…` header value. */
function cleanApiKey(value: string): string {
  return value.trim().replace(/^Bearer\s+/i, '').trim();
}

function validateApiKey(value: string): string | null {
  const key = cleanApiKey(value);
  if (key === '') return vscode.l10n.t('Paste the API key from your gateway account.');
  if (/\s/.test(key)) return vscode.l10n.t('An API key has no spaces or line breaks.');
  return null;
}
