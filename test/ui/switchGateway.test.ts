// Someone who buys Suno at two gateways: a task tracked at each, Suno: Switch Gateway… from one to
// the other through the quick pick (a new address typed and checked as it is typed, then a known
// one picked from the list), the tracker grouping the tasks under their gateways, and the status
// bar naming the gateway new tasks go to.
//
// The tests of this file build on each other, in order.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { runCommand } from '../harness/workbench';
import { LocalGateway } from '../../src/localGateway/localGateway';
import { journeyHooks, startJourney, type Journey } from './support/journey';
import {
  UI_TIMEOUT_MS,
  fetchTaskThroughUi,
  findNotification,
  hideNotifications,
  notificationButton,
  openTracker,
  quickInputField,
  quickInputMessage,
  replaceRefusedAndAccept,
  setApiKeyThroughUi,
  taskRow,
  trackerRows,
  waitForInputBox,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';

const TEST_KEY = 'test-key';

/** How a plain-http local gateway is named in labels: its whole origin (gatewayName). */
function nameOf(gateway: LocalGateway): string {
  return gateway.url;
}

/** `text`, not followed by another digit: the two gateways differ only in their ports. */
function exactly(text: string): RegExp {
  return new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);
}

/** A row of the open quick pick showing `text`. */
function pickRow(page: Page, text: string): Locator {
  return page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: exactly(text) }).first();
}

/** The tracker's gateway group rows (level 1, spoken `<name>, gateway, …`). */
function groupRow(page: Page, gateway: LocalGateway): Locator {
  return trackerRows(page).and(page.locator(`[aria-level="1"][aria-label^=${JSON.stringify(`${nameOf(gateway)}, gateway, `)}]`));
}

/** The status bar's gateway item. */
function gatewayStatusItem(page: Page): Locator {
  return page.locator('.part.statusbar [aria-label^="Suno gateway "]').first();
}

describe('Journey: switching between two gateways', function () {
  let journey: Journey | undefined;
  let second: LocalGateway | undefined;
  let alpha = '';
  let beta = '';

  before(async function () {
    journey = await startJourney({ pollIntervalMs: 1000 });
    second = await LocalGateway.start();
    alpha = journey.gateway.addTask({ title: 'Alpha Tide', startStage: 'SUCCESS' });
    beta = second.addTask({ title: 'Beta Lights', startStage: 'SUCCESS' });
  });

  after(async function () {
    await second?.close();
  });

  const page = journeyHooks(() => journey);

  function gateways(): { first: LocalGateway; second: LocalGateway } {
    assert.ok(journey && second, 'the gateways did not start');
    return { first: journey.gateway, second };
  }

  it('tracks a task at the first gateway, in a flat list', async function () {
    await openTracker(page());
    await setApiKeyThroughUi(page(), TEST_KEY);
    await fetchTaskThroughUi(page(), alpha);
    await waitForRowLabel(taskRow(page(), 'Alpha Tide'), /, succeeded\b/);
    assert.equal(await groupRow(page(), gateways().first).count(), 0, 'one gateway: no groups');
    assert.equal(await gatewayStatusItem(page()).count(), 0, 'one gateway known: the status bar does not name it');
  });

  it('switches to a new gateway typed into Switch Gateway, checked as it is typed, and sets its key when offered', async function () {
    const { first, second: other } = gateways();
    await runCommand(page(), 'Suno: Switch Gateway');
    const current = pickRow(page(), nameOf(first));
    await current.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(String(await current.textContent()), /current · key set · 1 task/);
    await pickRow(page(), 'Enter a New Gateway URL').click();

    const field = await waitForInputBox(page());
    await field.fill('ftp://files.example');
    await waitUntil('the address to be refused', async () => /must start with http:\/\/ or https:\/\//.test((await quickInputMessage(page()).textContent()) ?? ''));
    await replaceRefusedAndAccept(page(), field, `${other.url}/v1/`);

    const offer = await findNotification(page(), /No API key is stored for .* yet\. Set one now\?/);
    await notificationButton(offer, 'Set API Key…').click();
    const keyField = await waitForInputBox(page(), { password: true });
    await keyField.fill(TEST_KEY);
    await keyField.press('Enter');
    await page().locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await hideNotifications(page());

    await waitUntil('the status bar to name the new gateway', async () => exactly(nameOf(other)).test((await gatewayStatusItem(page()).textContent()) ?? ''));
    assert.match(String(await gatewayStatusItem(page()).getAttribute('aria-label')), /^Suno gateway .+, one of \d+ known gateways, activate to switch$/);
  });

  it('tracks a task at the second gateway, and groups the tasks under their gateways', async function () {
    const { first, second: other } = gateways();
    await fetchTaskThroughUi(page(), beta);
    await waitForRowLabel(groupRow(page(), other), /, gateway, 1 task$/);
    await waitForRowLabel(groupRow(page(), first), /, gateway, 1 task$/);
    // The tasks sit one level down, in their gateway's group.
    const alphaRow = trackerRows(page()).and(page().locator('[aria-level="2"][aria-label^="Alpha Tide, "]'));
    const betaRow = trackerRows(page()).and(page().locator('[aria-level="2"][aria-label^="Beta Lights, "]'));
    await waitForRowLabel(alphaRow, /, succeeded\b/);
    await waitForRowLabel(betaRow, /, succeeded\b/);
  });

  it('switches back to the first gateway by picking it from the list', async function () {
    const { first, second: other } = gateways();
    // A click on the status bar's gateway item opens Switch Gateway.
    await gatewayStatusItem(page()).click();
    const otherRow = pickRow(page(), nameOf(other));
    await otherRow.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(String(await otherRow.textContent()), /current · key set · 1 task/);
    const firstRow = pickRow(page(), nameOf(first));
    assert.match(String(await firstRow.textContent()), /key set · 1 task/);
    await firstRow.click();
    await page().locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await waitUntil('the status bar to name the first gateway again', async () => {
      const text = (await gatewayStatusItem(page()).textContent()) ?? '';
      return exactly(nameOf(first)).test(text) && !exactly(nameOf(other)).test(text);
    });
    assert.equal(await quickInputField(page()).isVisible(), false);
  });
});
