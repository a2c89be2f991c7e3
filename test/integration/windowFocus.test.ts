// Polling and window focus: slower in the background, and a catch-up on refocus for gateways
// whose data went stale — but not for a gateway paused for its key.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { UNFOCUSED_SLOWDOWN, WindowFocusCatchUp, windowSlowdownFactor } from '../../src/polling/windowFocus';
import { fetchTasks, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

describe('Window focus', function () {
  this.timeout(20_000);
  const fixture = useExtensionWithGateway();

  it('polls three times slower while the window is in the background', () => {
    assert.equal(windowSlowdownFactor(), vscode.window.state.focused ? 1 : UNFOCUSED_SLOWDOWN);
    assert.equal(UNFOCUSED_SLOWDOWN, 3);
  });

  it('catches up on refocus with gateways whose data is older than one interval, unless paused', async () => {
    const id = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    await fetchTasks(id);
    const minute = 60_000;
    const fresh = new WindowFocusCatchUp(fixture.api.services.store, fixture.api.services.poller, () => minute);
    const later = new WindowFocusCatchUp(fixture.api.services.store, fixture.api.services.poller, () => minute, () => Date.now() + 2 * minute);
    try {
      assert.deepEqual(fresh.staleGateways(), [], 'data fetched a moment ago is not stale');
      assert.deepEqual(later.staleGateways(), [fixture.gateway.url]);

      fixture.gateway.setApiKeys(['rotated-key']);
      await waitFor('polling to pause for auth', () => fixture.api.services.poller.gatewayState(fixture.gateway.url).state === 'paused_auth');
      assert.deepEqual(later.staleGateways(), [], 'a gateway paused for its key is not called on refocus');
    } finally {
      fresh.dispose();
      later.dispose();
    }
  });
});
