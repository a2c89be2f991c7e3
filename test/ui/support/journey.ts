// A local gateway, a real VS Code (code-server) pointed at it, and Chromium driving its
// workbench: what every journey test file starts in `before` and closes in `after`.
//
// The extension under test is loaded from the project root as under development, like the
// harness's own tests (build it first: `npm run build`). It polls the gateway fast because the
// code-server process gets SUNO_TEST_MODE=1 and SUNO_TEST_POLL_INTERVAL_MS.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from '../../harness/codeServer';
import { projectRoot } from '../../harness/vscodeTools';
import { launchChromium, screenshotOnFailure } from '../../harness/workbench';
import { screenshotIfThrows } from './workbenchUi';
import { LocalGateway, type LocalGatewayOptions } from '../../../src/localGateway/localGateway';

export interface JourneyOptions {
  /** Milliseconds between two polls of the gateway (test mode only). */
  readonly pollIntervalMs: number;
  /** User settings besides the gateway address. */
  readonly settings?: Record<string, unknown>;
  /** Extra environment for code-server and so the extension host. */
  readonly env?: Record<string, string>;
  readonly gateway?: LocalGatewayOptions;
  /** The browser window's size; screenshots are taken at this size. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** VS Code's display language (code-server's `--locale`); English by default. */
  readonly locale?: string;
}

export interface Journey {
  readonly gateway: LocalGateway;
  readonly server: CodeServer;
  readonly browser: Browser;
  readonly page: Page;
  /** Stops everything that was started, in reverse order; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Chromium as the harness launches it, plus autoplay without a user gesture: a click into a
 * webview's nested iframe is a gesture there, but the tests must not depend on how Chromium
 * propagates it across two frame boundaries.
 */
function launchBrowser(): Promise<Browser> {
  return launchChromium(['--autoplay-policy=no-user-gesture-required', '--mute-audio']);
}

/** Settings every journey shares: the local gateway, no completion pop-ups over the screenshots. */
export function journeySettings(gatewayUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'suno.baseUrl': gatewayUrl,
    'suno.notifyOnCompletion': 'never',
    // Nothing but the tests' own editors and panels.
    'workbench.editor.enablePreview': false,
    'workbench.layoutControl.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'window.commandCenter': false,
    'breadcrumbs.enabled': false,
    'editor.minimap.enabled': false,
    ...extra,
  };
}

/** How long the workbench may take to appear on a busy machine. */
const WORKBENCH_TIMEOUT_MS = 120_000;

/**
 * Opens the workbench with the extension under development, like the harness's openWorkbench,
 * with a navigation timeout that allows for a busy machine and the viewport the screenshots use.
 */
async function openJourneyPage(browser: Browser, server: CodeServer, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  context.setDefaultNavigationTimeout(WORKBENCH_TIMEOUT_MS);
  const page = await context.newPage();
  await page.goto(server.workbenchUrl({ extensionDevelopmentPath: projectRoot }), { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
  // The activity bar is the last part to render; commands typed earlier can be lost.
  await page.locator('.part.activitybar').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
  return page;
}

export async function startJourney(options: JourneyOptions): Promise<Journey> {
  const started: { close(): Promise<void> }[] = [];
  const close = async (): Promise<void> => {
    for (const resource of started.splice(0).reverse()) await resource.close().catch(() => undefined);
  };
  try {
    const gateway = await LocalGateway.start(options.gateway);
    started.push(gateway);
    const server = await startCodeServer({
      // Loading the extension under development needs the driver; notifications then reach only
      // the notification centre (see findNotification).
      smokeTestDriver: true,
      ...(options.locale === undefined ? {} : { locale: options.locale }),
      settings: journeySettings(gateway.url, options.settings),
      env: {
        SUNO_TEST_MODE: '1',
        SUNO_TEST_POLL_INTERVAL_MS: String(options.pollIntervalMs),
        ...options.env,
      },
    });
    started.push({ close: () => server.stop() });
    const browser = await launchBrowser();
    started.push({ close: () => browser.close() });
    const page = await openJourneyPage(browser, server, options.viewport ?? { width: 1280, height: 800 });
    return { gateway, server, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The hooks every journey suite shares, registered in its `describe`: a screenshot of the
 * workbench when a test fails, and everything closed after the last test. `current` gives the
 * journey its `before` started. Returns the started journey's page, for the tests.
 */
export function journeyHooks(current: () => Journey | undefined): () => Page {
  afterEach(async function () {
    await screenshotOnFailure(this, current()?.page);
  });

  after(async function () {
    await current()?.close();
  });

  return () => {
    const journey = current();
    assert.ok(journey, 'the workbench did not start');
    return journey.page;
  };
}

/** What `useJourney` hands a suite: the started journey's parts, once `before` has run. */
export interface JourneyFixture {
  page(): Page;
  gateway(): LocalGateway;
  journey(): Journey;
  /** The journey when `before` got as far as starting it: for cleanup hooks. */
  ifStarted(): Journey | undefined;
}

/**
 * The UI suites' fixture, as `useExtensionWithGateway` is the integration suites': registered in
 * a `describe`, it starts a journey in `before`, runs the suite's own `setUp` on it (with a
 * screenshot named after the suite when that throws), and adds the shared hooks.
 */
export function useJourney(options: JourneyOptions, setUp?: (journey: Journey) => Promise<void>): JourneyFixture {
  let current: Journey | undefined;
  before(async function () {
    const started = await startJourney(options);
    current = started;
    if (setUp) await screenshotIfThrows(() => started.page, `${this.test?.parent?.title ?? 'journey'} before`, () => setUp(started));
  });
  const page = journeyHooks(() => current);
  const journey = (): Journey => {
    assert.ok(current, 'the workbench did not start');
    return current;
  };
  return { page, journey, gateway: () => journey().gateway, ifStarted: () => current };
}
