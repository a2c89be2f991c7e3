// The demo/test hooks read at activation: SUNO_DEMO_API_KEY stores a key for the configured
// gateway when it has none, SUNO_DEMO_TASK_IDS fetches and tracks the ids not tracked yet.
import * as assert from 'node:assert/strict';
import { applyDemoEnvironment } from '../../src/demoEnvironment';
import { useExtensionWithGateway } from './support/extensionTestSupport';

describe('Demo environment', function () {
  this.timeout(20_000);
  const fixture = useExtensionWithGateway({ gateway: { apiKeys: ['demo-key'] }, apiKey: null });

  it('stores the demo key and tracks the demo tasks that are not tracked yet', async () => {
    const first = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    const second = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    await applyDemoEnvironment(fixture.api.services, { SUNO_DEMO_API_KEY: 'demo-key', SUNO_DEMO_TASK_IDS: ` ${first}, ${second} ,` });

    assert.equal(await fixture.api.services.apiKeys.get(fixture.gateway.url), 'demo-key');
    assert.deepEqual(fixture.api.services.store.all().map((task) => task.id).sort(), [first, second].sort());

    // A second activation asks for nothing already tracked and keeps the user's own key.
    await fixture.api.services.apiKeys.set(fixture.gateway.url, 'demo-key');
    fixture.gateway.clearRequests();
    await applyDemoEnvironment(fixture.api.services, { SUNO_DEMO_API_KEY: 'other-key', SUNO_DEMO_TASK_IDS: first });
    assert.equal(await fixture.api.services.apiKeys.get(fixture.gateway.url), 'demo-key');
    assert.equal(fixture.gateway.requests.filter((request) => request.ids.includes(first)).length, 0);
  });
});
