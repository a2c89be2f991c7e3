// Playwright helpers that drive the real VS Code workbench in Debian's headless Chromium.
// playwright-core never downloads a browser here: it only drives /usr/bin/chromium.
//
//   const gateway = await LocalGateway.start();          // src/localGateway/localGateway.ts
//   const workbench = await startWorkbench({
//     settings: { 'suno.baseUrl': gateway.url },           // user settings of the fresh profile
//     env: { SUNO_DEMO_API_KEY: 'test-key' },              // reaches the extension host
//   });
//   await runCommand(workbench.page, 'Suno: Fetch Task');
//   await typeInQuickInput(workbench.page, gateway.addTask());
//   ...
//   await workbench.close(); await gateway.close();      // in `after`
//
// Every helper waits for what it needs with a bounded timeout; failures throw Playwright's
// errors, which name the locator. Pair with screenshotOnFailure in `afterEach`.
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { projectRoot, resolveVscodeTools, testResultsDir } from './vscodeTools';

/**
 * Headless Chromium; Playwright gives it a throw-away profile that it removes on close. The
 * flags keep it off this machine's closed network; `extraArgs` adds a suite's own (autoplay).
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: resolveVscodeTools().chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export interface OpenWorkbenchOptions {
  /** Folder to open; the server's workspace by default. */
  folder?: string;
  /** Load the extension from this folder as under development; the project root by default. Pass null to rely on installed extensions only. */
  extensionDevelopmentPath?: string | null;
  /** How long to wait for the workbench to appear (default 60 s). */
  timeoutMs?: number;
}

/** Opens the workbench in a new page and waits until it has rendered. */
export async function openWorkbench(browser: Browser, server: CodeServer, options: OpenWorkbenchOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const developmentPath = options.extensionDevelopmentPath === undefined ? projectRoot : options.extensionDevelopmentPath;
  const url = server.workbenchUrl({
    folder: options.folder,
    ...(developmentPath ? { extensionDevelopmentPath: developmentPath } : {}),
  });
  const timeout = options.timeoutMs ?? 60_000;
  // Not the 'load' event within Playwright's default 30 s: a busy machine can take longer, and
  // the workbench is only there once its own script has rendered it.
  await page.goto(url, { timeout, waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout });
  // The activity bar is the last part to render; commands typed earlier can be lost.
  await page.locator('.part.activitybar').waitFor({ timeout });
  return page;
}

export interface Workbench {
  readonly server: CodeServer;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

export interface StartWorkbenchOptions extends CodeServerOptions, OpenWorkbenchOptions {}

/**
 * code-server + Chromium + an open workbench, with this project's extension loaded from the
 * project root (build it first: `npm run build`). Always `close()` it (in an `after` hook).
 * The smoke-test driver is on only when an extension is loaded as under development (it needs
 * it), so a workbench with `extensionDevelopmentPath: null` shows notification toasts.
 */
export async function startWorkbench(options: StartWorkbenchOptions = {}): Promise<Workbench> {
  const server = await startCodeServer({ ...options, smokeTestDriver: options.smokeTestDriver ?? options.extensionDevelopmentPath !== null });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await openWorkbench(browser, server, options);
    const openBrowser = browser;
    return {
      server,
      browser: openBrowser,
      page,
      close: async () => {
        await openBrowser.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw error;
  }
}

/**
 * Runs a command through the command palette by its label as shown there, e.g. 'Suno: Fetch Task'.
 * It clicks the row that showed the label: Enter would run whichever row the palette selected,
 * which is a recently used command when that also matches the text.
 *
 * The palette closes when something else takes the focus between finding the row and clicking
 * it (a task panel's webview that has just loaded, the walkthrough opening), leaving a hidden row
 * that a click waits on in vain. Playwright only clicks a visible row, so a click that could not
 * happen ran nothing, and the palette is opened again.
 */
export async function runCommand(page: Page, label: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await findInCommandPalette(page, label, Math.max(1000, deadline - Date.now()));
    try {
      await row.click({ timeout: Math.max(1000, Math.min(5000, deadline - Date.now())) });
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
  }
}

/**
 * Opens the command palette, types `>label` and returns the first row showing `label`, leaving
 * the palette open. The palette lists what is registered when it opens, and an extension's
 * commands arrive a few seconds after the workbench appears, so it reopens it until the row
 * shows up or `timeoutMs` passes.
 */
export async function findInCommandPalette(page: Page, label: string, timeoutMs = 60_000): Promise<Locator> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await openCommandPalette(page);
    await page.keyboard.type(`>${label}`);
    const row = quickPickRow(page, label);
    const remaining = deadline - Date.now();
    try {
      await row.waitFor({ timeout: Math.max(1000, Math.min(5000, remaining)) });
      return row;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Moves the keyboard focus to the workbench itself with a click on the middle of the status bar,
 * where no item sits. Keys pressed while a webview (a task panel) has the focus go to its iframe,
 * and a click on the editor's tab strip gives the focus right back to the webview.
 */
export async function focusWorkbench(page: Page): Promise<void> {
  const box = await page.locator('.part.statusbar').boundingBox();
  if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Opens the command palette (F1) with an empty filter. F1 is pressed again when the palette did
 * not show: a webview that finishes loading just after the click on the status bar takes the
 * focus back, and the key is lost on its way through the webview.
 */
export async function openCommandPalette(page: Page): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await focusWorkbench(page);
    await page.keyboard.press('F1');
    try {
      await widget.waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  // F1 pre-fills '>'; select it so the caller's text replaces it.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
}

/** The visible quick-pick row whose text contains `label` (case-insensitive, as Playwright's hasText). */
export function quickPickRow(page: Page, label: string): Locator {
  return page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: label }).first();
}

/** Types into the open quick input / input box and, unless `submit` is false, presses Enter. */
export async function typeInQuickInput(page: Page, text: string, submit = true): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
  if (submit) await input.press('Enter');
}

/**
 * Opens a view container from the activity bar by its title (e.g. 'Suno') and returns its sidebar.
 * A click on the item of the container already shown closes the sidebar, and a window that is
 * still restoring its layout may show the container just after the look: when the sidebar is not
 * up after a click, the item is clicked again.
 */
export async function openViewContainer(page: Page, title: string): Promise<Locator> {
  const item = activityBarItem(page, title);
  await item.waitFor({ timeout: 30_000 });
  // The click goes to the item's list entry: a badge (a count, a progress spinner) lies over the
  // whole icon as a sibling of its label, and would take a click aimed at the label.
  const entry = item.locator('..');
  const sidebar = page.locator('.part.sidebar');
  // The entry of the container on show is marked `checked` (the label itself carries no state).
  const isShown = async (): Promise<boolean> => ((await entry.getAttribute('class')) ?? '').split(/\s+/).includes('checked');
  for (let attempt = 1; ; attempt++) {
    if ((await isShown()) && (await sidebar.isVisible())) return sidebar;
    await entry.click();
    try {
      await sidebar.waitFor({ state: 'visible', timeout: 5_000 });
      if (await isShown()) return sidebar;
    } catch (error) {
      if (attempt === 3) throw error;
    }
    if (attempt === 3) return sidebar;
  }
}

/** The activity bar entry (the clickable icon) whose accessible name starts with `title`. */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`).first();
}

/** Saves a full-page PNG into test-results/ and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(testResultsDir(), `${name.replace(/[^\w.-]+/g, '_').slice(0, 120)}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  return file;
}

/**
 * For an `afterEach`: when the current test failed, saves a screenshot named after it and says
 * where. `afterEach(async function () { await screenshotOnFailure(this, workbench?.page); });`
 */
export async function screenshotOnFailure(context: Mocha.Context, page: Page | undefined): Promise<void> {
  const test = context.currentTest;
  if (!page || !test || test.state !== 'failed') return;
  const file = await saveScreenshot(page, test.fullTitle());
  console.log(`      screenshot: ${path.relative(projectRoot, file)}`);
}
