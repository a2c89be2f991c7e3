import * as vscode from 'vscode';
import { keyCommandInvocation } from '../auth/apiKeyRequest';
import { Commands } from '../contributionIds';
import { normaliseBaseUrl } from '../core/gateway/baseUrl';
import { errorText } from '../core/errorText';
import { inertText } from '../core/inertText';
import type { ExtensionServices } from '../extensionServices';
import type { CommandHandler } from './typedCommands';

/**
 * Suno: Clear API Key — removes a gateway's key from VS Code's secret storage, always after the user
 * confirms. Without an argument the user picks the gateway when several have keys; with a base
 * URL argument (the extension's own UI, another extension, a link) that gateway is proposed, and
 * an argument from outside is said to be one.
 */
export function clearApiKeyHandler(services: ExtensionServices): CommandHandler<typeof Commands.clearApiKey> {
  return (...args: unknown[]) => clearApiKey(services, args);
}

async function clearApiKey(services: ExtensionServices, args: readonly unknown[]): Promise<boolean> {
  const invocation = keyCommandInvocation(args);
  let baseUrl: string | undefined;
  if (invocation.baseUrl !== undefined) {
    try {
      baseUrl = normaliseBaseUrl(invocation.baseUrl);
    } catch (error) {
      void vscode.window.showErrorMessage(inertText(errorText(error)));
      return false;
    }
    if (!(await services.apiKeys.has(baseUrl).catch(() => false))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No Suno API key is stored for {0}.', inertText(baseUrl)));
      return false;
    }
  } else {
    baseUrl = await pickGateway(services);
    if (baseUrl === undefined) return false;
  }

  const tracked = services.store.unfinished().filter((task) => task.baseUrl === baseUrl).length;
  const sentences = [vscode.l10n.t("Remove the API key for {0} from VS Code's secret storage?", inertText(baseUrl))];
  if (tracked > 0) sentences.push(vscode.l10n.t('Polling of its {0} running task(s) stops until you set a key again.', tracked));
  if (invocation.fromOutside) sentences.push(vscode.l10n.t('Another extension or a link asks for this.'));
  const confirm = vscode.l10n.t('Remove Key');
  const answer = await vscode.window.showWarningMessage(
    sentences.join(' '),
    { modal: true },
    confirm,
  );
  if (answer !== confirm) return false;
  return remove(services, baseUrl);
}

/** The stored gateway to clear: the only one, or the user's pick (the configured one first). */
async function pickGateway(services: ExtensionServices): Promise<string | undefined> {
  const stored = await services.apiKeys.list();
  if (stored.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No Suno API key is stored.'));
    return undefined;
  }
  if (stored.length === 1) return stored[0];
  const configured = services.settings.tryBaseUrl();
  const items = stored.map((url) => ({ label: inertText(url), baseUrl: url, description: url === configured ? vscode.l10n.t('configured gateway') : undefined }));
  items.sort((a, b) => Number(b.baseUrl === configured) - Number(a.baseUrl === configured));
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which gateway’s API key should be removed?') }))?.baseUrl;
}

async function remove(services: ExtensionServices, baseUrl: string): Promise<boolean> {
  try {
    await services.apiKeys.delete(baseUrl);
  } catch (error) {
    void vscode.window.showErrorMessage(inertText(errorText(error)));
    return false;
  }
  services.log.info(`Removed the API key for ${baseUrl}.`);
  vscode.window.setStatusBarMessage(`$(key) ${vscode.l10n.t('Suno API key removed for {0}', inertText(baseUrl))}`, 4000);
  return true;
}
