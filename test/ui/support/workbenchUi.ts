// Playwright helpers for the parts of the workbench the journeys touch that the harness does not
// cover: the Suno tracker's rows, the task panel's nested webview frames, input boxes (password,
// validation message), notifications, editor tabs and a polling `waitUntil`.
import type { Frame, Locator, Page } from 'playwright-core';
import * as path from 'node:path';
import { openCommandPalette, openViewContainer, runCommand, saveScreenshot } from '../../harness/workbench';
import { projectRoot } from '../../harness/vscodeTools';

/** Generous: the machines that run these tests are often busy with other suites. */
export const UI_TIMEOUT_MS = 45_000;

/**
 * Polls `check` until it returns a truthy value and returns that; fails with `what` and the last
 * value seen after `timeoutMs`. Errors thrown by `check` (a frame that went away while a panel
 * reloaded) count as "not yet".
 */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = UI_TIMEOUT_MS,
  intervalMs = 150,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error instanceof Error ? error.message.split('\n')[0] : error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last seen: ${JSON.stringify(last)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Runs a `before` hook's steps and, when they fail, saves a screenshot first: mocha runs no
 * `afterEach` for a failed `before`.
 */
export async function screenshotIfThrows<T>(page: () => Page | undefined, name: string, steps: () => Promise<T>): Promise<T> {
  try {
    return await steps();
  } catch (error) {
    const current = page();
    if (current) console.log(`      screenshot: ${path.relative(projectRoot, await saveScreenshot(current, name))}`);
    throw error;
  }
}

// ---- the command palette -----------------------------------------------------------------------

/**
 * Opens the command palette (F1) with `text` typed into it (`>Suno: Fetch Task`, or `@` for the
 * symbols of the active editor) and returns its field. Commands run by label with the harness's
 * runCommand.
 */
export async function openPalette(page: Page, text: string): Promise<Locator> {
  await openCommandPalette(page);
  const field = quickInputField(page);
  await field.fill(text);
  return field;
}

// ---- quick input -------------------------------------------------------------------------------

/** The text field of the quick input (command palette, input boxes, quick picks). */
export function quickInputField(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-box input');
}

/** The line under an input box: its prompt, or the validation message while the text is refused. */
export function quickInputMessage(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-message');
}

/** Waits for an input box (not the palette: its text does not start with '>') and returns its field. */
export async function waitForInputBox(page: Page, options: { password?: boolean } = {}, timeoutMs = UI_TIMEOUT_MS): Promise<Locator> {
  const field = options.password
    ? page.locator('.quick-input-widget .quick-input-box input[type="password"]')
    : quickInputField(page);
  await waitUntil('an input box to open', async () => (await field.isVisible()) && !(await field.inputValue()).startsWith('>'), timeoutMs);
  return field;
}

/**
 * Replaces text the open input box refused with `value`, and accepts it. The box checks new text
 * asynchronously and ignores Enter while its refusal still shows, so Enter waits until the
 * refusal has gone; then the box closes.
 */
export async function replaceRefusedAndAccept(page: Page, field: Locator, value: string): Promise<void> {
  const message = quickInputMessage(page);
  const refusal = await message.textContent();
  await field.fill(value);
  await waitUntil('the input box to take the new text', async () => (await message.textContent()) !== refusal);
  await field.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** Suno: Set API Key… through the palette and its password box; `title` is the command's in the display language. */
export async function setApiKeyThroughUi(page: Page, key: string, title = 'Suno: Set API Key'): Promise<void> {
  await runCommand(page, title);
  const field = await waitForInputBox(page, { password: true });
  await field.fill(key);
  await field.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/**
 * Suno: Fetch Task… through the palette; types `text` into its input box and presses Enter.
 * `title` is the command's in the display language.
 */
export async function fetchTaskThroughUi(page: Page, text: string, title = 'Suno: Fetch Task'): Promise<void> {
  await runCommand(page, title);
  const field = await waitForInputBox(page);
  await field.fill(text);
  await field.press('Enter');
}

// ---- the tracker -------------------------------------------------------------------------------

/** The tracker view's name in English (package.nls.json `view.tasks.name`). */
const TASKS_VIEW_NAME = 'Tasks';

/**
 * Opens the Suno view container and returns the Tasks tree (hidden while the view shows its
 * welcome content instead).
 */
export async function openTracker(page: Page, viewName = TASKS_VIEW_NAME): Promise<Locator> {
  const sidebar = await openViewContainer(page, 'Suno');
  const tree = sidebar.locator(`[role="tree"][aria-label=${JSON.stringify(viewName)}]`);
  await tree.waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  return tree;
}

/** Every row of the Tasks tree; `viewName` is the view's name in the display language. */
export function trackerRows(page: Page, viewName = TASKS_VIEW_NAME): Locator {
  return page.locator(`.part.sidebar [role="tree"][aria-label=${JSON.stringify(viewName)}] .monaco-list-row`);
}

/**
 * The tracker row of a task, found by its title: task rows are labelled for screen readers
 * `<title>, <kind>, <status>, <progress> percent, <time>` (src/tracker/spokenLabels.ts).
 */
export function taskRow(page: Page, title: string, viewName = TASKS_VIEW_NAME): Locator {
  return trackerRows(page, viewName).and(page.locator(`[aria-level="1"][aria-label^=${JSON.stringify(`${title}, `)}]`));
}

/** The clip rows under a task (level 2), in order. */
export function clipRows(page: Page, viewName = TASKS_VIEW_NAME): Locator {
  return trackerRows(page, viewName).and(page.locator('[aria-level="2"]'));
}

/** Waits until the row's accessible label matches `pattern` and returns the label. */
export async function waitForRowLabel(row: Locator, pattern: RegExp, timeoutMs = UI_TIMEOUT_MS): Promise<string> {
  return waitUntil(
    `a tracker row labelled ${String(pattern)}`,
    async () => {
      const label = (await row.count()) > 0 ? await row.first().getAttribute('aria-label') : null;
      return label !== null && pattern.test(label) ? label : false;
    },
    timeoutMs,
    100,
  );
}

/** The codicon a tracker row shows as its icon (`pass`, `error`, `loading`…). */
export async function rowIcon(row: Locator): Promise<string | null> {
  const className = await row.first().locator('.custom-view-tree-node-item-icon').getAttribute('class');
  return /codicon-([\w-]+)/.exec(className ?? '')?.[1] ?? null;
}

/** Expands a collapsed task row by its twistie (a click on the label would open the panel). */
export async function expandRow(row: Locator): Promise<void> {
  if ((await row.first().getAttribute('aria-expanded')) === 'true') return;
  await row.first().locator('.monaco-tl-twistie').click();
  await waitUntil('the row to expand', async () => (await row.first().getAttribute('aria-expanded')) === 'true');
}

/** The text the tracker shows above its rows for gateway problems (TreeView.message). */
export function trackerMessage(page: Page): Locator {
  return page.locator('.part.sidebar .pane-body .message');
}

// ---- task panels -------------------------------------------------------------------------------

/**
 * The frame of a task panel's page: webviews are an outer `iframe.webview` holding the page in an
 * inner `iframe#active-frame`; the page marks its body with the task id once it has rendered.
 * Frames come and go as panels are hidden, shown and restored, so look the frame up again after
 * such a change rather than keeping it.
 */
export async function taskPanelFrame(page: Page, taskId: string, timeoutMs = UI_TIMEOUT_MS): Promise<Frame> {
  return waitUntil(
    `the panel of task ${taskId}`,
    async () => {
      for (const frame of page.frames()) {
        // Not by name: Playwright keeps the name a frame had when attached ('pending-frame').
        if (frame.isDetached() || frame === page.mainFrame()) continue;
        const found = await frame.locator(`body[data-task-id=${JSON.stringify(taskId)}]`).count().catch(() => 0);
        if (found > 0) return frame;
      }
      return undefined;
    },
    timeoutMs,
    200,
  );
}

/** The editor tab labelled exactly `label` (a panel's title, a document's file name). */
export function editorTab(page: Page, label: string): Locator {
  return page.locator(`.part.editor .tabs-container .tab[role="tab"][aria-label=${JSON.stringify(label)}]`).first();
}

/** The text of the active text editor, as Monaco renders it (spaces normalised). */
export async function activeEditorText(page: Page): Promise<string> {
  const lines = page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines .view-line');
  const texts = await lines.evaluateAll((elements) =>
    elements
      .map((element) => ({ top: Number.parseFloat((element as { style: { top: string } }).style.top) || 0, text: element.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text),
  );
  return texts.join('\n').replace(/\u00a0/g, ' ');
}

// ---- notifications -----------------------------------------------------------------------------

/**
 * A notification whose text matches `pattern`: its toast, or when no toast shows, its entry in
 * the notification centre (opened from the status bar's bell). A workbench started with the smoke
 * test driver enabled, as every journey is, never shows toasts at all; the centre lists every
 * notification either way, with the same buttons.
 */
export async function findNotification(page: Page, pattern: RegExp, timeoutMs = UI_TIMEOUT_MS): Promise<Locator> {
  const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: pattern }).first();
  const center = page.locator('.notifications-center');
  const listed = center.locator('.notification-list-item').filter({ hasText: pattern }).first();
  return waitUntil(
    `a notification matching ${String(pattern)}`,
    async () => {
      if (await toast.isVisible()) return toast;
      if (!(await center.isVisible())) {
        await page.locator('.part.statusbar [aria-label^="Notifications"]').first().click();
        await center.waitFor({ state: 'visible', timeout: 5000 });
      }
      return (await listed.isVisible()) ? listed : undefined;
    },
    timeoutMs,
    300,
  );
}

/** Closes the notification centre if it is open. */
export async function hideNotifications(page: Page): Promise<void> {
  const center = page.locator('.notifications-center');
  if (!(await center.isVisible())) return;
  await center.locator('.codicon-notifications-hide').click();
  await center.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** The button of a notification, by its label. */
export function notificationButton(notification: Locator, label: string): Locator {
  return notification.locator('.monaco-button').filter({ hasText: label }).first();
}

// ---- dialogs -----------------------------------------------------------------------------------

/** The workbench's modal dialog, once its text matches `pattern`. */
export async function modalDialog(page: Page, pattern: RegExp): Promise<Locator> {
  const dialog = page.locator('.monaco-dialog-box').filter({ hasText: pattern });
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
  return dialog;
}

/** The button of a modal dialog labelled exactly `label`. */
export function dialogButton(dialog: Locator, label: string): Locator {
  return dialog.locator('.dialog-buttons .monaco-button').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
