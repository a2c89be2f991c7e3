// Notifications: one for tasks that finish together, none when the setting says never or the
// task's panel is on screen, and a gateway error reported once, not every round.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CompletionNotice } from '../../src/notifications/completionNotifier';
import type { PollErrorNotice } from '../../src/notifications/pollErrorNotifier';
import { fetchTasks, quietPeriod, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

/** Longer than the notifier's one-second window for finishes that belong together. */
const COALESCE_WAIT_MS = 1500;

describe('Notifications', function () {
  this.timeout(30_000);
  let completions: CompletionNotice[];
  let errors: PollErrorNotice[];
  let subscriptions: vscode.Disposable[];

  // Registered before the fixture so that it runs before the fixture's clean-up: the listeners
  // stop collecting before the tasks are removed and the gateway closes.
  afterEach(() => {
    for (const subscription of subscriptions) subscription.dispose();
  });

  const fixture = useExtensionWithGateway();

  beforeEach(async () => {
    // Notifications left open by earlier tests would count as "one already on screen".
    await vscode.commands.executeCommand('notifications.clearAll');
    completions = [];
    errors = [];
    subscriptions = [
      fixture.api.notifiers.completion.onDidNotify((notice) => completions.push(notice)),
      fixture.api.notifiers.pollErrors.onDidNotify((notice) => {
        if (notice.baseUrl === fixture.gateway.url) errors.push(notice);
      }),
    ];
  });

  async function setNotify(value: 'always' | 'whenUnfocused' | 'never'): Promise<void> {
    await vscode.workspace.getConfiguration('suno').update('notifyOnCompletion', value, vscode.ConfigurationTarget.Global);
  }

  it('shows one notification for tasks that finish together', async () => {
    await setNotify('always');
    const first = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0, title: 'First' });
    const second = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0, title: 'Second' });
    // Several ids: no panel opens, so nothing hides the notification.
    await fetchTasks([first, second]);
    fixture.gateway.setStage(first, 'SUCCESS');
    fixture.gateway.setStage(second, 'SUCCESS');

    await waitFor('a completion notification', () => completions.length > 0);
    await quietPeriod(COALESCE_WAIT_MS);
    assert.equal(completions.length, 1);
    assert.deepEqual([...completions[0].taskIds].sort(), [first, second].sort());
    assert.match(completions[0].message, /2 Suno tasks finished/);
    assert.ok(completions[0].actions.includes("Don't Show Again"));
  });

  it('offers Open, Play and Don\'t Show Again for one finished song', async () => {
    await setNotify('always');
    const id = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0, title: 'Solo' });
    await fetchTasks(id);
    // Fetching one task opened its panel; with the panel closed the notification is needed.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(fixture.api.ui.panels?.isVisible(id), false);
    fixture.gateway.setStage(id, 'SUCCESS');
    await waitFor('a completion notification', () => completions.length > 0);
    assert.deepEqual(completions[0].taskIds, [id]);
    assert.match(completions[0].message, /Solo/);
    assert.deepEqual([...completions[0].actions], ['Open', 'Play', "Don't Show Again"]);
  });

  it('stays silent when notifications are set to never', async () => {
    await setNotify('never');
    const first = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    const second = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    await fetchTasks([first, second]);
    fixture.gateway.setStage(first, 'SUCCESS');
    await waitFor('the task to succeed', () => fixture.api.services.store.get(first)?.status === 'succeeded');
    await quietPeriod(COALESCE_WAIT_MS);
    assert.deepEqual(completions, []);
  });

  it('stays silent for a task whose panel is on screen', async () => {
    await setNotify('always');
    const id = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    // Fetching one task opens its panel.
    await fetchTasks(id);
    assert.ok(fixture.api.ui.panels, 'the extension has task panels');
    await waitFor('the panel to be visible', () => fixture.api.ui.panels?.isVisible(id));
    fixture.gateway.setStage(id, 'SUCCESS');
    await waitFor('the task to succeed', () => fixture.api.services.store.get(id)?.status === 'succeeded');
    await quietPeriod(COALESCE_WAIT_MS);
    assert.deepEqual(completions, []);
  });

  it('reports a lasting gateway error once, not every round', async () => {
    const id = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    await fetchTasks(id);
    fixture.gateway.setFault({ kind: 'status', status: 502 });
    await waitFor('several failed rounds', () => fixture.api.services.poller.gatewayState(fixture.gateway.url).consecutiveFailures >= 4, 20_000);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].error.kind, 'server');
  });

  it('reports a refused key at once', async () => {
    const id = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    await fetchTasks(id);
    fixture.gateway.setApiKeys(['another-key']);
    await waitFor('the auth notification', () => errors.length > 0);
    assert.equal(errors[0].error.kind, 'auth');
    assert.equal(errors[0].error.httpStatus, 401);
  });
});
