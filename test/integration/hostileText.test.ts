// Gateway text that tries to become markup — a command link, a web link, a codicon, bidi
// characters — reaches the tree, the status bar and notifications as text. The patterns are the
// workbench's own (see test/unit/support/workbenchMarkup.ts). The real DOM of a notification is
// checked by the UI test in test/ui/hostileText.test.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands } from '../../src/contributionIds';
import type { CompletionNotice } from '../../src/notifications/completionNotifier';
import { rendersIcon, rendersLink, visible } from '../unit/support/workbenchMarkup';
import { fetchTasks, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

const HOSTILE_TITLE = 'Hit [click](command:suno.clearApiKey) $(alert) \u202Eevil';
const HOSTILE_REASON = 'Blocked. [Fix it](https://evil.example) or [reset](command:suno.setApiKey) $(key)';

function assertInert(text: string | undefined, what: string): string {
  assert.ok(text !== undefined, `${what} is missing`);
  assert.equal(rendersLink(text), false, `${what} would render a link: ${JSON.stringify(text)}`);
  assert.equal(rendersIcon(text), false, `${what} would render an icon: ${JSON.stringify(text)}`);
  assert.doesNotMatch(text, /\u202E/, `${what} keeps a bidi override`);
  return visible(text);
}

function labelText(label: string | vscode.TreeItemLabel | undefined): string | undefined {
  return typeof label === 'object' ? label.label : label;
}

describe('Hostile gateway text', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();

  it('shows a hostile title and tags as text in the tree and the status bar', async () => {
    const id = fixture.gateway.addTask({ title: HOSTILE_TITLE, tags: '$(zap) [x](command:a)', startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    await fetchTasks([id]);
    const { provider, statusBar } = fixture.api.tracker;
    const [root] = provider.getChildren();
    const item = provider.getTreeItem(root);
    assert.equal(assertInert(labelText(item.label), 'the task label'), 'Hit [click](command:suno.clearApiKey) $(alert) evil');
    assertInert(String(item.description), 'the task description');
    assert.equal(typeof item.tooltip, 'string', 'a plain-text tooltip');
    assert.match(assertInert(String(item.tooltip), 'the task tooltip'), /Hit \[click\]\(command:suno\.clearApiKey\)/);
    for (const clip of provider.getChildren(root)) {
      const clipItem = provider.getTreeItem(clip);
      assertInert(labelText(clipItem.label), 'a clip label');
      assert.match(assertInert(String(clipItem.tooltip), 'a clip tooltip'), /Tags: \$\(zap\) \[x\]\(command:a\)/);
    }
    const tooltip = await waitFor('the status bar to show the running task', () => statusBar.tooltip);
    assert.match(assertInert(tooltip, 'the status bar tooltip'), /Hit \[click\]/);
  });

  it('builds the completion notification of a failed task without a link or an icon', async () => {
    await vscode.workspace.getConfiguration('suno').update('notifyOnCompletion', 'always', vscode.ConfigurationTarget.Global);
    const notices: CompletionNotice[] = [];
    const subscription = fixture.api.notifiers.completion.onDidNotify((notice) => notices.push(notice));
    try {
      const id = fixture.gateway.addTask({ title: HOSTILE_TITLE, failReason: HOSTILE_REASON, startStage: 'IN_PROGRESS', pollsPerStage: 0 });
      await fetchTasks(id);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fixture.gateway.setStage(id, 'FAILURE');
      const [notice] = await waitFor('the completion notification', () => (notices.length > 0 ? notices : undefined));
      const reads = assertInert(notice.message, 'the notification');
      assert.match(reads, /\[click\]\(command:suno\.clearApiKey\)/, 'the title still reads as it was sent');
      assert.match(reads, /\[Fix it\]\(https:\/\/evil\.example\)/, 'the reason still reads as it was sent');
    } finally {
      subscription.dispose();
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });

  it('answers a task id with link syntax, given by a link or another extension, without repeating it', async () => {
    const window = vscode.window as { showWarningMessage: typeof vscode.window.showWarningMessage };
    const original = window.showWarningMessage;
    const shown: string[] = [];
    window.showWarningMessage = ((message: string) => {
      shown.push(message);
      return Promise.resolve(undefined);
    }) as typeof vscode.window.showWarningMessage;
    try {
      await executeCommand(Commands.copyTaskId, '[click](command:suno.clearApiKey)');
    } finally {
      window.showWarningMessage = original;
    }
    assert.equal(shown.length, 1);
    // Link syntax is no task id (core/task/idRules.ts): the warning says so without repeating it.
    assert.match(assertInert(shown[0], 'the warning'), /^The command was given something that is not a Suno task id/);
    assert.doesNotMatch(shown[0], /command:suno\.clearApiKey/);
  });

  it('titles the panel of a hostile task without bidi characters (tabs show titles as plain text)', async () => {
    const id = fixture.gateway.addTask({ title: HOSTILE_TITLE, startStage: 'SUCCESS' });
    await fetchTasks(id);
    try {
      await vscode.commands.executeCommand('suno.openTask', id);
      const tab = await waitFor('the panel tab', () =>
        vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.input instanceof vscode.TabInputWebview),
      );
      assert.doesNotMatch(tab.label, /\u202E/, 'the tab title keeps a bidi override');
      assert.equal(visible(tab.label), 'Hit [click](command:suno.clearApiKey) $(alert) evil');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
