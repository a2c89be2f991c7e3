// Extend in the real workbench: a finished clip's context menu in the tracker offers Extend…;
// the moment to continue from (the clip's end, changed to 0:05) and "No new lyrics" are chosen
// in the palette's input box and quick pick; the gateway gets task_id, continue_clip_id and
// continue_at, and the continuation is tracked as a new task.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { quickPickRow } from '../harness/workbench';
import { journeyHooks, startJourney, type Journey } from './support/journey';
import {
  activeEditorText,
  clipRows,
  expandRow,
  fetchTaskThroughUi,
  openTracker,
  setApiKeyThroughUi,
  taskPanelFrame,
  taskRow,
  trackerRows,
  UI_TIMEOUT_MS,
  waitForInputBox,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';

const SONG = 'Harbour Lights';

describe('Journey: extend a clip from the tracker', function () {
  let journey: Journey | undefined;
  let taskId = '';

  before(async function () {
    journey = await startJourney({ pollIntervalMs: 500 });
    taskId = journey.gateway.addTask({ title: SONG, startStage: 'SUCCESS' });
  });

  const page = journeyHooks(() => journey);

  /**
   * Runs Extend… from a clip row's context menu and returns the input box it opens. A click that
   * lands while the menu is still being laid out can be lost: the menu is opened again then.
   */
  async function extendFromContextMenu(row: Locator): Promise<Locator> {
    for (let attempt = 1; ; attempt++) {
      await row.click({ button: 'right' });
      const extend = page().locator('.context-view .monaco-menu .action-item').filter({ hasText: 'Extend…' }).first();
      await extend.waitFor({ timeout: UI_TIMEOUT_MS });
      await extend.hover();
      await extend.click();
      try {
        return await waitForInputBox(page(), {}, 10_000);
      } catch (error) {
        if (attempt >= 3) throw error;
        await page().keyboard.press('Escape');
      }
    }
  }

  function gateway(): Journey['gateway'] {
    assert.ok(journey, 'the gateway did not start');
    return journey.gateway;
  }

  it('extends the second clip from 0:05 without new lyrics, and tracks the continuation', async function () {
    await openTracker(page());
    await setApiKeyThroughUi(page(), 'test-key');
    await fetchTaskThroughUi(page(), taskId);
    const row = taskRow(page(), SONG);
    await waitForRowLabel(row, /, succeeded\b/);
    await expandRow(row);
    const clips = clipRows(page());
    await waitUntil('two clip rows', async () => (await clips.count()) === 2);

    const field = await extendFromContextMenu(clips.nth(1));
    const clipId = gateway().taskInfo(taskId)?.clipIds[1];
    assert.ok(clipId);
    assert.match(await field.inputValue(), /^\d+(\.\d+)?$/, "the clip's end, in seconds");
    await field.fill('0:05');
    await field.press('Enter');
    const noLyrics = quickPickRow(page(), 'No new lyrics');
    await noLyrics.waitFor({ timeout: UI_TIMEOUT_MS });
    await noLyrics.click();

    const dialog = page().locator('.monaco-dialog-box').filter({ hasText: /spends credits/ });
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.locator('.monaco-button').filter({ hasText: /^Submit$/ }).click();

    await waitUntil('the continuation submit', () => gateway().submits.length === 1);
    const [submit] = gateway().submits;
    assert.equal(submit.path, '/suno/submit/music');
    const body = submit.body as Record<string, unknown>;
    assert.deepEqual([body.task_id, body.continue_clip_id, body.continue_at], [taskId, clipId, 5]);
    assert.equal(body.make_instrumental, true);
    assert.equal(body.title, SONG);
    assert.ok(submit.taskId);

    await waitUntil('the continuation tracked beside the original', async () => (await trackerRows(page()).and(page().locator('[aria-level="1"]')).count()) === 2);
  });

  it('offers Extend on each clip and Edit as New Song on the task in its panel', async function () {
    await taskRow(page(), SONG).first().locator('.label-name').click();
    const frame = await taskPanelFrame(page(), taskId);
    const clipId = gateway().taskInfo(taskId)?.clipIds[0];
    assert.ok(clipId);
    const extend = frame.locator(`button[data-action="extendClip"][data-clip-id="${clipId}"]`);
    assert.equal(await extend.isDisabled(), false);
    assert.match(String(await extend.getAttribute('aria-label')), new RegExp(`^Extend ${SONG}`));
    await extend.click();
    // The same questions as from the tracker; the box starts at the clip's end.
    const field = await waitForInputBox(page());
    assert.match(await field.inputValue(), /^\d+(\.\d+)?$/);
    await field.press('Escape');
    assert.equal(gateway().submits.length, 1, 'nothing more was sent');

    await (await taskPanelFrame(page(), taskId)).locator('button[data-action="editAsNewSong"]').click();
    const text = await waitUntil('the task as a new song', async () => {
      const shown = await activeEditorText(page());
      return shown.startsWith('---') ? shown : false;
    });
    assert.match(text, /^---\ntitle: Harbour Lights\nstyle: .+\nmodel: chirp-v4\n---\n\[Verse\]\nLamplight on the harbour/);
  });
});
