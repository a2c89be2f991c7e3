// The songwriter's loop in the real workbench: New Song, write a title, a style and lyrics,
// Generate from the CodeLens, confirm the first submit, watch the task run and finish in the
// tracker, listen in its panel, change a line and Generate again from the editor title (nothing
// asked: the content is new), then a low balance and an answer lost after sending, each leaving
// the document as it was and saying what to do.
//
// The tests of this file build on each other, in order, in one VS Code.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { runCommand } from '../harness/workbench';
import { journeyHooks, startJourney, type Journey } from './support/journey';
import { fillSongTemplate } from './support/songEditor';
import {
  activeEditorText,
  editorTab,
  findNotification,
  hideNotifications,
  modalDialog,
  notificationButton,
  openTracker,
  setApiKeyThroughUi,
  taskPanelFrame,
  taskRow,
  UI_TIMEOUT_MS,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';

const POLL_INTERVAL_MS = 500;
const TITLE = 'Night Drive';

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The ids of axe-core's serious and critical rule violations in a panel's page, with the panel's
 * song-document button showing (the accessibility journey sees panels of fetched tasks only).
 */
async function seriousAxeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    type Axe = { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null }[] }> };
    const page = globalThis as unknown as { axe: Axe; document: unknown };
    const results = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
  });
}

/** Puts the cursor at the end of the song and adds a line to its lyrics. */
async function addLyricsLine(page: Page, text: string): Promise<void> {
  await editorTab(page, 'Untitled-1').click();
  await page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(`${text}\n`);
  await page.keyboard.press('Escape');
  // Monaco renders typing a moment later: what the test reads next must include the new line.
  await waitUntil('the new line to show', async () => (await activeEditorText(page)).endsWith(`${text}\n`));
}

/** Generate Song from the editor title's button. */
async function generateFromTitleButton(page: Page): Promise<void> {
  await page.locator('.part.editor .editor-actions .action-label[aria-label^="Generate Song"]').first().click();
}

describe('Journey: write a song, generate it, listen, change a line, generate again', function () {
  let journey: Journey | undefined;

  before(async function () {
    journey = await startJourney({ pollIntervalMs: POLL_INTERVAL_MS });
  });

  const page = journeyHooks(() => journey);

  function gateway(): Journey['gateway'] {
    assert.ok(journey, 'the gateway did not start');
    return journey.gateway;
  }

  it('writes a new song from the template', async function () {
    await setApiKeyThroughUi(page(), 'test-key');
    // Open now: the sidebar's Suno button toggles, and the new task will be revealed in it.
    await openTracker(page());
    await runCommand(page(), 'Suno: New Song');
    await editorTab(page(), 'Untitled-1').waitFor({ timeout: UI_TIMEOUT_MS });
    await fillSongTemplate(page(), {
      title: TITLE,
      style: 'synthwave, female vocals',
      verse: ['Neon rivers run through the night', 'Headlights humming a tune'],
      chorus: ['City lights, city lights', 'Carry me home'],
    });
    const text = await activeEditorText(page());
    assert.match(text, /title: Night Drive/);
    assert.doesNotMatch(text, /</, 'a placeholder is left');
  });

  it('generates it from the CodeLens, which names the gateway and the model, after confirming the first submit', async function () {
    const host = new URL(gateway().url).host;
    const lens = page().locator('.part.editor .codelens-decoration a', { hasText: `Generate on ${host} with v4.5 (chirp-auk)` });
    await lens.waitFor({ timeout: UI_TIMEOUT_MS });
    await lens.click();
    const dialog = await modalDialog(page(), /spends credits/);
    assert.match(await dialog.innerText(), new RegExp(`${host.replace(/\./g, '\\.')} with v4\\.5 \\(chirp-auk\\)`));
    assert.equal(gateway().submits.length, 0, 'sent before the confirmation');
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Submit$/ }).click();

    await waitUntil('the submit', () => gateway().submits.length === 1);
    const body = gateway().submits[0].body as Record<string, unknown>;
    assert.equal(body.title, TITLE);
    assert.equal(body.tags, 'synthwave, female vocals');
    assert.equal(body.mv, 'chirp-auk');
    assert.equal(body.prompt, '[Verse]\nNeon rivers run through the night\nHeadlights humming a tune\n\n[Chorus]\nCity lights, city lights\nCarry me home');
  });

  it('tracks the new task at once and follows it until it succeeds', async function () {
    const finished = await waitForRowLabel(taskRow(page(), TITLE), /, succeeded\b/);
    assert.match(finished, /^Night Drive, /);
  });

  it('opens the task’s panel, whose player plays the song and which links back to the document', async function () {
    const taskId = gateway().submits[0].taskId;
    assert.ok(taskId);
    const frame: Frame = await taskPanelFrame(page(), taskId);
    await waitUntil('the panel to show the finished task', async () => (await frame.locator('#task-status').getAttribute('data-status')) === 'succeeded');
    const audio = frame.locator('audio').first();
    await audio.evaluate((element: { play(): Promise<void> }) => element.play());
    await waitUntil('the audio to play', async () =>
      audio.evaluate((element: { paused: boolean; currentTime: number }) => !element.paused && element.currentTime > 0.3),
    );
    const link = frame.locator('#task-open-source');
    assert.equal(await link.isVisible(), true);
    assert.equal(await link.getAttribute('aria-label'), 'Open the song document Untitled-1');
    assert.deepEqual(await seriousAxeViolations(frame), []);
  });

  it('generates again after a changed line, asking nothing: a second task appears', async function () {
    await addLyricsLine(page(), 'Until the morning comes');
    await generateFromTitleButton(page());
    await waitUntil('the second submit', () => gateway().submits.length === 2);
    assert.equal(await page().locator('.monaco-dialog-box').count(), 0, 'a question was asked');
    assert.match(String((gateway().submits[1].body as Record<string, unknown>).prompt), /Until the morning comes$/);
    const secondId = gateway().submits[1].taskId;
    assert.ok(secondId && secondId !== gateway().submits[0].taskId);
    await waitUntil('two task rows', async () => (await taskRow(page(), TITLE).count()) === 2);
  });

  it('asks before sending the same song to the same gateway again within a minute, and Cancel sends nothing', async function () {
    // The second task's panel is in front; the unchanged song is one tab away.
    await editorTab(page(), 'Untitled-1').click();
    await generateFromTitleButton(page());
    const dialog = await modalDialog(page(), /less than a minute ago/);
    assert.equal(await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Submit Again$/ }).count(), 1);
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Cancel$/ }).click();
    await waitUntil('the question to close', async () => (await page().locator('.monaco-dialog-box').count()) === 0);
    assert.equal(gateway().submits.length, 2, 'sent although the question was cancelled');
    assert.equal(await taskRow(page(), TITLE).count(), 2);
  });

  it('a low balance says what to do and leaves the document open as it was', async function () {
    gateway().setSubmitFault({ kind: 'quota', count: 1 });
    await addLyricsLine(page(), 'Past the harbour');
    const before = await activeEditorText(page());
    await generateFromTitleButton(page());
    const notification = await findNotification(page(), /balance is too low/);
    assert.equal(await notificationButton(notification, 'Open Gateway Site').count(), 1);
    assert.equal(await notificationButton(notification, 'Retry').count(), 0);
    await hideNotifications(page());
    await editorTab(page(), 'Untitled-1').click();
    assert.equal(await activeEditorText(page()), before);
    assert.equal(await taskRow(page(), TITLE).count(), 2, 'a task was tracked for a refused submit');
  });

  it('an answer lost after sending says the submit may have been accepted, offers no Retry, and keeps the document', async function () {
    gateway().setSubmitFault({ kind: 'reset', count: 1 });
    await addLyricsLine(page(), 'Over the bridge');
    const before = await activeEditorText(page());
    await generateFromTitleButton(page());
    const notification = await findNotification(page(), /may have been accepted/);
    assert.match(await notification.innerText(), /Check the gateway's task list before submitting again/);
    assert.equal(await notificationButton(notification, 'Retry').count(), 0);
    await hideNotifications(page());
    await editorTab(page(), 'Untitled-1').click();
    assert.equal(await activeEditorText(page()), before);
  });
});
