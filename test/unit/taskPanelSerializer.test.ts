import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { TaskPanelSerializer } from '../../src/panel/taskPanelSerializer';

/** The serializer only ever disposes a panel or hands it on: a counter is all it needs. */
function fakePanel(): { panel: vscode.WebviewPanel; disposed: () => number } {
  let disposals = 0;
  const panel = { dispose: () => (disposals += 1) } as unknown as vscode.WebviewPanel;
  return { panel, disposed: () => disposals };
}

describe('TaskPanelSerializer', () => {
  it('hands a restored panel with a saved task id to the registry', async () => {
    const adopted: string[] = [];
    const serializer = new TaskPanelSerializer((taskId) => {
      adopted.push(taskId);
      return true;
    });
    const { panel, disposed } = fakePanel();
    await serializer.deserializeWebviewPanel(panel, { taskId: 'task-1' });
    assert.deepEqual(adopted, ['task-1']);
    assert.equal(disposed(), 0);
  });

  it('closes the panel when its task is gone (the registry refuses it)', async () => {
    const serializer = new TaskPanelSerializer(() => false);
    const { panel, disposed } = fakePanel();
    await serializer.deserializeWebviewPanel(panel, { taskId: 'removed-meanwhile' });
    assert.equal(disposed(), 1);
  });

  it('closes the panel when the saved state is missing or not ours, without asking the registry', async () => {
    let asked = 0;
    const serializer = new TaskPanelSerializer(() => {
      asked += 1;
      return true;
    });
    for (const state of [undefined, null, 'task-1', { taskId: '' }, { id: 'task-1' }]) {
      const { panel, disposed } = fakePanel();
      await serializer.deserializeWebviewPanel(panel, state);
      assert.equal(disposed(), 1, JSON.stringify(state));
    }
    assert.equal(asked, 0);
  });
});
