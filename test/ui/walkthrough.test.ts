// The first run of someone who has just installed the extension, through the real workbench in
// Chromium: a fresh profile with no gateway address, no key and no task. The Get Started
// walkthrough opens by itself when the extension first runs; following it, the user enters the
// local gateway's address in the settings, sets the key, fetches a task and opens its lyrics from
// its panel, and each step gets its check mark, with the task tracked in the Suno view. Reloading does not bring the
// walkthrough back; the welcome view's link does.
//
// The tests of this file build on each other, in order, in one VS Code.
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { runCommand } from '../harness/workbench';
import { journeyHooks, startJourney, type Journey } from './support/journey';
import { checkMarks, clickStepButton, showWalkthrough, waitForCheckMark, walkthroughPage, walkthroughStep } from './support/walkthroughUi';
import {
  editorTab,
  openTracker,
  quickInputField,
  taskPanelFrame,
  taskRow,
  UI_TIMEOUT_MS,
  waitForInputBox,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';

const SONG = 'First Light';

/**
 * How many rectangles the step's image draws. The workbench draws the SVG in a webview of its
 * own, and may replace that frame while the step settles, so the count is taken in one go from
 * whichever frame shows a theme-coloured SVG, and taken again if the frame goes away.
 */
async function stepImageRectangles(page: Page): Promise<number> {
  return waitUntil('the step image', async () => {
    for (const frame of page.frames()) {
      if (frame.isDetached() || frame === page.mainFrame()) continue;
      const rectangles = await countThemedRectangles(frame).catch(() => 0);
      if (rectangles > 0) return rectangles;
    }
    return undefined;
  });
}

/** Rectangles in a frame whose SVG uses the theme's colours; 0 when it has none. */
async function countThemedRectangles(frame: Frame): Promise<number> {
  const themed = await frame.locator('svg [fill^="var(--vscode-"]').count();
  return themed > 0 ? frame.locator('svg rect').count() : 0;
}

describe('Journey: the Get Started walkthrough on a fresh profile', function () {
  let journey: Journey | undefined;
  let taskId = '';

  before(async function () {
    journey = await startJourney({
      pollIntervalMs: 500,
      // A fresh profile: the gateway address is not set (JSON leaves the undefined out), so the
      // extension starts at its default gateway until the user changes it.
      settings: { 'suno.baseUrl': undefined },
      // Test mode keeps the walkthrough shut unless asked; this journey is about it.
      env: { SUNO_TEST_FIRST_RUN_WALKTHROUGH: '1' },
    });
    taskId = journey.gateway.addTask({ title: SONG, startStage: 'IN_PROGRESS', pollsPerStage: 1 });
  });

  const page = journeyHooks(() => journey);

  function gateway(): Journey['gateway'] {
    assert.ok(journey, 'the gateway did not start');
    return journey.gateway;
  }

  it('opens the walkthrough the first time the extension runs, no step done', async function () {
    // Nothing runs the extension until the user comes to it: the Suno icon in the activity bar.
    await openTracker(page());
    await walkthroughPage(page()).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.deepEqual(await checkMarks(page()), {
      chooseGateway: false,
      setApiKey: false,
      trackTask: false,
      listen: false,
      writeSong: false,
    });
    await walkthroughStep(page(), 'chooseGateway').click();
    assert.ok((await stepImageRectangles(page())) > 3, 'the step image is empty');
  });

  it('checks off the gateway once its address is entered in the setting the step opens', async function () {
    await clickStepButton(page(), 'chooseGateway', 'Choose Gateway');
    const input = page().locator('.settings-editor [data-key="suno.baseUrl"] .setting-item-control input');
    await input.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await input.inputValue(), 'https://api.gpt.ge');
    await input.fill(gateway().url);
    await showWalkthrough(page());
    await waitForCheckMark(page(), 'chooseGateway');
    assert.equal((await checkMarks(page())).setApiKey, false);
  });

  it('checks off the key once it is stored', async function () {
    await showWalkthrough(page());
    await clickStepButton(page(), 'setApiKey', 'Set API Key');
    const field = await waitForInputBox(page(), { password: true });
    await field.fill('test-key');
    await field.press('Enter');
    await page().locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await showWalkthrough(page());
    await waitForCheckMark(page(), 'setApiKey');
    assert.deepEqual(gateway().requests, [], 'storing a key must not call the gateway');
  });

  it('checks off the task once it is fetched, and the Suno view follows it to the end', async function () {
    await showWalkthrough(page());
    await clickStepButton(page(), 'trackTask', 'Fetch Task');
    const field = await waitForInputBox(page());
    await field.fill(taskId);
    await field.press('Enter');
    // Fetching a task opens its panel, in front of the walkthrough.
    await editorTab(page(), SONG).waitFor({ timeout: UI_TIMEOUT_MS });
    await showWalkthrough(page());
    await waitForCheckMark(page(), 'trackTask');
    // The settings the user typed were the ones used: the key went to the local gateway.
    await waitUntil('a request with the key', () => gateway().requests.some((request) => request.authorized));

    await openTracker(page());
    await waitForRowLabel(taskRow(page(), SONG), /, succeeded\b/);
    assert.deepEqual(await checkMarks(page()), {
      chooseGateway: true,
      setApiKey: true,
      trackTask: true,
      listen: false,
      writeSong: false,
    });
  });

  it('checks off listening once the lyrics open from the panel of a task in the Suno view', async function () {
    await showWalkthrough(page());
    await clickStepButton(page(), 'listen', 'Show Tasks');
    const row = taskRow(page(), SONG);
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    await row.locator('.label-name').click();
    const frame = await taskPanelFrame(page(), taskId);
    const button = frame.locator('#task-open-lyrics');
    await waitUntil('Open Lyrics to be enabled', async () => !(await button.isDisabled()));
    await button.click();
    await waitUntil('the lyrics tab to be active', async () => (await editorTab(page(), `${SONG}.lyrics`).getAttribute('aria-selected')) === 'true');
    await showWalkthrough(page());
    await waitForCheckMark(page(), 'listen');
    assert.equal((await checkMarks(page())).writeSong, false);
  });

  it('does not open the walkthrough again after a reload, but the welcome view links to it', async function () {
    await runCommand(page(), 'View: Close All Editors');
    await walkthroughPage(page()).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    const reloaded = page().waitForEvent('load', { timeout: UI_TIMEOUT_MS });
    await runCommand(page(), 'Developer: Reload Window');
    await reloaded;
    await page().locator('.part.activitybar').waitFor({ timeout: UI_TIMEOUT_MS });
    // The Suno view comes back as it was, and the extension with it: the tracker shows the task
    // it kept. (A click on the Suno icon while the view is still being restored would close it.)
    await page().locator('.part.sidebar [role="tree"][aria-label="Tasks"]').waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    await openTracker(page());
    await waitForRowLabel(taskRow(page(), SONG), /, succeeded\b/);
    // Anything the activation asked the workbench to open has opened by the time a command the
    // palette ran after it has finished.
    await runCommand(page(), 'View: Focus Active Editor Group');
    // Not even the Welcome editor the walkthrough opens in, whatever page it shows.
    assert.equal(await editorTab(page(), 'Welcome').count(), 0, 'the walkthrough opened again');

    // Remove the task: the Tasks view shows its welcome, with the link to the walkthrough.
    await runCommand(page(), 'Suno: Clear Finished Tasks');
    const link = page().locator('.part.sidebar .welcome-view-content a', { hasText: 'Get Started' }).first();
    await link.waitFor({ timeout: UI_TIMEOUT_MS });
    await link.click();
    await walkthroughPage(page()).waitFor({ timeout: UI_TIMEOUT_MS });
    // The progress was kept.
    await waitForCheckMark(page(), 'trackTask');
    assert.equal(await quickInputField(page()).isVisible(), false);
  });
});
