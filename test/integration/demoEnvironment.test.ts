// The demo/test hooks read at activation: SUNO_DEMO_API_KEY stores a key for the configured
// gateway when it has none, SUNO_DEMO_TASK_IDS fetches and tracks the ids not tracked yet.
import * as assert from 'node:assert/strict';
import { LocalGateway } from '../../src/localGateway/localGateway';
import { applyDemoEnvironment, type SunoExtensionApi } from '../../src/extension';
import { extensionApi, resetExtension, useGateway } from './extensionTestSupport';

describe('Demo environment', function () {
  this.timeout(20_000);
  let api: SunoExtensionApi;
  let gateway: LocalGateway;

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(async () => {
    gateway = await LocalGateway.start({ apiKeys: ['demo-key'] });
    await useGateway(api, gateway.url, null);
  });

  afterEach(async () => {
    await resetExtension(api, gateway.url);
    await gateway.close();
  });

  it('stores the demo key and tracks the demo tasks that are not tracked yet', async () => {
    const first = gateway.addTask({ startStage: 'SUCCESS' });
    const second = gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    await applyDemoEnvironment(api.services, { SUNO_DEMO_API_KEY: 'demo-key', SUNO_DEMO_TASK_IDS: ` ${first}, ${second} ,` });

    assert.equal(await api.services.apiKeys.get(gateway.url), 'demo-key');
    assert.deepEqual(api.services.store.all().map((task) => task.id).sort(), [first, second].sort());

    // A second activation asks for nothing already tracked and keeps the user's own key.
    await api.services.apiKeys.set(gateway.url, 'demo-key');
    gateway.clearRequests();
    await applyDemoEnvironment(api.services, { SUNO_DEMO_API_KEY: 'other-key', SUNO_DEMO_TASK_IDS: first });
    assert.equal(await api.services.apiKeys.get(gateway.url), 'demo-key');
    assert.equal(gateway.requests.filter((request) => request.ids.includes(first)).length, 0);
  });
});
