import * as vscode from 'vscode';
import { normaliseBaseUrl } from '../core/baseUrl';
import type { ExtensionServices } from '../extensionServices';

/**
 * Suno: Clear API Key — removes a gateway's key from the keychain. With a base URL argument it
 * clears that gateway's key without asking (scripted use); otherwise the user picks the gateway
 * when several have keys and confirms.
 */
export function registerClearApiKeyCommand(services: ExtensionServices): vscode.Disposable {
  return vscode.commands.registerCommand('suno.clearApiKey', (argument?: unknown) => clearApiKey(services, argument));
}

async function clearApiKey(services: ExtensionServices, argument: unknown): Promise<boolean> {
  if (typeof argument === 'string' && argument.trim() !== '') {
    let baseUrl: string;
    try {
      baseUrl = normaliseBaseUrl(argument);
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      return false;
    }
    return remove(services, baseUrl);
  }

  const stored = await services.apiKeys.list();
  if (stored.length === 0) {
    void vscode.window.showInformationMessage('No Suno API key is stored.');
    return false;
  }
  const configured = services.settings.tryBaseUrl();
  let baseUrl: string | undefined = stored[0];
  if (stored.length > 1) {
    const items = stored.map((url) => ({ label: url, description: url === configured ? 'configured gateway' : undefined }));
    items.sort((a, b) => Number(b.label === configured) - Number(a.label === configured));
    baseUrl = (await vscode.window.showQuickPick(items, { placeHolder: 'Which gateway’s API key should be removed?' }))?.label;
  }
  if (baseUrl === undefined) return false;

  const tracked = services.store.unfinished().filter((task) => task.baseUrl === baseUrl).length;
  const consequence = tracked > 0 ? ` Polling of its ${tracked} running task(s) stops until you set a key again.` : '';
  const confirm = 'Remove Key';
  const answer = await vscode.window.showWarningMessage(
    `Remove the API key for ${baseUrl} from the system keychain?${consequence}`,
    { modal: true },
    confirm,
  );
  if (answer !== confirm) return false;
  return remove(services, baseUrl);
}

async function remove(services: ExtensionServices, baseUrl: string): Promise<boolean> {
  try {
    await services.apiKeys.delete(baseUrl);
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return false;
  }
  services.log.info(`Removed the API key for ${baseUrl}.`);
  vscode.window.setStatusBarMessage(`$(key) Suno API key removed for ${baseUrl}`, 4000);
  return true;
}
