// The panel's display limits, as the page shows them in the real workbench: a task with more
// clips than the panel shows lists the first ones and says how many more there are, lyrics past
// the limit end with how much was left out, only the first players preload, and an update still
// patches the page in place.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { MAX_CLIPS_SHOWN, MAX_LYRICS_CHARACTERS_SHOWN, PRELOADED_PLAYERS } from '../../src/core/task/displayLimits';
import { useJourney } from './support/journey';
import { fetchTaskThroughUi, openTracker, setApiKeyThroughUi, taskPanelFrame, waitUntil } from './support/workbenchUi';

const CLIPS = MAX_CLIPS_SHOWN + 10;
const LYRICS = `[Verse]\n${'la '.repeat(Math.ceil((MAX_LYRICS_CHARACTERS_SHOWN + 2000) / 3))}`;

/** What the callbacks use of an element (the project compiles without the DOM library). */
interface ElementLike {
  getAttribute(name: string): string | null;
  journeyMarker?: unknown;
}

async function preloads(frame: Frame): Promise<(string | null)[]> {
  return frame.locator('article.clip audio').evaluateAll((players: ElementLike[]) => players.map((player) => player.getAttribute('preload')));
}

describe('Journey: a task larger than the panel shows', function () {
  const { journey } = useJourney({ pollIntervalMs: 300 }, async ({ page }) => {
    await openTracker(page);
    await setApiKeyThroughUi(page, 'test-key');
  });

  it('shows the first clips, says how many more there are, and preloads only the first players', async function () {
    const { page, gateway } = journey();
    const id = gateway.addTask({ title: 'Sixty Takes', lyrics: LYRICS, clipCount: CLIPS, startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    await fetchTaskThroughUi(page, id);
    const frame = await taskPanelFrame(page, id);

    await waitUntil('the clips', async () => (await frame.locator('article.clip').count()) === MAX_CLIPS_SHOWN);
    assert.equal(await frame.locator('#clips-more').textContent(), `${CLIPS - MAX_CLIPS_SHOWN} more clips not shown`);
    assert.equal(await frame.locator('#clips-more').isVisible(), true);
    // Streaming clips fetch nothing until played.
    assert.deepEqual(await preloads(frame), Array(MAX_CLIPS_SHOWN).fill('none'));

    const more = frame.locator('article.clip').first().locator('.lyrics-more');
    assert.equal(await more.textContent(), `… ${(LYRICS.length - MAX_LYRICS_CHARACTERS_SHOWN).toLocaleString('en-US')} more characters not shown`);

    // The task finishes: the same elements are patched, and only the first players preload.
    const firstAudio = frame.locator('article.clip audio').first();
    await firstAudio.evaluate((audio: ElementLike) => (audio.journeyMarker = 'same element'));
    const updates = Number(await frame.locator('body').getAttribute('data-updates'));
    gateway.setStage(id, 'SUCCESS');
    await waitUntil('the finished task', async () => (await preloads(frame)).includes('metadata'));
    assert.ok(Number(await frame.locator('body').getAttribute('data-updates')) > updates);
    assert.equal(await firstAudio.evaluate((audio: ElementLike) => audio.journeyMarker), 'same element', 'the player was replaced');
    const expected = [...Array(PRELOADED_PLAYERS).fill('metadata'), ...Array(MAX_CLIPS_SHOWN - PRELOADED_PLAYERS).fill('none')];
    assert.deepEqual(await preloads(frame), expected);
    assert.equal(await frame.locator('article.clip').count(), MAX_CLIPS_SHOWN);
  });
});
