// Suno: Switch Gateway… with two local gateways: the quick pick of known gateways (key state,
// task count, the current one marked), a new address checked as it is typed, Forget, the
// status bar's gateway item and the tree's groups per gateway. The quick pick and the dialogs are
// answered through stand-ins for the window's functions; the tree and the status bar are read
// from the running extension.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands } from '../../src/contributionIds';
import { gatewayName } from '../../src/core/gateway/knownGateways';
import { notFetchedYet } from '../../src/core/task/model';
import { LocalGateway } from '../../src/localGateway/localGateway';
import type { TrackerNode } from '../../src/tracker/treeElements';
import { rendersIcon, rendersLink } from '../unit/support/workbenchMarkup';
import { TEST_KEY, fetchTasks, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

type PickItem = vscode.QuickPickItem & { readonly baseUrl?: string };
/** What the stand-in user does with a quick pick: accept an item, press its button, or close it. */
type PickAction = { readonly accept: PickItem } | { readonly forget: PickItem } | undefined;

type Window = {
  createQuickPick: typeof vscode.window.createQuickPick;
  showInputBox: typeof vscode.window.showInputBox;
  showInformationMessage: (message: string, ...items: string[]) => Thenable<string | undefined>;
  showWarningMessage: (message: string, ...rest: unknown[]) => Thenable<string | undefined>;
};

describe('Suno: Switch Gateway', function () {
  this.timeout(30_000);
  const window = vscode.window as unknown as Window;
  const originals: Window = {
    createQuickPick: window.createQuickPick,
    showInputBox: window.showInputBox,
    showInformationMessage: window.showInformationMessage,
    showWarningMessage: window.showWarningMessage,
  };
  const fixture = useExtensionWithGateway();
  let second: LocalGateway;
  /** The items of every quick pick shown, in order. */
  let shownPicks: PickItem[][];
  let informations: string[];
  let warnings: string[];

  /** Answers the next quick picks with these actions, one per pick shown. */
  function answerPicks(...actions: ((items: readonly PickItem[]) => PickAction)[]): void {
    window.createQuickPick = (() => {
      const accepted = new vscode.EventEmitter<void>();
      const hidden = new vscode.EventEmitter<void>();
      const buttonPressed = new vscode.EventEmitter<vscode.QuickPickItemButtonEvent<PickItem>>();
      const pick = {
        items: [] as readonly PickItem[],
        selectedItems: [] as readonly PickItem[],
        onDidAccept: accepted.event,
        onDidHide: hidden.event,
        onDidTriggerItemButton: buttonPressed.event,
        show(): void {
          shownPicks.push([...pick.items]);
          const action = actions.shift()?.(pick.items);
          setTimeout(() => {
            if (action !== undefined && 'accept' in action) {
              pick.selectedItems = [action.accept];
              accepted.fire();
            } else if (action !== undefined) {
              const [button] = action.forget.buttons ?? [];
              assert.ok(button, `${action.forget.label} has no Forget button`);
              buttonPressed.fire({ button, item: action.forget });
            } else {
              pick.hide();
            }
          }, 0);
        },
        hide(): void {
          hidden.fire();
        },
        dispose(): void {
          accepted.dispose();
          hidden.dispose();
          buttonPressed.dispose();
        },
      };
      return pick;
    }) as unknown as typeof vscode.window.createQuickPick;
  }

  function item(items: readonly PickItem[], baseUrl: string): PickItem {
    const found = items.find((candidate) => candidate.baseUrl === baseUrl);
    assert.ok(found, `no item for ${baseUrl} among ${items.map((candidate) => candidate.label).join(', ')}`);
    return found;
  }

  function newGatewayItem(items: readonly PickItem[]): PickItem {
    const found = items.find((candidate) => candidate.label.includes('Enter a New Gateway URL'));
    assert.ok(found, 'no item for a new gateway');
    return found;
  }

  beforeEach(async () => {
    shownPicks = [];
    informations = [];
    warnings = [];
    window.showInformationMessage = (message: string) => {
      informations.push(message);
      return Promise.resolve(undefined);
    };
    window.showWarningMessage = (message: string) => {
      warnings.push(message);
      return Promise.resolve(undefined);
    };
    second = await LocalGateway.start();
    const { apiKeys, settings } = fixture.api.services;
    // The second gateway is used first (a key, then configured), then the fixture's again.
    await apiKeys.set(second.url, TEST_KEY);
    await settings.setBaseUrl(second.url);
    await fetchTasks(second.addTask({ startStage: 'SUCCESS', title: 'From the second' }));
    await settings.setBaseUrl(fixture.gateway.url);
    await waitFor('both gateways to be known', () => {
      const known = fixture.api.knownGateways.list().map((gateway) => gateway.baseUrl);
      return known.includes(second.url) && known.includes(fixture.gateway.url);
    });
  });

  afterEach(async () => {
    Object.assign(window, originals);
    await vscode.workspace.getConfiguration('suno').update('groupTasksByGateway', undefined, vscode.ConfigurationTarget.Global);
    await fixture.api.services.apiKeys.delete(second.url);
    // Each test's gateways listen on new ports: leave none of them in the shared list.
    await fixture.api.knownGateways.forget(second.url);
    await fixture.api.knownGateways.forget(fixture.gateway.url);
    await second.close();
  });

  it('lists the known gateways with their key state and task count, the current one marked, and switches', async () => {
    await fetchTasks(fixture.gateway.addTask({ startStage: 'SUCCESS' }));
    await fetchTasks(fixture.gateway.addTask({ startStage: 'SUCCESS' }));
    answerPicks((items) => ({ accept: item(items, second.url) }));

    const chosen = await executeCommand(Commands.switchGateway);

    assert.equal(chosen, second.url);
    assert.equal(fixture.api.services.settings.baseUrl(), second.url);
    assert.equal(vscode.workspace.getConfiguration('suno').inspect('baseUrl')?.globalValue, second.url, 'written to the user settings');
    const [items] = shownPicks;
    assert.equal(item(items, fixture.gateway.url).description, 'current · key set · 2 tasks');
    assert.equal(item(items, second.url).description, 'key set · 1 task');
    assert.equal(item(items, second.url).label, gatewayName(second.url));
    assert.equal(item(items, fixture.gateway.url).buttons?.length ?? 0, 0, 'the current gateway cannot be forgotten');
    newGatewayItem(items);
    assert.deepEqual(informations, [], 'no key offer: the chosen gateway has one');
    assert.equal(fixture.api.knownGateways.list()[0].baseUrl, second.url, 'the chosen gateway is the newest use');
  });

  it('takes a new gateway URL checked as it is typed, and offers a key when it has none', async () => {
    await fixture.api.services.apiKeys.delete(second.url);
    answerPicks((items) => ({ accept: newGatewayItem(items) }));
    const refusals: (string | undefined)[] = [];
    window.showInputBox = async (options?: vscode.InputBoxOptions) => {
      const validate = options?.validateInput;
      assert.ok(validate, 'the input box checks what is typed');
      for (const typed of ['', 'ftp://files.example', 'https://user:sk-secret@evil.example', '[x](command:suno.clearApiKey)', '$(alert)?']) {
        const message = await validate(typed);
        refusals.push(typeof message === 'string' ? message : undefined);
      }
      assert.equal(await validate(`${second.url}/v1/`), null);
      return ` ${second.url}/v1/ `;
    };

    const chosen = await executeCommand(Commands.switchGateway);

    assert.equal(chosen, second.url, 'the normalised address');
    assert.equal(fixture.api.services.settings.baseUrl(), second.url);
    assert.equal(refusals.length, 5);
    for (const refusal of refusals) {
      assert.ok(refusal !== undefined && refusal !== '', 'every bad address is refused with a reason');
      assert.equal(rendersLink(refusal), false, refusal);
      assert.equal(rendersIcon(refusal), false, refusal);
      assert.ok(!refusal.includes('sk-secret'), 'the user name (maybe a key) is not echoed');
    }
    assert.equal(informations.length, 1);
    assert.match(informations[0], /^No API key is stored for .+ yet\. Set one now\?$/);
  });

  it('writes the user setting, which a workspace’s settings naming another gateway cannot override', async () => {
    const workspace = process.env.SUNO_TEST_WORKSPACE;
    assert.ok(workspace, 'SUNO_TEST_WORKSPACE is not set');
    const settingsFolder = path.join(workspace, '.vscode');
    const inspectNotify = (): unknown => vscode.workspace.getConfiguration('suno').inspect('notifyOnCompletion')?.workspaceValue;
    await fs.mkdir(settingsFolder, { recursive: true });
    try {
      // The window-scoped setting shows when VS Code has read the file.
      await fs.writeFile(
        path.join(settingsFolder, 'settings.json'),
        JSON.stringify({ 'suno.baseUrl': 'https://collector.evil.example', 'suno.notifyOnCompletion': 'always' }),
      );
      await waitFor('VS Code to read the workspace settings', () => inspectNotify() === 'always');
      answerPicks((items) => ({ accept: item(items, second.url) }));

      const chosen = await executeCommand(Commands.switchGateway);

      assert.equal(chosen, second.url);
      assert.equal(fixture.api.services.settings.baseUrl(), second.url, 'the user setting wins over the workspace');
      assert.deepEqual(warnings, [], 'nothing overrides the choice, so nothing to warn about');
      assert.deepEqual(informations, []);
    } finally {
      await fs.rm(settingsFolder, { recursive: true, force: true });
      await waitFor('VS Code to forget the workspace settings', () => inspectNotify() === undefined);
    }
  });

  it('forgets a gateway, offers to clear its key, and shows the list again without it', async () => {
    answerPicks(
      (items) => ({ forget: item(items, second.url) }),
      () => undefined,
    );
    window.showWarningMessage = (message: string) => {
      warnings.push(message);
      return Promise.resolve('Remove Key');
    };

    const chosen = await executeCommand(Commands.switchGateway);

    assert.equal(chosen, undefined, 'closing the list switches nothing');
    assert.equal(shownPicks.length, 2);
    assert.ok(!shownPicks[1].some((candidate) => candidate.baseUrl === second.url), 'the forgotten gateway is gone from the list');
    assert.ok(!fixture.api.knownGateways.list().some((gateway) => gateway.baseUrl === second.url));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^Remove the API key for \S+ from VS Code's secret storage\?/);
    assert.equal(await fixture.api.services.apiKeys.get(second.url), undefined, 'the key was cleared after confirmation');
    assert.equal(fixture.api.services.settings.baseUrl(), fixture.gateway.url, 'the configured gateway did not change');
  });

  it('names the current gateway in the status bar while several are known', async () => {
    const statusBar = fixture.api.tracker.gatewayStatusBar;
    assert.ok(statusBar);
    await waitFor('the status bar to name the configured gateway', () => statusBar.text === `$(server) ${gatewayName(fixture.gateway.url)}`);
    assert.match(String(statusBar.accessibilityLabel), /^Suno gateway .+, one of \d+ known gateways, activate to switch$/);

    answerPicks((items) => ({ accept: item(items, second.url) }));
    await executeCommand(Commands.switchGateway);
    await waitFor('the status bar to name the new gateway', () => statusBar.text === `$(server) ${gatewayName(second.url)}`);
  });

  it('groups the tree by gateway while tasks from several are tracked, with stable ids', async () => {
    const provider = fixture.api.tracker.provider;
    const first = fixture.gateway.addTask({ startStage: 'SUCCESS', title: 'From the first' });
    await fetchTasks(first);

    const roots = provider.getChildren();
    assert.deepEqual(
      roots.map((node) => (node.kind === 'gateway' ? node.baseUrl : node.kind)),
      [fixture.gateway.url, second.url],
      'one group per gateway, the newest task’s first',
    );
    const group = provider.getTreeItem(roots[0]);
    assert.equal(group.id, `gateway:${fixture.gateway.url}`);
    assert.equal(group.label, gatewayName(fixture.gateway.url));
    assert.equal(group.description, '1 task');
    assert.match(String(group.accessibilityInformation?.label), /, gateway, 1 task$/);
    const children = provider.getChildren(roots[0]);
    assert.deepEqual(children.map((node) => (node.kind === 'task' ? node.taskId : node.kind)), [first]);
    assert.equal(provider.getTreeItem(children[0]).id, `task:${first}`, 'a task row keeps its id inside a group');
    assert.equal(provider.getParent(children[0]), roots[0]);
    assert.equal(provider.getChildren()[0], roots[0], 'the same group element on every refresh');

    await vscode.workspace.getConfiguration('suno').update('groupTasksByGateway', 'never', vscode.ConfigurationTarget.Global);
    await waitFor('a flat tree', () => provider.getChildren().every((node) => node.kind === 'task'));
    assert.equal(provider.getParent(provider.taskElement(first)), undefined);
  });

  it('stays flat with one gateway, and groups it when told to always', async () => {
    const provider = fixture.api.tracker.provider;
    await fixture.api.services.store.remove(fixture.api.services.store.all().map((task) => task.id));
    const only = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    await fetchTasks(only);
    assert.deepEqual(provider.getChildren().map((node) => (node.kind === 'task' ? node.taskId : node.kind)), [only]);

    await vscode.workspace.getConfiguration('suno').update('groupTasksByGateway', 'always', vscode.ConfigurationTarget.Global);
    const groups = await waitFor('a group', () => {
      const roots = provider.getChildren();
      return roots.length === 1 && roots[0].kind === 'gateway' ? roots : undefined;
    });
    assert.deepEqual(provider.getChildren(groups[0]).map((node) => (node.kind === 'task' ? node.taskId : node.kind)), [only]);
  });

  it('names a gateway whose address carries markup as text, in the tree and in the list', async () => {
    // WHATWG URLs let `$(…)` into a host and `[…](…)` into a path; such an address arrives with a task.
    const hostile = 'https://$(alert).example/[x](command:suno.clearApiKey)';
    await fixture.api.services.store.upsert([{ ...notFetchedYet('hostile-gateway-task', hostile), status: 'succeeded', title: 'Hostile' }]);
    const provider = fixture.api.tracker.provider;
    const group = await waitFor('a group for the hostile gateway', () => provider.getChildren().find((node) => node.kind === 'gateway' && node.baseUrl === hostile));
    const groupItem = provider.getTreeItem(group);
    const shown = [groupItem.label, groupItem.description, groupItem.tooltip, groupItem.accessibilityInformation?.label].map(String);
    for (const text of shown) {
      assert.equal(rendersIcon(text), false, text);
      assert.equal(rendersLink(text), false, text);
    }

    answerPicks(() => undefined);
    await executeCommand(Commands.switchGateway);
    const listed = item(shownPicks[0], hostile);
    assert.equal(rendersIcon(listed.label), false, listed.label);
    assert.equal(rendersLink(listed.label), false, listed.label);
    await fixture.api.knownGateways.forget(hostile);
  });

  it('shows a gateway’s polling problem on its group', async () => {
    const provider = fixture.api.tracker.provider;
    await fetchTasks(fixture.gateway.addTask({ startStage: 'QUEUED', pollsPerStage: 0 }));
    const refreshed: (TrackerNode | TrackerNode[] | undefined)[] = [];
    const subscription = provider.onDidChangeTreeData((event) => refreshed.push(event));
    try {
      fixture.gateway.setFault({ kind: 'status', status: 500 });
      const group = provider.gatewayElement(fixture.gateway.url);
      await waitFor('the group to say what is wrong', () => String(provider.getTreeItem(group).description).includes('server error'));
      assert.match(String(provider.getTreeItem(group).accessibilityInformation?.label), /server error — retrying automatically$/);
      assert.ok(refreshed.some((event) => event === group || (Array.isArray(event) && event.includes(group))), 'the group itself was redrawn');
      fixture.gateway.setFault(null);
      await waitFor('the group to recover', () => !String(provider.getTreeItem(group).description).includes('server error'), 20_000);
    } finally {
      subscription.dispose();
    }
  });
});
