// What a person sees when things go wrong, through the real workbench in Chromium: an id that
// is not one, a key the gateway refuses, a gateway that goes down and comes back.
//
// The tests of this file share one VS Code and run in order; each tracks its own task.
import * as assert from 'node:assert/strict';
import { runCommand } from '../harness/workbench';
import { useJourney } from './support/journey';
import {
  fetchTaskThroughUi,
  findNotification,
  hideNotifications,
  notificationButton,
  openTracker,
  quickInputField,
  quickInputMessage,
  setApiKeyThroughUi,
  taskRow,
  trackerMessage,
  trackerRows,
  UI_TIMEOUT_MS,
  waitForInputBox,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';
import type { Fault } from '../../src/localGateway/localGateway';

const POLL_INTERVAL_MS = 300;

/** Real time during which nothing may happen: only for asserting that something does not. */
function quietPeriod(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('Journey: when things go wrong', function () {

  const { page, gateway, ifStarted } = useJourney({ pollIntervalMs: POLL_INTERVAL_MS }, async ({ page }) => {
    await openTracker(page);
    await setApiKeyThroughUi(page, 'test-key');
  });

  afterEach(async function () {
    // After the screenshot of a failed test: what it left on the gateway must not break the next.
    ifStarted()?.gateway.setFault(null);
    ifStarted()?.gateway.setApiKeys(['test-key', 'new-key']);
    const started = ifStarted();
    if (started) await hideNotifications(started.page).catch(() => undefined);
  });


  /** Tracks a task that stays in progress until the test moves it on. */
  async function trackRunningTask(title: string): Promise<string> {
    const id = gateway().addTask({ title, startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    await fetchTaskThroughUi(page(), id);
    await openTracker(page());
    await waitForRowLabel(taskRow(page(), title), /, running\b/);
    return id;
  }

  it('refuses an invalid task id under the input box, and Enter does nothing', async function () {
    await runCommand(page(), 'Suno: Fetch Task');
    const field = await waitForInputBox(page());
    const message = quickInputMessage(page());

    await field.fill('not a task id!');
    await waitUntil('the reason under the box', async () => /'not a task id!' is not a task id/.test((await message.textContent()) ?? ''));
    await field.press('Enter');
    // Enter on a refused value keeps the box open with the text and the reason.
    await quietPeriod(1500);
    assert.equal(await field.isVisible(), true, 'the input box closed');
    assert.equal(await field.inputValue(), 'not a task id!');
    assert.match((await message.textContent()) ?? '', /is not a task id/);

    await field.fill('abc');
    await waitUntil('the reason for a short id', async () => /too short/.test((await message.textContent()) ?? ''));
    await field.press('Enter');
    await quietPeriod(1000);
    assert.equal(await field.isVisible(), true, 'the input box closed');

    await page().keyboard.press('Escape');
    await page().locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    assert.deepEqual(gateway().requests, [], 'a refused id reached the gateway');
    assert.equal(await trackerRows(page()).count(), 0, 'a refused id was tracked');
    assert.equal(await quickInputField(page()).isVisible(), false);
  });

  it('stops polling when the gateway refuses the key, keeps the task and offers to set a new key', async function () {
    const title = 'Refused Key';
    const id = await trackRunningTask(title);

    gateway().setApiKeys(['new-key']);
    const shown = await findNotification(page(), /refused the API key/);
    const text = (await shown.textContent()) ?? '';
    assert.match(text, /Stopped polling 1 Suno task/);
    assert.match(text, /HTTP 401/);
    const setKey = notificationButton(shown, 'Set API Key');
    assert.equal(await setKey.isVisible(), true, 'the notification has no Set API Key action');

    // Polling that gateway stops: no request over many poll intervals.
    const refused = gateway().requests.filter((request) => !request.authorized).length;
    assert.ok(refused >= 1);
    const seen = gateway().requests.length;
    await quietPeriod(POLL_INTERVAL_MS * 12);
    assert.equal(gateway().requests.length, seen, 'the extension kept polling a gateway that refused its key');

    // The task stays, and the tracker says why it does not move.
    await waitForRowLabel(taskRow(page(), title), /, running\b/);
    await waitUntil('the tracker to explain the pause', async () => /API key was refused — polling paused/.test((await trackerMessage(page()).textContent()) ?? ''));

    // The notification's action asks for the new key; polling resumes with it.
    await setKey.click();
    const field = await waitForInputBox(page(), { password: true });
    await field.fill('new-key');
    await field.press('Enter');
    await waitUntil('a poll with the new key', () => gateway().requests.slice(seen).some((request) => request.authorized));
    gateway().setStage(id, 'SUCCESS');
    await waitForRowLabel(taskRow(page(), title), /, succeeded\b/);
    await waitUntil('the tracker message to go', async () => !/polling paused/.test((await trackerMessage(page()).textContent().catch(() => '')) ?? ''));
  });

  for (const { name, fault, reason } of [
    { name: 'answers 502 Bad Gateway', fault: { kind: 'status', status: 502 } as Fault, reason: /server error — retrying automatically/ },
    { name: 'drops every connection', fault: { kind: 'drop' } as Fault, reason: /unreachable — retrying automatically/ },
  ]) {
    it(`recovers by itself when the gateway ${name} for a while`, async function () {
      const title = `Outage ${fault.kind}`;
      const id = await trackRunningTask(title);

      const before = gateway().requests.length;
      gateway().setFault(fault);
      const failed = (): number => gateway().requests.slice(before).filter((request) => request.status !== 200).length;
      await waitUntil('three failed polls', () => failed() >= 3);
      await waitUntil('the tracker to say it retries', async () => reason.test((await trackerMessage(page()).textContent()) ?? ''));
      await waitForRowLabel(taskRow(page(), title), /, running\b/);

      // The task finishes while the gateway is down; nobody touches anything when it returns.
      gateway().setStage(id, 'SUCCESS');
      gateway().setFault(null);
      await waitForRowLabel(taskRow(page(), title), /, succeeded\b/);
      await waitUntil('the tracker message to go', async () => !reason.test((await trackerMessage(page()).textContent().catch(() => '')) ?? ''));
      assert.equal(gateway().stageOf(id), 'SUCCESS');
    });
  }
});
