// Playwright helpers for the Get Started walkthrough in the Welcome editor: its page, its steps,
// their buttons and check marks. The walkthrough's words follow the display language, so each
// helper takes them (`WalkthroughWords`), English by default.
import type { Locator, Page } from 'playwright-core';
import { runCommand } from '../../harness/workbench';
import { UI_TIMEOUT_MS, waitUntil } from './workbenchUi';

/** The walkthrough's id as the workbench knows it: `<publisher>.<name>#<walkthrough id>`. */
const WALKTHROUGH = 'suno-tasks.suno-tasks#getStarted';

/** What the tests find the walkthrough by, in one display language. */
export interface WalkthroughWords {
  /** Its title (package.nls `walkthrough.getStarted.title`). */
  readonly title: string;
  /** The palette label of Suno: Get Started (`command.category`: `command.openWalkthrough.title`). */
  readonly getStartedCommand: string;
}

export const ENGLISH_WALKTHROUGH: WalkthroughWords = {
  title: 'Get started with Suno Tasks',
  getStartedCommand: 'Suno: Get Started',
};

/** The same in Simplified Chinese (package.nls.zh-cn.json). */
export const CHINESE_WALKTHROUGH: WalkthroughWords = {
  title: '开始使用 Suno Tasks',
  getStartedCommand: 'Suno: 开始使用',
};

/**
 * The walkthrough's page in the editor area: the Welcome editor showing the details of our
 * walkthrough (not its start page, which lists every walkthrough).
 */
export function walkthroughPage(page: Page, words = ENGLISH_WALKTHROUGH): Locator {
  return page
    .locator('.part.editor .gettingStarted.showDetails')
    .filter({ has: page.locator('h2.category-title', { hasText: words.title }) });
}

/**
 * Brings the walkthrough back to the front with Suno: Get Started when another editor (the
 * settings, a task's panel) covers it: the workbench shows a Welcome tab brought back to the
 * front at its start page.
 */
export async function showWalkthrough(page: Page, words = ENGLISH_WALKTHROUGH): Promise<void> {
  if (await walkthroughPage(page, words).isVisible()) return;
  await runCommand(page, words.getStartedCommand);
  await walkthroughPage(page, words).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** One step of the walkthrough, by the id package.json gives it. */
export function walkthroughStep(page: Page, id: string, words = ENGLISH_WALKTHROUGH): Locator {
  return walkthroughPage(page, words).locator(`button.getting-started-step[data-step-id=${JSON.stringify(`${WALKTHROUGH}#${id}`)}]`);
}

/** Selects a step (which shows its text and buttons) and clicks the button labelled `label`. */
export async function clickStepButton(page: Page, id: string, label: string, words = ENGLISH_WALKTHROUGH): Promise<void> {
  const step = walkthroughStep(page, id, words);
  await step.click();
  await waitUntil(`step ${id} to expand`, async () => (await step.getAttribute('aria-expanded')) === 'true');
  await step.locator('.button-container .monaco-button', { hasText: label }).click();
}

export async function waitForCheckMark(page: Page, id: string, words = ENGLISH_WALKTHROUGH): Promise<void> {
  const step = walkthroughStep(page, id, words);
  await waitUntil(`step ${id} to be checked off`, async () => (await step.getAttribute('aria-checked')) === 'true');
}

/** Which steps are checked off, by id, read in one go (the page re-renders its steps). */
export async function checkMarks(page: Page, words = ENGLISH_WALKTHROUGH): Promise<Record<string, boolean>> {
  const steps = walkthroughPage(page, words).locator('button.getting-started-step');
  const entries = await steps.evaluateAll((elements) =>
    elements.map((element) => [element.getAttribute('data-step-id') ?? '', element.getAttribute('aria-checked') === 'true'] as const),
  );
  return Object.fromEntries(entries.map(([id, checked]) => [id.slice(WALKTHROUGH.length + 1), checked]));
}
