import * as vscode from 'vscode';
import { normaliseBaseUrl } from '../core/baseUrl';
import type { ExtensionServices } from '../extensionServices';
import { showGatewayError } from './gatewayErrorMessage';

/**
 * Suno: Set API Key… — asks for the key of a gateway (the configured `suno.baseUrl`, or the
 * gateway given as argument, e.g. by an auth error about tasks tracked elsewhere) and keeps it
 * in SecretStorage. Resolves to true when a key was stored, so callers can carry on.
 */
export function registerSetApiKeyCommand(services: ExtensionServices): vscode.Disposable {
  return vscode.commands.registerCommand('suno.setApiKey', (argument?: unknown) => setApiKey(services, argument));
}

async function setApiKey(services: ExtensionServices, argument: unknown): Promise<boolean> {
  let baseUrl: string;
  try {
    baseUrl = typeof argument === 'string' && argument.trim() !== '' ? normaliseBaseUrl(argument) : services.settings.baseUrl();
  } catch (error) {
    void showGatewayError(error, { prefix: 'Cannot set an API key:', showLogs: false });
    return false;
  }

  const hadKey = await services.apiKeys.has(baseUrl).catch(() => false);
  const value = await vscode.window.showInputBox({
    title: `Suno API Key for ${baseUrl}`,
    prompt:
      `The API key the gateway ${baseUrl} gave you. It is kept in the system keychain, never in settings. ` +
      'To use another gateway, change the "suno.baseUrl" setting first.',
    placeHolder: hadKey ? 'A key is stored; paste a new one to replace it' : 'sk-…',
    password: true,
    ignoreFocusOut: true,
    validateInput: validateApiKey,
  });
  if (value === undefined) return false;

  try {
    await services.apiKeys.set(baseUrl, cleanApiKey(value));
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return false;
  }
  services.log.info(`Stored an API key for ${baseUrl}.`);
  services.poller.resumeGateway(baseUrl);
  vscode.window.setStatusBarMessage(`$(key) Suno API key saved for ${baseUrl}`, 4000);
  return true;
}

/** Accepts what people paste: surrounding spaces, or the whole `Bearer sk-…` header value. */
export function cleanApiKey(value: string): string {
  return value.trim().replace(/^Bearer\s+/i, '').trim();
}

export function validateApiKey(value: string): string | null {
  const key = cleanApiKey(value);
  if (key === '') return 'Paste the API key from your gateway account.';
  if (/\s/.test(key)) return 'An API key has no spaces or line breaks.';
  return null;
}
