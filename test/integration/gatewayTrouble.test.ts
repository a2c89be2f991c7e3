// Journeys through gateway trouble: a refused key pauses polling of that gateway (and keeps the
// tasks) until a good key is set; a gateway that fails or drops connections is recovered from
// without the user doing anything.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands } from '../../src/contributionIds';
import { fetchTasks, quietPeriod, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

describe('Gateway trouble', function () {
  this.timeout(40_000);
  const fixture = useExtensionWithGateway();

  it('offers Open Settings when the base URL setting cannot be used', async () => {
    const window = vscode.window as { showErrorMessage: typeof vscode.window.showErrorMessage };
    const original = window.showErrorMessage;
    const shown: { message: string; actions: string[] }[] = [];
    window.showErrorMessage = ((message: string, ...actions: string[]): Thenable<string | undefined> => {
      shown.push({ message, actions });
      return Promise.resolve(undefined);
    }) as unknown as typeof vscode.window.showErrorMessage;
    const configuration = vscode.workspace.getConfiguration('suno');
    try {
      await configuration.update('baseUrl', 'https://user:secret@gateway.example', vscode.ConfigurationTarget.Global);
      await executeCommand(Commands.fetchTask, ['0b4a2f4e']);
      await waitFor('the error notification', () => shown[0]);
    } finally {
      window.showErrorMessage = original;
      await configuration.update('baseUrl', fixture.gateway.url, vscode.ConfigurationTarget.Global);
    }
    assert.match(shown[0].message, /must not contain a user name or password/);
    assert.deepEqual(shown[0].actions, ['Open Settings']);
  });

  it('does not track a task when the key is refused, and says so', async () => {
    await fixture.api.services.apiKeys.set(fixture.gateway.url, 'wrong-key');
    const id = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    const fetched = await fetchTasks(id);
    assert.deepEqual(fetched, []);
    assert.equal(fixture.api.services.store.get(id), undefined);
    assert.ok(fixture.gateway.requests.some((request) => !request.authorized), 'the gateway was asked with the wrong key');
  });

  it('pauses polling a gateway that refuses the key, keeps its tasks, and resumes with a good key', async () => {
    const id = fixture.gateway.addTask({ startStage: 'QUEUED', pollsPerStage: 0 });
    const [fetched] = await fetchTasks(id);
    assert.ok(fetched);
    const failures: string[] = [];
    const subscription = fixture.api.services.poller.onDidFail(({ baseUrl, error }) => {
      if (baseUrl === fixture.gateway.url) failures.push(error.kind);
    });
    try {
      // The gateway revokes the key.
      fixture.gateway.setApiKeys(['rotated-key']);
      await waitFor('polling to pause for auth', () => fixture.api.services.poller.gatewayState(fixture.gateway.url).state === 'paused_auth');
      assert.ok(failures.includes('auth'));

      const pausedAt = fixture.gateway.requests.length;
      await quietPeriod(1500); // several poll intervals
      assert.equal(fixture.gateway.requests.length, pausedAt, 'no request reaches a gateway paused for auth');
      assert.equal(fixture.api.services.store.get(id)?.status, fetched.status, 'the task is kept as it was');
      assert.match(String(fixture.api.tracker.view.message), /API key/);

      // The user sets the new key: polling resumes by itself.
      fixture.gateway.setStage(id, 'SUCCESS');
      await fixture.api.services.apiKeys.set(fixture.gateway.url, 'rotated-key');
      await waitFor('the task to succeed after the new key', () => fixture.api.services.store.get(id)?.status === 'succeeded');
      assert.ok(fixture.gateway.requests.slice(pausedAt).every((request) => request.authorized));
      assert.equal(fixture.api.tracker.view.message, undefined, 'the status line is gone');
    } finally {
      subscription.dispose();
    }
  });

  for (const fault of [
    { kind: 'status', status: 500 },
    { kind: 'drop' },
  ] as const) {
    it(`recovers without user action from a gateway that answers with fault '${fault.kind}'`, async () => {
      const id = fixture.gateway.addTask({ startStage: 'QUEUED', pollsPerStage: 0 });
      await fetchTasks(id);
      let recovered = false;
      const subscription = fixture.api.services.poller.onDidRecover(({ baseUrl }) => {
        if (baseUrl === fixture.gateway.url) recovered = true;
      });
      try {
        fixture.gateway.setFault(fault);
        await waitFor('the poller to back off', () => {
          const state = fixture.api.services.poller.gatewayState(fixture.gateway.url);
          return state.state === 'backing_off' && state.consecutiveFailures >= 2;
        });
        assert.ok(fixture.api.services.store.get(id), 'the task stays tracked while the gateway is down');

        fixture.gateway.setStage(id, 'SUCCESS');
        fixture.gateway.setFault(null);
        await waitFor('the task to succeed once the gateway is back', () => fixture.api.services.store.get(id)?.status === 'succeeded', 20_000);
        // The poller saves the new state before it announces the recovery.
        await waitFor('onDidRecover', () => recovered);
        assert.equal(fixture.api.services.poller.gatewayState(fixture.gateway.url).consecutiveFailures, 0);
      } finally {
        subscription.dispose();
      }
    });
  }

  it('stops polling a gateway whose key was cleared, and stores keys per normalised gateway', async () => {
    const id = fixture.gateway.addTask({ startStage: 'QUEUED', pollsPerStage: 0 });
    await fetchTasks(id);
    assert.equal(await fixture.api.services.context.secrets.get(`suno.apiKey:${fixture.gateway.url}`), 'test-key');
    assert.equal(await fixture.api.services.apiKeys.get(`${fixture.gateway.url}/v1/`), 'test-key', 'a pasted /v1 names the same gateway');

    // As the keychain sees it when the key is removed, here or in another window.
    await fixture.api.services.apiKeys.delete(fixture.gateway.url);
    assert.equal(await fixture.api.services.clientFor(fixture.gateway.url), undefined);
    await waitFor('polling to pause without a key', () => fixture.api.services.poller.gatewayState(fixture.gateway.url).state === 'paused_auth');
    const pausedAt = fixture.gateway.requests.length;
    await quietPeriod(1000);
    assert.equal(fixture.gateway.requests.length, pausedAt);
    assert.ok(fixture.api.services.store.get(id), 'the task stays tracked');
  });
});
