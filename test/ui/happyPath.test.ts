// The journey of someone who submitted a song at their gateway and follows it in VS Code, all
// through the real workbench in Chromium: set the key, fetch the task by id, watch the tracker
// row finish, listen in the panel (also while an update arrives), open the lyrics and their
// outline, reload the window and find everything again.
//
// The tests of this file build on each other, in order, in one VS Code.
import * as assert from 'node:assert/strict';
import { openViewContainer, quickPickRow, runCommand } from '../harness/workbench';
import { play, playerState, type HTMLMediaElementLike } from './support/audioPlayer';
import { useJourney } from './support/journey';
import {
  activeEditorText,
  clipRows,
  editorTab,
  expandRow,
  fetchTaskThroughUi,
  openPalette,
  openTracker,
  rowIcon,
  setApiKeyThroughUi,
  taskPanelFrame,
  taskRow,
  UI_TIMEOUT_MS,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';

/** One poll a second: slow enough to see a task pass through its stages in the tracker. */
const POLL_INTERVAL_MS = 1000;

const SONG = 'Harbour Lights';
const SECOND_SONG = 'Paper Kites';

describe('Journey: follow a song from its task id to the lyrics', function () {
  let firstId = '';
  let secondId = '';

  const { page, gateway } = useJourney({ pollIntervalMs: POLL_INTERVAL_MS, viewport: { width: 1280, height: 800 } }, async ({ gateway }) => {
    // Starts before the gateway has done anything; every answered fetch moves it one stage on.
    firstId = gateway.addTask({ title: SONG, startStage: 'NOT_START', pollsPerStage: 1 });
    // Stays in progress, its clips streaming, until the test moves it on.
    secondId = gateway.addTask({ title: SECOND_SONG, startStage: 'IN_PROGRESS', pollsPerStage: 0 });
  });

  function clipIds(taskId: string): string[] {
    const info = gateway().taskInfo(taskId);
    assert.ok(info, `the gateway does not know ${taskId}`);
    return info.clipIds;
  }

  it('stores the API key typed into the password box', async function () {
    const tree = await openTracker(page());
    // Without a key the view asks for one.
    await page().locator('.part.sidebar .welcome-view-content', { hasText: 'set the API key' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await setApiKeyThroughUi(page(), 'test-key');
    // With a key it asks for a task instead.
    await page().locator('.part.sidebar .welcome-view-content', { hasText: 'No Suno tasks tracked yet' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await tree.count(), 1);
    assert.deepEqual(gateway().requests, [], 'storing a key must not call the gateway');
  });

  it('fetches a task by id and follows it in the tracker until it succeeds', async function () {
    await fetchTaskThroughUi(page(), firstId);
    const row = taskRow(page(), SONG);
    // The first answer says the task has not started: the row shows that before it finishes.
    const early = await waitForRowLabel(row, /, (pending|running)\b/);
    assert.match(early, new RegExp(`^${SONG}, `));
    const finished = await waitForRowLabel(row, /, succeeded\b/);
    assert.doesNotMatch(finished, /pending|running/);
    assert.equal(await rowIcon(row), 'pass');
    // Every request carried the key that was typed in.
    const requests = gateway().requests;
    assert.ok(requests.length >= 4, `expected a fetch and at least three polls, saw ${requests.length} requests`);
    assert.ok(requests.every((request) => request.authorized), 'a request went out without the stored key');
    assert.equal(gateway().stageOf(firstId), 'SUCCESS');

    await expandRow(row);
    const clips = clipRows(page());
    await waitUntil('two clip rows', async () => (await clips.count()) === 2);
    for (const label of await clips.allTextContents()) assert.match(label, /succeeded/);
  });

  it('opens the task panel, whose player plays the audio the gateway serves', async function () {
    // Fetching one task opens its panel.
    await editorTab(page(), SONG).waitFor({ timeout: UI_TIMEOUT_MS });
    const frame = await taskPanelFrame(page(), firstId);
    await waitUntil('the panel to show the finished task', async () => (await frame.locator('#task-status').getAttribute('data-status')) === 'succeeded');
    assert.equal((await frame.locator('#task-title').textContent())?.trim(), SONG);
    const [clipId, otherClipId] = clipIds(firstId);
    assert.equal(await frame.locator('article.clip').count(), 2);
    assert.equal(await frame.locator(`img.clip-cover[data-clip-id="${clipId}"]`).getAttribute('src'), `${gateway().url}/media/${clipId}-large.png`);
    assert.equal(await frame.locator(`audio[data-clip-id="${otherClipId}"]`).getAttribute('src'), `${gateway().url}/media/${otherClipId}.wav`);

    const playing = await play(frame, clipId);
    assert.equal(playing.src, `${gateway().url}/media/${clipId}.wav`);
    const later = await waitUntil('the playback position to advance', async () => {
      const state = await playerState(frame, clipId);
      return state.currentTime > playing.currentTime + 0.5 ? state : false;
    });
    assert.equal(later.paused, false);
  });

  it('keeps the video behind Show Video, after the lyrics, and offers the browser when it does not load', async function () {
    const frame = await taskPanelFrame(page(), firstId);
    const [clipId] = clipIds(firstId);
    const clip = frame.locator(`article.clip[data-clip-id="${clipId}"]`);
    const toggle = clip.locator(`button[data-action="toggleVideo"][data-clip-id="${clipId}"]`);
    assert.equal(await toggle.textContent(), 'Show Video');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await frame.locator('video').count(), 0, 'no video player until one is asked for');
    const lyricsBox = await clip.locator('.lyrics').boundingBox();
    const toggleBox = await toggle.boundingBox();
    assert.ok(lyricsBox && toggleBox && toggleBox.y >= lyricsBox.y + lyricsBox.height, 'the video toggle should follow the lyrics');

    // Mark the audio player: toggling the video must leave this very element and its position be.
    await frame.locator(`audio[data-clip-id="${clipId}"]`).evaluate((audio: HTMLMediaElementLike) => {
      audio.journeyMarker = 'the audio before the video was toggled';
    });
    const audioBefore = await playerState(frame, clipId);

    // By keyboard. The local gateway renders no video (its URLs answer 404): the player gives way
    // to a note with a link to the browser.
    await toggle.focus();
    await toggle.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await toggle.textContent(), 'Hide Video');
    const note = clip.locator(`.clip-video-unavailable[data-clip-id="${clipId}"]`);
    await note.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.match((await note.textContent()) ?? '', /Video not available/);
    assert.equal(await note.locator(`button[data-action="openVideo"][data-clip-id="${clipId}"]`).textContent(), 'Open in Browser');
    assert.equal(await clip.locator('video').count(), 0, 'the failed player should be gone');

    await toggle.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await note.isVisible(), false);
    const audioAfter = await playerState(frame, clipId);
    assert.equal(audioAfter.marker, 'the audio before the video was toggled', 'the panel replaced the audio element');
    assert.equal(audioAfter.src, audioBefore.src);
    assert.ok(audioAfter.currentTime >= audioBefore.currentTime, 'the audio went back to the start');
  });

  it('keeps playing a streaming clip while the task finishes and its audio becomes the final file', async function () {
    await fetchTaskThroughUi(page(), secondId);
    await waitForRowLabel(taskRow(page(), SECOND_SONG), /, running\b/);
    const frame = await taskPanelFrame(page(), secondId);
    const [clipId] = clipIds(secondId);
    const clip = frame.locator(`article.clip[data-clip-id="${clipId}"]`);
    await waitUntil('the clip to stream', async () => (await clip.getAttribute('data-streaming')) === 'true');

    const before = await play(frame, clipId);
    assert.equal(before.src, `${gateway().url}/stream/${clipId}`);
    // Mark this very element: a panel that re-rendered its player would lose the mark.
    await frame.locator(`audio[data-clip-id="${clipId}"]`).evaluate((audio: HTMLMediaElementLike) => {
      audio.journeyMarker = 'the player that was playing';
    });
    const updatesBefore = Number(await frame.locator('body').getAttribute('data-updates'));

    gateway().setStage(secondId, 'SUCCESS');
    await waitForRowLabel(taskRow(page(), SECOND_SONG), /, succeeded\b/);
    await waitUntil('the panel to apply the update', async () => Number(await frame.locator('body').getAttribute('data-updates')) > updatesBefore);
    await waitUntil('the clip to stop streaming', async () => (await clip.getAttribute('data-streaming')) === 'false');

    const switched = await waitUntil('the player to move to the final file and play on', async () => {
      const state = await playerState(frame, clipId);
      return state.src === `${gateway().url}/media/${clipId}.wav` && !state.paused ? state : false;
    });
    assert.equal(switched.marker, 'the player that was playing', 'the panel replaced the audio element');
    const after = await waitUntil('the playback position to keep advancing', async () => {
      const state = await playerState(frame, clipId);
      return state.currentTime > switched.currentTime + 0.5 ? state : false;
    });
    assert.equal(after.paused, false);
    // Carried on from where the stream was, not from the start.
    assert.ok(after.currentTime >= before.currentTime, `playback restarted: ${after.currentTime} s < ${before.currentTime} s`);
  });

  it('opens the panel from its tracker row and the lyrics from the panel', async function () {
    await openTracker(page());
    await taskRow(page(), SONG).locator('.label-name').click();
    await waitUntil('the panel of the first task to be the active tab', async () =>
      (await editorTab(page(), SONG).getAttribute('aria-selected')) === 'true',
    );
    const frame = await taskPanelFrame(page(), firstId);
    const button = frame.locator('#task-open-lyrics');
    await waitUntil('Open Lyrics to be enabled', async () => !(await button.isDisabled()));
    await button.click();

    const tab = editorTab(page(), `${SONG}.lyrics`);
    await tab.waitFor({ timeout: UI_TIMEOUT_MS });
    await waitUntil('the lyrics tab to be active', async () => (await tab.getAttribute('aria-selected')) === 'true');
    const text = await waitUntil('the lyrics text', async () => {
      const shown = await activeEditorText(page());
      return shown.includes('[Verse]') ? shown : false;
    });
    assert.match(text, /\[Chorus\]/);
    assert.match(text, /Lamplight on the harbour/);
    // The language mode is the extension's own.
    await page().locator('.part.statusbar', { hasText: 'Suno Lyrics' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('lists the lyrics sections as symbols and in the Outline view', async function () {
    await openPalette(page(), '@');
    const rows = page().locator('.quick-input-widget .monaco-list-row');
    const labels = await waitUntil('the sections in Go to Symbol', async () => {
      const texts = (await rows.locator('.label-name').allTextContents()).map((text) => text.trim());
      return texts.length >= 3 ? texts : false;
    });
    assert.deepEqual(labels, ['Verse', 'Chorus', 'Verse 2']);
    // Choosing a section moves the cursor to it.
    await quickPickRow(page(), 'Chorus').click();
    await page().locator('.part.statusbar', { hasText: 'Ln 7, Col 1' }).waitFor({ timeout: UI_TIMEOUT_MS });

    await runCommand(page(), 'Focus on Outline View');
    const outline = page()
      .locator('.part.sidebar .pane')
      .filter({ has: page().locator('.pane-header', { hasText: 'Outline' }) })
      .locator('.monaco-list-row .label-name');
    const outlined = await waitUntil('the sections in the Outline view', async () => {
      const texts = (await outline.allTextContents()).map((text) => text.trim());
      return texts.length >= 3 ? texts : false;
    });
    assert.deepEqual(outlined, ['Verse', 'Chorus', 'Verse 2']);
  });

  it('brings back the tracked tasks and the open panel after Developer: Reload Window', async function () {
    // The panel in front, the Explorer (not the tracker) in the sidebar: nothing but the panel
    // itself asks for the extension when the window comes back.
    await editorTab(page(), SONG).click();
    await taskPanelFrame(page(), firstId);
    await openViewContainer(page(), 'Explorer');
    const reloaded = page().waitForEvent('load', { timeout: UI_TIMEOUT_MS });
    await runCommand(page(), 'Developer: Reload Window');
    await reloaded;
    await page().locator('.monaco-workbench').waitFor({ timeout: UI_TIMEOUT_MS });
    await page().locator('.part.activitybar').waitFor({ timeout: UI_TIMEOUT_MS });

    const frame = await taskPanelFrame(page(), firstId, 60_000);
    await waitUntil('the restored panel to show the task', async () => (await frame.locator('#task-title').textContent())?.trim() === SONG);
    assert.equal(await frame.locator('#task-status').getAttribute('data-status'), 'succeeded');
    assert.equal(await frame.locator('article.clip').count(), 2);

    await openTracker(page());
    await waitForRowLabel(taskRow(page(), SONG), /, succeeded\b/);
    await waitForRowLabel(taskRow(page(), SECOND_SONG), /, succeeded\b/);
  });
});
