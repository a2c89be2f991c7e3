import * as vscode from 'vscode';
import { ApiKeyRequest } from '../auth/apiKeyRequest';
import { Commands } from '../contributionIds';
import { normaliseBaseUrl } from '../core/gateway/baseUrl';
import { gatewayName } from '../core/gateway/knownGateways';
import { errorText } from '../core/errorText';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import type { ExtensionServices } from '../extensionServices';
import type { KnownGateways } from '../gateways/knownGateways';
import { executeCommand, type CommandHandler } from './typedCommands';

/**
 * Suno: Switch Gateway… — picks the gateway new tasks are fetched from among those used before
 * (each with its key state and task count, the current one marked) or a new address, and makes it
 * `suno.baseUrl` in the user's settings. A gateway without a key gets the offer to set one; each
 * known gateway but the current one can be forgotten from the list (and its key cleared).
 *
 * Resolves to the normalised base URL now configured, or undefined when nothing was chosen.
 * Tasks already tracked keep being polled at their own gateways whatever is chosen.
 */
export function switchGatewayHandler(services: ExtensionServices, knownGateways: KnownGateways): CommandHandler<typeof Commands.switchGateway> {
  return () => switchGateway(services, knownGateways);
}

function forgetButton(): vscode.QuickInputButton {
  return { iconPath: new vscode.ThemeIcon('trash'), tooltip: vscode.l10n.t('Forget This Gateway') };
}

interface GatewayItem extends vscode.QuickPickItem {
  readonly baseUrl?: string;
}

type Choice = { readonly kind: 'gateway'; readonly baseUrl: string } | { readonly kind: 'forget'; readonly baseUrl: string } | { readonly kind: 'new' };

async function switchGateway(services: ExtensionServices, knownGateways: KnownGateways): Promise<string | undefined> {
  // Forgetting a gateway shows the list again, without it.
  for (;;) {
    const choice = await pickGateway(await gatewayItems(services, knownGateways));
    if (choice === undefined) return undefined;
    if (choice.kind === 'forget') {
      await forget(services, knownGateways, choice.baseUrl);
      continue;
    }
    const baseUrl = choice.kind === 'gateway' ? choice.baseUrl : await askForNewGateway();
    if (baseUrl === undefined) return undefined;
    return switchTo(services, knownGateways, baseUrl);
  }
}

/** Every known gateway as a row, then the row for a new one. Labels are inert: hosts may come from tasks. */
async function gatewayItems(services: ExtensionServices, knownGateways: KnownGateways): Promise<GatewayItem[]> {
  const known = await knownGateways.settledList();
  const configured = services.settings.tryBaseUrl();
  const tasks = services.store.all();
  const rows = await Promise.all(
    known.map(async ({ baseUrl }): Promise<GatewayItem> => {
      const hasKey = await services.apiKeys.has(baseUrl).catch(() => false);
      const current = baseUrl === configured;
      const taskCount = tasks.filter((task) => task.baseUrl === baseUrl).length;
      const description = [current ? vscode.l10n.t('current') : undefined, hasKey ? vscode.l10n.t('key set') : vscode.l10n.t('no key'), tasksWord(taskCount)];
      return {
        label: inertText(gatewayName(baseUrl), INERT_LABEL_MAX_LENGTH),
        description: description.filter((part) => part !== undefined).join(' · '),
        iconPath: new vscode.ThemeIcon(current ? 'check' : 'server'),
        // The current gateway stays: forgetting it would only bring it back.
        buttons: current ? [] : [forgetButton()],
        baseUrl,
      };
    }),
  );
  return [...rows, { label: '', kind: vscode.QuickPickItemKind.Separator }, { label: `$(add) ${vscode.l10n.t('Enter a New Gateway URL…')}`, alwaysShow: true }];
}

function pickGateway(items: readonly GatewayItem[]): Promise<Choice | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<GatewayItem>();
    pick.title = vscode.l10n.t('Suno: Switch Gateway');
    pick.placeholder = vscode.l10n.t('The gateway new tasks are fetched from (tracked tasks stay with their own)');
    pick.matchOnDescription = true;
    pick.items = items;
    let choice: Choice | undefined;
    pick.onDidAccept(() => {
      const [item] = pick.selectedItems;
      if (item === undefined) return;
      choice = item.baseUrl !== undefined ? { kind: 'gateway', baseUrl: item.baseUrl } : { kind: 'new' };
      pick.hide();
    });
    pick.onDidTriggerItemButton(({ item }) => {
      if (item.baseUrl === undefined) return;
      choice = { kind: 'forget', baseUrl: item.baseUrl };
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(choice);
    });
    pick.show();
  });
}

/** A new address, checked as it is typed with the rules the setting is read with. */
async function askForNewGateway(): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Suno: New Gateway URL'),
    prompt: vscode.l10n.t('The address of the Suno API gateway, e.g. https://api.cometapi.com. A URL ending in /v1 is fine.'),
    placeHolder: 'https://',
    ignoreFocusOut: true,
    validateInput: validateGatewayUrl,
  });
  if (value === undefined) return undefined;
  try {
    return normaliseBaseUrl(value, vscode.l10n.t);
  } catch (error) {
    // The box refuses such text; say why should anything get through anyway.
    void vscode.window.showErrorMessage(inertText(errorText(error)));
    return undefined;
  }
}

/** The base URL rules' own message for what is wrong, made inert (it quotes the input). */
function validateGatewayUrl(value: string): string | null {
  try {
    normaliseBaseUrl(value, vscode.l10n.t);
    return null;
  } catch (error) {
    return inertText(errorText(error));
  }
}

async function switchTo(services: ExtensionServices, knownGateways: KnownGateways, baseUrl: string): Promise<string | undefined> {
  const name = inertText(gatewayName(baseUrl), INERT_LABEL_MAX_LENGTH);
  if (services.settings.tryBaseUrl() !== baseUrl) {
    try {
      await services.settings.setBaseUrl(baseUrl);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not change the suno.baseUrl setting: {0}', inertText(errorText(error))));
      return undefined;
    }
  }
  await knownGateways.remember(baseUrl);
  services.log.info(`Switched the gateway to ${baseUrl}.`);

  // The setting has application scope: VS Code ignores a workspace's value for it, so only a
  // source above the user's settings (an administrator's policy) can still decide otherwise.
  const effective = services.settings.tryBaseUrl();
  if (effective !== baseUrl) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} is saved in your user settings, but another settings source (such as a policy) sets suno.baseUrl to {1}, which wins: new tasks still go there.',
        name,
        effective === undefined ? vscode.l10n.t('an unusable value') : inertText(effective),
      ),
    );
    return effective;
  }
  vscode.window.setStatusBarMessage(`$(server) ${vscode.l10n.t('Suno gateway: {0}', name)}`, 4000);

  if (!(await services.apiKeys.has(baseUrl).catch(() => false))) {
    const setApiKey = vscode.l10n.t('Set API Key…');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('No API key is stored for {0} yet. Set one now?', name), setApiKey);
    if (answer === setApiKey) await executeCommand(Commands.setApiKey, new ApiKeyRequest(baseUrl));
  }
  return baseUrl;
}

/** Takes a gateway off the list; when a key is stored for it, offers to clear that too. */
async function forget(services: ExtensionServices, knownGateways: KnownGateways, baseUrl: string): Promise<void> {
  await knownGateways.forget(baseUrl);
  services.log.info(`Forgot the gateway ${baseUrl}.`);
  if (!(await services.apiKeys.has(baseUrl).catch(() => false))) return;
  // Suno: Clear API Key asks for confirmation itself, naming the gateway and its running tasks.
  await executeCommand(Commands.clearApiKey, new ApiKeyRequest(baseUrl));
}

function tasksWord(count: number): string {
  if (count === 0) return vscode.l10n.t('no tasks');
  return count === 1 ? vscode.l10n.t('1 task') : vscode.l10n.t('{0} tasks', count);
}
