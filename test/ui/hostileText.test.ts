// Gateway text that tries to become markup, seen in the real workbench: a title and a fail reason
// holding a command link, a web link, a codicon and a bidi override, and a gateway error message
// holding links. The notifications show them as text (no <a> in their DOM), and so does the tree.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { useJourney } from './support/journey';
import {
  fetchTaskThroughUi,
  findNotification,
  hideNotifications,
  openTracker,
  setApiKeyThroughUi,
  waitForRowLabel,
} from './support/workbenchUi';

const TITLE = 'Hit [click](command:suno.clearApiKey) $(alert) \u202Eevil';
/** What the reader sees of TITLE: every character, the override gone. */
const TITLE_READS = 'Hit [click](command:suno.clearApiKey) $(alert) evil';
const FAIL_REASON = 'Blocked. [Fix it](https://evil.example) or [reset](command:suno.setApiKey) $(key)';
const GATEWAY_MESSAGE = 'upstream down, [sign in](https://evil.example/login) or [clear key](command:suno.clearApiKey)';

/** The tracker row of the task with the hostile title. */
function hostileRow(page: Page): Locator {
  return page.locator('.part.sidebar [role="tree"][aria-label="Tasks"] .monaco-list-row[aria-level="1"]').filter({ hasText: 'Hit' });
}

/** The text of an element as a person reads it: word joiners are zero-width and invisible. */
async function readText(element: Locator): Promise<string> {
  return ((await element.textContent()) ?? '').replace(/\u2060/g, '');
}

/** What a notification's message renders: no link, no icon, the hostile text as it was sent. */
async function assertPlainMessage(notification: Locator, expected: readonly string[]): Promise<void> {
  const message = notification.locator('.notification-list-item-message');
  assert.equal(await message.locator('a').count(), 0, 'the notification holds a link');
  assert.equal(await message.locator('.codicon').count(), 0, 'the notification renders an icon');
  const text = await readText(message);
  for (const part of expected) assert.ok(text.includes(part), `${JSON.stringify(part)} is not shown as text in ${JSON.stringify(text)}`);
  assert.doesNotMatch(text, /\u202E/);
}

describe('Hostile gateway text in the workbench', function () {
  let hostileId = '';
  let otherId = '';

  const { page, gateway } = useJourney({ pollIntervalMs: 300, settings: { 'suno.notifyOnCompletion': 'always' } }, async ({ gateway, page }) => {
    hostileId = gateway.addTask({ title: TITLE, failReason: FAIL_REASON, startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    otherId = gateway.addTask({ title: 'Quiet Song', startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    await openTracker(page);
    await setApiKeyThroughUi(page, 'test-key');
    // Two ids: no panel opens, so the completion notification is not held back for one.
    await fetchTaskThroughUi(page, `${hostileId} ${otherId}`);
    await waitForRowLabel(hostileRow(page), /, running\b/);
  });

  it('shows the title in the tree as text, without an icon', async function () {
    const label = hostileRow(page()).first().locator('.label-name');
    assert.equal(await readText(label), TITLE_READS);
    assert.equal(await label.locator('.codicon').count(), 0);
    assert.equal(await label.locator('a').count(), 0);
  });

  it('shows a failed task\'s notification with its title and fail reason as text, without a link', async function () {
    gateway().setStage(hostileId, 'FAILURE');
    const notification = await findNotification(page(), /failed/);
    await assertPlainMessage(notification, ['[click](command:suno.clearApiKey)', '$(alert)', '[Fix it](https://evil.example)', '[reset](command:suno.setApiKey)', '$(key)']);
    await hideNotifications(page());
  });

  it('shows a gateway error message with links in it as text', async function () {
    gateway().setFault({ kind: 'status', status: 502, body: JSON.stringify({ code: 'upstream_error', message: GATEWAY_MESSAGE, data: null }) });
    const notification = await findNotification(page(), /Could not update/);
    await assertPlainMessage(notification, ['[sign in](https://evil.example/login)', '[clear key](command:suno.clearApiKey)']);
    gateway().setFault(null);
    await hideNotifications(page());
  });
});
