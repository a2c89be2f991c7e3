// Journeys through gateway trouble: a refused key pauses polling of that gateway (and keeps the
// tasks) until a good key is set; a gateway that fails or drops connections is recovered from
// without the user doing anything.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LocalGateway } from '../../src/localGateway/localGateway';
import type { SunoExtensionApi } from '../../src/extension';
import { extensionApi, fetchTasks, quietPeriod, resetExtension, useGateway, waitFor } from './extensionTestSupport';

describe('Gateway trouble', function () {
  this.timeout(40_000);
  let api: SunoExtensionApi;
  let gateway: LocalGateway;

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(async () => {
    gateway = await LocalGateway.start();
    await useGateway(api, gateway.url);
  });

  afterEach(async () => {
    gateway.setFault(null);
    await resetExtension(api, gateway.url);
    await gateway.close();
  });

  it('does not track a task when the key is refused, and says so', async () => {
    await api.services.apiKeys.set(gateway.url, 'wrong-key');
    const id = gateway.addTask({ startStage: 'SUCCESS' });
    const fetched = await fetchTasks(id);
    assert.deepEqual(fetched, []);
    assert.equal(api.services.store.get(id), undefined);
    assert.ok(gateway.requests.some((request) => !request.authorized), 'the gateway was asked with the wrong key');
  });

  it('pauses polling a gateway that refuses the key, keeps its tasks, and resumes with a good key', async () => {
    const id = gateway.addTask({ startStage: 'QUEUED', pollsPerStage: 0 });
    const [fetched] = await fetchTasks(id);
    assert.ok(fetched);
    const failures: string[] = [];
    const subscription = api.services.poller.onDidFail(({ baseUrl, error }) => {
      if (baseUrl === gateway.url) failures.push(error.kind);
    });
    try {
      // The gateway revokes the key.
      gateway.setApiKeys(['rotated-key']);
      await waitFor('polling to pause for auth', () => api.services.poller.gatewayState(gateway.url).state === 'paused_auth');
      assert.ok(failures.includes('auth'));

      const pausedAt = gateway.requests.length;
      await quietPeriod(1500); // several poll intervals
      assert.equal(gateway.requests.length, pausedAt, 'no request reaches a gateway paused for auth');
      assert.equal(api.services.store.get(id)?.status, fetched.status, 'the task is kept as it was');
      assert.match(String(api.tracker.view.message), /API key/);

      // The user sets the new key: polling resumes by itself.
      gateway.setStage(id, 'SUCCESS');
      await api.services.apiKeys.set(gateway.url, 'rotated-key');
      await waitFor('the task to succeed after the new key', () => api.services.store.get(id)?.status === 'succeeded');
      assert.ok(gateway.requests.slice(pausedAt).every((request) => request.authorized));
      assert.equal(api.tracker.view.message, undefined, 'the status line is gone');
    } finally {
      subscription.dispose();
    }
  });

  for (const fault of [
    { kind: 'status', status: 500 },
    { kind: 'drop' },
  ] as const) {
    it(`recovers without user action from a gateway that answers with fault '${fault.kind}'`, async () => {
      const id = gateway.addTask({ startStage: 'QUEUED', pollsPerStage: 0 });
      await fetchTasks(id);
      let recovered = false;
      const subscription = api.services.poller.onDidRecover(({ baseUrl }) => {
        if (baseUrl === gateway.url) recovered = true;
      });
      try {
        gateway.setFault(fault);
        await waitFor('the poller to back off', () => {
          const state = api.services.poller.gatewayState(gateway.url);
          return state.state === 'backing_off' && state.consecutiveFailures >= 2;
        });
        assert.ok(api.services.store.get(id), 'the task stays tracked while the gateway is down');

        gateway.setStage(id, 'SUCCESS');
        gateway.setFault(null);
        await waitFor('the task to succeed once the gateway is back', () => api.services.store.get(id)?.status === 'succeeded', 20_000);
        // The poller saves the new state before it announces the recovery.
        await waitFor('onDidRecover', () => recovered);
        assert.equal(api.services.poller.gatewayState(gateway.url).consecutiveFailures, 0);
      } finally {
        subscription.dispose();
      }
    });
  }

  it('stops polling a gateway whose key was cleared, and stores keys per normalised gateway', async () => {
    const id = gateway.addTask({ startStage: 'QUEUED', pollsPerStage: 0 });
    await fetchTasks(id);
    assert.equal(await api.services.context.secrets.get(`suno.apiKey:${gateway.url}`), 'test-key');
    assert.equal(await api.services.apiKeys.get(`${gateway.url}/v1/`), 'test-key', 'a pasted /v1 names the same gateway');

    await vscode.commands.executeCommand('suno.clearApiKey', gateway.url);
    assert.equal(await api.services.clientFor(gateway.url), undefined);
    await waitFor('polling to pause without a key', () => api.services.poller.gatewayState(gateway.url).state === 'paused_auth');
    const pausedAt = gateway.requests.length;
    await quietPeriod(1000);
    assert.equal(gateway.requests.length, pausedAt);
    assert.ok(api.services.store.get(id), 'the task stays tracked');
  });
});
