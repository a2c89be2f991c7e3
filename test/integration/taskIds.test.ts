// Task ids in the running extension: what is no id never reaches the gateway, and a gateway that
// spells the id differently cannot make a second task appear or keep the tracked one running.
import * as assert from 'node:assert/strict';
import { fetchTasks, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

describe('Task ids', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();

  it('sends nothing for arguments that are no task ids, link syntax and dot segments included', async () => {
    const fetched = await fetchTasks(['[x](command:suno.clearApiKey)', '..', '%2e%2e', 'a/b']);
    assert.deepEqual(fetched, []);
    assert.deepEqual(fixture.gateway.requests, []);
    assert.deepEqual(fixture.api.services.store.all(), []);
  });

  it('keeps the tracked id when the gateway answers with it upper-cased, and polls it to the end', async () => {
    const id = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 1 });
    fixture.gateway.setFault({ kind: 'upper_case_ids' });
    const fetched = await fetchTasks(id);
    assert.deepEqual(
      fetched.map((task) => task.id),
      [id],
    );
    fixture.gateway.setStage(id, 'SUCCESS');
    await waitFor('the task to succeed through polling', () => fixture.api.services.store.get(id)?.status === 'succeeded');
    assert.deepEqual(
      fixture.api.services.store.all().map((task) => task.id),
      [id],
      'no second task under the upper-cased id',
    );
    await waitFor('the gateway to go idle', () => fixture.api.services.poller.gatewayState(fixture.gateway.url).state === 'idle');
  });
});
