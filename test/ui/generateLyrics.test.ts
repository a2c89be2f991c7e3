// Generate Lyrics in the real workbench: a prompt typed into the palette's input box becomes a
// lyrics task on the gateway (after the first-submit question); when it finishes, its lyrics open
// by themselves as a song document; Generate Song on that document creates a song task.
import * as assert from 'node:assert/strict';
import { runCommand } from '../harness/workbench';
import { journeyHooks, startJourney, type Journey } from './support/journey';
import { activeEditorText, openTracker, setApiKeyThroughUi, trackerRows, UI_TIMEOUT_MS, waitForInputBox, waitUntil } from './support/workbenchUi';

const PROMPT = 'a bright pop song about the sea';
/** What the local gateway titles lyrics written about PROMPT. */
const TITLE = 'A Bright Pop Song';

describe('Journey: generate lyrics, then a song from them', function () {
  let journey: Journey | undefined;

  before(async function () {
    journey = await startJourney({ pollIntervalMs: 500 });
  });

  const page = journeyHooks(() => journey);

  function gateway(): Journey['gateway'] {
    assert.ok(journey, 'the gateway did not start');
    return journey.gateway;
  }

  it('submits the prompt, and the finished lyrics open as a song document', async function () {
    await openTracker(page());
    await setApiKeyThroughUi(page(), 'test-key');
    await runCommand(page(), 'Suno: Generate Lyrics');
    const field = await waitForInputBox(page());
    await field.fill(PROMPT);
    await field.press('Enter');

    // The first submit to a gateway asks, naming it and the cost.
    const dialog = page().locator('.monaco-dialog-box').filter({ hasText: /spends credits/ });
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.locator('.monaco-button').filter({ hasText: /^Submit$/ }).click();

    await waitUntil('the lyrics submit', () => gateway().submits.length === 1);
    const [submit] = gateway().submits;
    assert.equal(submit.path, '/suno/submit/lyrics');
    assert.deepEqual(submit.body, { prompt: PROMPT });

    const text = await waitUntil('the lyrics as a song document', async () => {
      const shown = await activeEditorText(page());
      return shown.startsWith('---') && shown.includes(`title: ${TITLE}`) ? shown : false;
    });
    assert.match(text, /^---\ntitle: A Bright Pop Song\nmodel: chirp-auk\n---\n\[Verse\]\nI carry a bright pop song about the sea with me/);
    const tab = page().locator('.part.editor .tabs-container .tab.active');
    assert.match(String(await tab.getAttribute('aria-label')), /^Untitled-\d+/);
    await waitUntil('the lyrics task in the tracker', async () => (await trackerRows(page()).filter({ hasText: TITLE }).count()) >= 1);
  });

  it('generates a song from the lyrics document, tracked as a new task', async function () {
    await runCommand(page(), 'Suno: Generate Song');
    await waitUntil('the song submit', () => gateway().submits.length === 2);
    const submit = gateway().submits[1];
    assert.equal(submit.path, '/suno/submit/music');
    const body = submit.body as Record<string, unknown>;
    assert.equal(body.title, TITLE);
    assert.equal(body.mv, 'chirp-auk');
    assert.match(String(body.prompt), /^\[Verse\]\nI carry a bright pop song about the sea with me/);
    assert.ok(submit.taskId);

    const songRow = page().locator(`.part.sidebar [role="tree"][aria-label="Tasks"] .monaco-list-row[aria-level="1"][aria-label^=${JSON.stringify(`${TITLE}, song, `)}]`);
    await waitUntil('the song task in the tracker', async () => (await songRow.count()) === 1);
    await waitUntil('both tasks tracked', async () => (await trackerRows(page()).and(page().locator('[aria-level="1"]')).count()) === 2);
  });
});
