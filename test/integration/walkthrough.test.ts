// The Get Started walkthrough in the real workbench: it opens on the first activation only, with
// the globalState flag the extension keeps, stays shut in test mode unless a test asks for it,
// and Suno: Get Started opens it whenever asked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands } from '../../src/contributionIds';
import type { SunoExtensionApi } from '../../src/extension';
import { WALKTHROUGH_OPENED_KEY } from '../../src/walkthrough/firstRun';
import { openWalkthroughIfFirstRun } from '../../src/walkthrough/walkthrough';
import { extensionApi } from './support/extensionTestSupport';

/**
 * The tab of the walkthrough editor: an input of no type the API knows, which VS Code 1.139 labels
 * "Welcome" (later versions may name the walkthrough's page). Which walkthrough it shows is for
 * the UI test to see; nothing else here opens a Welcome page (the tests' workbench starts with
 * none).
 */
function walkthroughTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input === undefined && /^Welcome$|Suno Tasks/.test(tab.label));
}

function tabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
}

/** Waits, without a wall-clock budget of its own, until the walkthrough's tab is open. */
async function walkthroughOpened(): Promise<vscode.Tab> {
  for (;;) {
    const [tab] = walkthroughTabs();
    if (tab) return tab;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Gives the workbench time to open anything a call asked for: the command that opens a walkthrough
 * resolves before its editor exists, so an absence is checked after the editor commands that
 * follow it have run.
 */
async function settled(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await new Promise((resolve) => setTimeout(resolve, 500));
}

describe('The Get Started walkthrough', () => {
  let api: SunoExtensionApi;

  before(async () => {
    api = await extensionApi();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is not opened by an activation in test mode that did not ask for it', async () => {
    await settled();
    assert.equal(api.services.context.globalState.get(WALKTHROUGH_OPENED_KEY), undefined, 'the first-run flag was set');
    assert.deepEqual(walkthroughTabs(), [], `open tabs: ${tabLabels().join(', ')}`);
  });

  it('opens on the first activation, sets the flag, and stays shut on the second', async () => {
    const { globalState } = api.services.context;
    await globalState.update(WALKTHROUGH_OPENED_KEY, undefined);

    assert.equal(await openWalkthroughIfFirstRun(api.services), true);
    await walkthroughOpened();
    assert.equal(walkthroughTabs().length, 1);
    assert.equal(globalState.get(WALKTHROUGH_OPENED_KEY), true);
    assert.ok(globalState.keys().includes(WALKTHROUGH_OPENED_KEY));

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await openWalkthroughIfFirstRun(api.services), false);
    await settled();
    assert.deepEqual(walkthroughTabs(), [], `open tabs: ${tabLabels().join(', ')}`);
  });

  it('opens in the background, leaving the active editor and its focus alone', async () => {
    const { globalState } = api.services.context;
    await globalState.update(WALKTHROUGH_OPENED_KEY, undefined);
    const document = await vscode.workspace.openTextDocument({ content: 'typing here' });
    await vscode.window.showTextDocument(document);

    assert.equal(await openWalkthroughIfFirstRun(api.services), true);
    const tab = await walkthroughOpened();
    assert.equal(tab.isActive, false, 'the walkthrough took over the editor group');
    assert.equal(vscode.window.activeTextEditor?.document, document);
  });

  it('opens again, in front, from Suno: Get Started', async () => {
    // Whatever a link or another extension passes along is no walkthrough id: it is ignored.
    await executeCommand(Commands.openWalkthrough, 'other.extension#theirs', { toSide: true }, '[x](command:suno.clearApiKey)');
    const tab = await walkthroughOpened();
    assert.equal(tab.isActive, true);
    assert.equal(vscode.window.tabGroups.all.length, 1, 'the walkthrough opened to the side');
    // Asking twice shows the same editor, not a second one.
    await executeCommand(Commands.openWalkthrough);
    await settled();
    assert.equal(walkthroughTabs().length, 1);
  });
});
