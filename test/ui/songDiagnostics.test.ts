// Song diagnostics in the real workbench: typing an unknown key and lyrics past the model's
// limit into a song document shows squiggles and entries in the Problems view, and the quick fix
// offered from the light bulb (Ctrl+.) fixes the key.
import * as assert from 'node:assert/strict';
import { runCommand } from '../harness/workbench';
import { journeyHooks, startJourney, type Journey } from './support/journey';
import { activeEditorText, UI_TIMEOUT_MS, waitUntil } from './support/workbenchUi';

const LYRICS_LIMIT_V4 = 3000;

describe('Journey: a song document’s problems and a quick fix', function () {
  let journey: Journey | undefined;

  before(async function () {
    journey = await startJourney({ pollIntervalMs: 1000 });
  });

  const page = journeyHooks(() => journey);

  function editor(): ReturnType<ReturnType<typeof page>['locator']> {
    return page().locator('.part.editor .editor-group-container.active .monaco-editor').first();
  }

  it('marks an unknown key and over-long lyrics as the user types, in the editor and in Problems', async function () {
    await runCommand(page(), 'Suno: New Song');
    await waitUntil('the new song in the editor', async () => (await activeEditorText(page())).startsWith('---'));
    await editor().click();
    await page().keyboard.press('ControlOrMeta+A');
    await page().keyboard.press('Backspace');
    // Typed as a paste: the editor takes it as one edit, like a person pasting lyrics.
    await page().keyboard.insertText(`---\ntitle: Harbour\ntags: rock\nmodel: chirp-v4\n---\n[Verse]\n${'la '.repeat(LYRICS_LIMIT_V4 / 3 + 10)}\n`);

    await editor().locator('.squiggly-error').first().waitFor({ timeout: UI_TIMEOUT_MS });
    // The status bar's problem counts open the Problems view.
    await page().locator('.part.statusbar [id="status.problems"]').first().click();
    const problems = page().locator('.markers-panel .monaco-list-row');
    const texts = await waitUntil('both problems listed', async () => {
      const rows = await problems.allTextContents();
      const joined = rows.join('\n');
      return /Unknown key/.test(joined) && /lyrics have \d+ characters; v4 \(chirp-v4\) takes at most 3000/.test(joined) ? rows : false;
    });
    assert.ok(texts.some((row) => /Unknown key "?tags/.test(row)), texts.join('\n'));
  });

  it('fixes the unknown key with the quick fix from the light bulb', async function () {
    // On the `tags` line (the third), where the fix is offered.
    await editor().click();
    await page().keyboard.press('ControlOrMeta+Home');
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('ControlOrMeta+.');
    const fix = page().locator('.action-widget .monaco-list-row').filter({ hasText: 'Change to "style"' }).first();
    await fix.waitFor({ timeout: UI_TIMEOUT_MS });
    await fix.click();

    const text = await waitUntil('the key fixed', async () => {
      const shown = await activeEditorText(page());
      return shown.includes('style: rock') ? shown : false;
    });
    assert.doesNotMatch(text, /tags:/);
    const problems = page().locator('.markers-panel .monaco-list-row');
    await waitUntil('only the lyrics problem left', async () => {
      const joined = (await problems.allTextContents()).join('\n');
      return !/Unknown key/.test(joined) && /takes at most 3000/.test(joined);
    });
  });
});
