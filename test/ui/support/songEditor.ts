// Playwright helpers for writing a song in the editor the way a person does: New Song's template
// filled in line by line from the keyboard.
import type { Page } from 'playwright-core';
import { UI_TIMEOUT_MS } from './workbenchUi';

/** What a test writes into New Song's template, in place of its placeholders. */
export interface SongDraft {
  readonly title: string;
  readonly style: string;
  readonly verse: readonly [string, string];
  readonly chorus: readonly [string, string];
}

/** Replaces the line the cursor is on with `text`, closing any suggestion list first and after. */
async function replaceLine(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

async function down(page: Page, lines: number): Promise<void> {
  for (let line = 0; line < lines; line++) await page.keyboard.press('ArrowDown');
}

/**
 * Fills in the template New Song has just opened: its title placeholder is selected, so typing
 * replaces it, once the editor has the focus and the selection (keys pressed earlier land at the
 * start of the document). The other placeholders are the lines below it, in the template's order.
 */
export async function fillSongTemplate(page: Page, song: SongDraft): Promise<void> {
  await page.locator('.part.editor .monaco-editor.focused .selected-text').first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.type(song.title);
  await down(page, 1);
  await replaceLine(page, `style: ${song.style}`);
  await down(page, 4);
  await replaceLine(page, song.verse[0]);
  await down(page, 1);
  await replaceLine(page, song.verse[1]);
  await down(page, 3);
  await replaceLine(page, song.chorus[0]);
  await down(page, 1);
  await replaceLine(page, song.chorus[1]);
}
