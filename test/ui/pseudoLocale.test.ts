// The extension in the pseudo-locale `qps-ploc` (code-server started with `--locale qps-ploc`,
// strings from `npm run build`'s scripts/pseudoLocalize.js): every string the extension shows
// reads `［Àççéñţéð］`, so one left in plain English is a string that skipped translation. The
// tree, the panel, a notification and a quick input are checked; what the gateway sent (titles,
// model ids), ids, times and numbers are text, not words of ours, and are left aside.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { openViewContainer, runCommand } from '../harness/workbench';
import { useJourney } from './support/journey';
import {
  clipRows,
  expandRow,
  findNotification,
  quickInputField,
  quickInputMessage,
  replaceRefusedAndAccept,
  taskPanelFrame,
  taskRow,
  UI_TIMEOUT_MS,
  waitForInputBox,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';

const SONG = 'Harbour Lights';

/** A string of ours: between the pseudo-locale's markers. */
const MARKED = /［[^［］]*］/g;
/** Whether a text holds a string of ours (not global: `test` then keeps no state between calls). */
const MARKED_ONE = /［[^［］]*］/;

/**
 * What is left of `text` once every marked string and what the test names as outside text
 * (titles, ids, model names, numbers, punctuation) are taken out: English words there were not
 * translated.
 */
function unmarkedWords(text: string, outside: readonly string[] = []): string[] {
  let rest = text.replace(MARKED, ' ');
  for (const part of [...outside, 'Suno', 'VS Code']) rest = rest.split(part).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

async function assertAllMarked(what: string, text: string | null, outside: readonly string[] = []): Promise<void> {
  assert.ok(text !== null && MARKED_ONE.test(text), `${what} shows no string of ours: ${JSON.stringify(text)}`);
  assert.deepEqual(unmarkedWords(text, outside), [], `${what} is not translated: ${JSON.stringify(text)}`);
}

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

/** An input box's message without what VS Code adds to every prompt (its own words, in English here). */
async function promptOf(locator: Locator): Promise<string> {
  return (await textOf(locator)).replace(/\s*\(Press 'Enter' to confirm or 'Escape' to cancel\)$/, '');
}

describe('Pseudo-locale: no string of the extension left untranslated', function () {
  let taskId = '';
  let viewName = '';

  const { page, gateway } = useJourney({ pollIntervalMs: 500, locale: 'qps-ploc' }, async ({ gateway }) => {
    taskId = gateway.addTask({ title: SONG, startStage: 'IN_PROGRESS', pollsPerStage: 1 });
  });

  it('marks the welcome view and the API key input box with its validation message', async function () {
    // The view container's title is ours too: `Suno` kept, between the markers.
    const sidebar = await openViewContainer(page(), '［Suno］');
    const welcome = sidebar.locator('.welcome-view-content').first();
    await welcome.waitFor({ timeout: UI_TIMEOUT_MS });
    await assertAllMarked('the welcome view', await welcome.innerText(), ['https://api.gpt.ge', 'https://api.cometapi.com', 'new-api']);
    viewName = (await sidebar.locator('.pane-header .title').first().textContent())?.trim() ?? '';
    await assertAllMarked('the view name', viewName);

    await runCommand(page(), '［Suno］: ［Šéţ ÅÞÎ Ķéý…］');
    const field = await waitForInputBox(page(), { password: true });
    await assertAllMarked('the input box prompt', await promptOf(quickInputMessage(page())), [gateway().url, '127.0.0.1', 'suno.baseUrl']);
    await field.fill('   ');
    await waitUntil('the validation message', async () => /Þàšţé/.test(await textOf(quickInputMessage(page()))));
    await assertAllMarked('the validation message', await promptOf(quickInputMessage(page())));
    await replaceRefusedAndAccept(page(), field, 'test-key');
  });

  it('marks the tracker rows and their descriptions', async function () {
    await runCommand(page(), '［Suno］: ［Ƒéţçĥ Ţàšķ…］');
    const field = await waitForInputBox(page());
    // What the box refuses is the core's, worded in the display language too.
    await field.fill('no');
    await waitUntil('the refusal of a word that is no task id', async () => (await textOf(quickInputMessage(page()))).includes("'no'"));
    await assertAllMarked('the refusal', await promptOf(quickInputMessage(page())), ["'no'"]);
    await replaceRefusedAndAccept(page(), field, taskId);
    await openViewContainer(page(), '［Suno］');
    const row = taskRow(page(), SONG, viewName);
    const label = await waitForRowLabel(row, /šûççééðéð/);
    // `Harbour Lights, ［šöñĝ］, ［šûççééðéð］, ［…］`: the time is Intl's, in the runtime's own words.
    const [, ...spoken] = label.split(', ');
    await assertAllMarked('the row’s spoken status', spoken.slice(0, 2).join(', '));
    await assertAllMarked('the row’s description', (await textOf(row.locator('.label-description'))).split(' · ')[0] ?? null);
    await expandRow(row);
    await waitUntil('two clip rows', async () => (await clipRows(page(), viewName).count()) === 2);
    const clipLabel = (await clipRows(page(), viewName).first().getAttribute('aria-label')) ?? '';
    // The model id comes from the gateway.
    await assertAllMarked('the clip row', clipLabel.replace(/chirp-[\w.-]+/g, ' '), [SONG]);
  });

  it('marks the panel’s own words', async function () {
    const frame = await taskPanelFrame(page(), taskId);
    await waitUntil('the finished task', async () => (await frame.locator('#task-status').getAttribute('data-status')) === 'succeeded');
    for (const selector of ['#task-status', '#task-open-lyrics', '#task-download']) {
      await assertAllMarked(`the panel's ${selector}`, await textOf(frame.locator(selector)));
    }
    const clip = frame.locator('article.clip').first();
    for (const selector of ['.clip-position', 'button[data-action="openLyrics"]', 'button[data-action="copyLink"]', 'button[data-action="toggleVideo"]']) {
      await assertAllMarked(`the clip's ${selector}`, await textOf(clip.locator(selector)), ['1', '2']);
    }
    for (const term of await clip.locator('dt').allTextContents()) await assertAllMarked('a clip fact', term);
    await assertAllMarked('the clip status', await textOf(clip.locator('.clip-status')));
  });

  it('marks Switch Gateway’s rows', async function () {
    await runCommand(page(), '［Suno］: ［Šŵîţçĥ Ĝàţéŵàý…］');
    const rows = page().locator('.quick-input-widget .monaco-list-row');
    const texts = await waitUntil('the gateway and the new gateway rows', async () => {
      // Read in one go, once the pick has replaced the palette's rows: the list is drawn again
      // while it settles.
      if ((await quickInputField(page()).inputValue()).startsWith('>')) return undefined;
      // What the rows show: a row drawn for the palette before keeps hidden parts of it.
      const all = (await rows.allInnerTexts()).filter((text) => text.trim() !== '');
      return all.some((text) => text.includes(gateway().url)) && all.every((text) => MARKED_ONE.test(text)) ? all : undefined;
    });
    for (const text of texts) await assertAllMarked('a Switch Gateway row', text, [gateway().url, '1']);
    await page().keyboard.press('Escape');
    await page().locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  });

  it('marks a notification and its button', async function () {
    await runCommand(page(), '［Suno］: ［Çļéàŕ Ƒîñîšĥéð Ţàšķš］');
    const notification = await findNotification(page(), /Çļéàŕéð/);
    await assertAllMarked('the notification', await textOf(notification.locator('.notification-list-item-message, .notification-toast-message').first()), ['1']);
    await assertAllMarked('its button', await textOf(notification.locator('.monaco-button').first()));
  });
});
