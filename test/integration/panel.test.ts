// The task panel: one webview per task, reused when opened again, following the store (title,
// removal). What the page shows is tested in the browser UI tests.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands, TASK_PANEL_VIEW_TYPE } from '../../src/contributionIds';
import { fetchTasks, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes(TASK_PANEL_VIEW_TYPE));
}

function activeTabLabel(): string | undefined {
  return vscode.window.tabGroups.activeTabGroup.activeTab?.label;
}

describe('Task panel', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();

  it('opens one panel per task, titled with the song', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', startStage: 'SUCCESS' });
    await fetchTasks(id);

    await executeCommand(Commands.openTask, id);
    const [tab] = await waitFor('the panel tab', () => (panelTabs().length === 1 ? panelTabs() : undefined));
    assert.equal(tab.label, 'Harbour Lights');
    assert.equal(activeTabLabel(), 'Harbour Lights');
    await waitFor('the panel to report itself visible', () => fixture.api.ui.panels?.isVisible(id));
  });

  it('reveals the same panel when the task is opened again, from a tree element or an id', async () => {
    const first = fixture.gateway.addTask({ title: 'Paper Kites', startStage: 'SUCCESS' });
    const second = fixture.gateway.addTask({ title: 'Neon Rain', startStage: 'SUCCESS' });
    await fetchTasks([first, second]);

    await executeCommand(Commands.openTask, first);
    await executeCommand(Commands.openTask, { kind: 'task', taskId: second });
    await waitFor('two panel tabs', () => panelTabs().length === 2);
    await waitFor('the second panel in front', () => activeTabLabel() === 'Neon Rain');
    await waitFor('the first panel hidden behind the second', () => fixture.api.ui.panels?.isVisible(first) === false);

    await executeCommand(Commands.openTask, { kind: 'task', taskId: first });
    await waitFor('the first panel in front again', () => activeTabLabel() === 'Paper Kites');
    assert.equal(panelTabs().length, 2, 'no second panel for the same task');
    await waitFor('the first panel visible', () => fixture.api.ui.panels?.isVisible(first));

    fixture.api.ui.panels?.open(second, { preserveFocus: true });
    await waitFor('the second panel revealed', () => activeTabLabel() === 'Neon Rain');
    assert.equal(panelTabs().length, 2);
  });

  it('follows the store: a new title renames the tab, a removed task closes its panel', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    await executeCommand(Commands.openTask, id);
    await waitFor('the panel tab', () => panelTabs().length === 1);

    await fixture.api.services.store.upsert([{ ...task, title: 'Harbour Lights (Remix)' }]);
    await waitFor('the renamed tab', () => panelTabs()[0]?.label === 'Harbour Lights (Remix)');

    await fixture.api.services.store.remove([id]);
    await waitFor('the panel to close', () => panelTabs().length === 0);
    assert.equal(fixture.api.ui.panels?.isVisible(id), false);

    // Opening a task that is no longer tracked opens nothing.
    fixture.api.ui.panels?.open(id);
    assert.equal(panelTabs().length, 0);
  });

  it('opens a panel for a clip element, on its task', async () => {
    const id = fixture.gateway.addTask({ title: 'Neon Rain', startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    await executeCommand(Commands.openTask, { kind: 'clip', taskId: id, clipId: task.clips[1].id });
    await waitFor('the panel tab', () => panelTabs().length === 1);
    assert.equal(panelTabs()[0].label, 'Neon Rain');
  });
});
