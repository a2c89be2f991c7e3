// The extension as VS Code for the web runs it: in the browser's web worker extension host, from
// its `browser` bundle. code-server runs an extension there when the user setting
// `remote.extensionKind` gives it the kind `web`; the installed .vsix (build it first:
// `npm run package`) is then loaded from dist/web/extension.js in a worker of the page, and its
// requests to the gateway are the page's: cross-origin, preflighted, subject to CORS.
//
// The tests of the first suite share one VS Code and run in order; the gateway allows
// cross-origin requests until the CORS tests at the end refuse them. The second suite starts
// VS Code in Simplified Chinese, where the worker reads the extension's translations through
// the workbench rather than from a disk.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { projectRoot } from '../harness/vscodeTools';
import { launchChromium, openWorkbench, runCommand, screenshotOnFailure } from '../harness/workbench';
import { LocalGateway } from '../../src/localGateway/localGateway';
import { journeySettings } from './support/journey';
import {
  activeEditorText,
  editorTab,
  fetchTaskThroughUi,
  findNotification,
  openTracker,
  quickInputMessage,
  replaceRefusedAndAccept,
  setApiKeyThroughUi,
  taskPanelFrame,
  taskRow,
  UI_TIMEOUT_MS,
  waitForInputBox,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';
import { fillSongTemplate } from './support/songEditor';
import { CHINESE_WALKTHROUGH, walkthroughPage } from './support/walkthroughUi';

const vsix = process.env.SUNO_VSIX ?? path.join(projectRoot, 'suno-tasks.vsix');
const EXTENSION_ID = 'suno-tasks.suno-tasks';
const SONG = 'Lanterns Over Water';
/** The song the web worker submits. */
const NEW_SONG = 'Paper Boats';

/** What the callback uses of an <audio> element (the project compiles without the DOM library). */
interface AudioLike {
  readonly paused: boolean;
  readonly currentTime: number;
  play(): Promise<void>;
}

/** What a suite of this file works with once its workbench has started. */
interface WebWorkbench {
  page(): Page;
  gateway(): LocalGateway;
  server(): CodeServer;
}

/**
 * Registers, in a `describe`, hooks that start a local gateway that allows cross-origin requests
 * and a VS Code that runs the installed package in its web worker extension host, in the display
 * language `locale` (English by default), and close them after the suite.
 */
function useWebWorkbench(options: { readonly locale?: string } = {}): WebWorkbench {
  let gateway: LocalGateway | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  before(async function () {
    assert.ok(existsSync(vsix), `${vsix} does not exist: run \`npm run package\` first`);
    gateway = await LocalGateway.start({ allowCrossOrigin: true });
    server = await startCodeServer({
      // No development path and no smoke-test driver: the installed package, as a user has it,
      // and notifications show as toasts.
      vsixFiles: [vsix],
      ...(options.locale === undefined ? {} : { locale: options.locale }),
      settings: journeySettings(gateway.url, {
        'remote.extensionKind': { [EXTENSION_ID]: ['web'] },
        // The worker has no environment, so no test mode: the real floor of 5 s between polls.
        'suno.pollIntervalSeconds': 5,
      }),
    });
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required', '--mute-audio']);
    page = await openWorkbench(browser, server, { extensionDevelopmentPath: null, timeoutMs: 120_000 });
  });

  afterEach(async function () {
    await screenshotOnFailure(this, page);
  });

  after(async function () {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await gateway?.close();
  });

  return {
    page: () => {
      assert.ok(page, 'the workbench did not start');
      return page;
    },
    gateway: () => {
      assert.ok(gateway, 'the gateway did not start');
      return gateway;
    },
    server: () => {
      assert.ok(server, 'the server did not start');
      return server;
    },
  };
}

/**
 * Asserts through Developer: Show Running Extensions that Suno Tasks runs in the web worker
 * extension host, not in the server's Node one (whose extensions show its address instead).
 * The dialog is VS Code's own, in English whatever the display language (the stub language pack
 * translates nothing of VS Code).
 */
async function assertRunsInWebWorker(page: Page, server: CodeServer): Promise<void> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const running = page.getByRole('dialog', { name: 'Running Extensions' });
  let previous = '';
  const text = await waitUntil('Suno Tasks among the running extensions', async () => {
    const shown = (await running.innerText().catch(() => '')).replace(/\s+/g, ' ');
    if (/Suno Tasks \S+ web worker/i.test(shown)) return shown;
    // The list renders only the rows in view, and with many built-in extensions active ours can
    // be below them: scroll on a few rows at a time, and back to the top from the bottom.
    await running.hover();
    await page.mouse.wheel(0, shown === previous ? -100_000 : 200);
    previous = shown;
    return undefined;
  });
  assert.doesNotMatch(text, new RegExp(`Suno Tasks \\S+ ${server.url.replace(/^http:\/\//, '').replace(/\./g, '\\.')}`));
  await page.keyboard.press('Escape');
  await running.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

describe('Journey: the extension in the browser\'s web worker extension host', function () {
  const web = useWebWorkbench();
  const workbench = (): Page => web.page();
  const localGateway = (): LocalGateway => web.gateway();
  let playedTaskId = '';

  /** Runs Suno: Check Gateway and returns its `run`th report's text, on one line. */
  async function checkThroughUi(run: number): Promise<string> {
    await runCommand(workbench(), 'Suno: Check Gateway');
    const tabs = workbench().locator('.part.editor .tabs-container .tab[role="tab"]').filter({ hasText: /^Gateway check/ });
    await waitUntil(`report ${run} to open`, async () => (await tabs.count()) >= run);
    return waitUntil('the report to show', async () => {
      const text = (await activeEditorText(workbench())).replace(/\s+/g, ' ');
      return /Checked .*(No problem found|see below)/.test(text) ? text : undefined;
    });
  }

  it('runs in the web worker extension host', async function () {
    await openTracker(workbench());
    // The first activation on a fresh profile opens the walkthrough a moment after the tracker
    // activated the extension; a palette opened in that moment could lose its row.
    await walkthroughPage(workbench()).waitFor({ timeout: UI_TIMEOUT_MS });
    await setApiKeyThroughUi(workbench(), 'test-key');
    await assertRunsInWebWorker(workbench(), web.server());
  });

  it('tracks a task from a gateway that allows cross-origin requests, and plays it in the panel', async function () {
    const id = localGateway().addTask({ title: SONG, startStage: 'IN_PROGRESS', pollsPerStage: 1 });
    playedTaskId = id;
    await fetchTaskThroughUi(workbench(), id);
    await openTracker(workbench());
    await waitForRowLabel(taskRow(workbench(), SONG), /, succeeded\b/);
    const requests = localGateway().requests.filter((request) => request.ids.includes(id));
    assert.ok(requests.length >= 2, `expected the fetch and a poll, saw ${requests.length} requests`);
    // The page's requests, not Node's: each came with the page's Origin and the stored key.
    for (const request of requests) {
      assert.ok(request.origin !== null, `${request.method} ${request.path} came without an Origin: not from the browser`);
      assert.ok(request.authorized, `${request.method} ${request.path} came without the key`);
    }

    const frame: Frame = await taskPanelFrame(workbench(), id);
    await waitUntil('the panel to show the finished task', async () => (await frame.locator('#task-status').getAttribute('data-status')) === 'succeeded');
    const clipId = localGateway().taskInfo(id)?.clipIds[0];
    assert.ok(clipId);
    const audio = frame.locator(`audio[data-clip-id="${clipId}"]`);
    assert.equal(await audio.getAttribute('src'), `${localGateway().url}/media/${clipId}.wav`);
    await audio.evaluate((element: AudioLike) => element.play());
    await waitUntil('the audio to play', async () => {
      const state = await audio.evaluate((element: AudioLike) => ({ paused: element.paused, currentTime: element.currentTime }));
      return !state.paused && state.currentTime > 0.5;
    });
  });

  it('opens the lyrics from the panel as a document', async function () {
    // The panel the previous test played in.
    const frame = await taskPanelFrame(workbench(), playedTaskId);
    const button = frame.locator('#task-open-lyrics');
    await waitUntil('Open Lyrics to be enabled', async () => !(await button.isDisabled()));
    await button.click();
    const tab = editorTab(workbench(), `${SONG}.lyrics`);
    await waitUntil('the lyrics tab to be active', async () => (await tab.getAttribute('aria-selected')) === 'true');
    const text = await waitUntil('the lyrics text', async () => {
      const shown = await activeEditorText(workbench());
      return shown.includes('[Verse]') ? shown : false;
    });
    assert.match(text, /\[Chorus\]/);
    await workbench().locator('.part.statusbar', { hasText: 'Suno Lyrics' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('submits a song written in the editor from the browser, and tracks the new task', async function () {
    await runCommand(workbench(), 'Suno: New Song');
    await editorTab(workbench(), 'Untitled-1').waitFor({ timeout: UI_TIMEOUT_MS });
    await fillSongTemplate(workbench(), {
      title: NEW_SONG,
      style: 'folk, harmonica',
      verse: ['Folded from the morning news', 'Sailing down the gutter'],
      chorus: ['Paper boats, paper boats', 'Carry the rain away'],
    });

    const host = new URL(localGateway().url).host;
    const lens = workbench().locator('.part.editor .codelens-decoration a', { hasText: `Generate on ${host}` });
    await lens.waitFor({ timeout: UI_TIMEOUT_MS });
    await lens.click();
    const dialog = workbench().locator('.monaco-dialog-box').filter({ hasText: /spends credits/ });
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(localGateway().submits.length, 0, 'sent before the confirmation');
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Submit$/ }).click();

    const [submit] = await waitUntil('the submit', () => (localGateway().submits.length === 1 ? localGateway().submits : undefined));
    assert.ok(submit.origin !== null, 'the submit came without an Origin: not from the browser');
    assert.equal(submit.authorized, true);
    assert.equal(submit.status, 200);
    const body = submit.body as Record<string, unknown>;
    assert.equal(body.title, NEW_SONG);
    assert.equal(body.tags, 'folk, harmonica');
    assert.equal(body.prompt, '[Verse]\nFolded from the morning news\nSailing down the gutter\n\n[Chorus]\nPaper boats, paper boats\nCarry the rain away');
    await openTracker(workbench());
    await waitUntil('the new task in the tracker', async () => (await taskRow(workbench(), NEW_SONG).count()) === 1);
  });

  it('checks in Suno: Check Gateway whether the gateway allows cross-origin requests', async function () {
    const allowed = await checkThroughUi(1);
    assert.match(allowed, /No problem found/);
    localGateway().setAllowCrossOrigin(false);
    const refused = await checkThroughUi(2);
    assert.match(refused, /failed \([^)]*Cross-origin requests/);
    assert.match(refused, /does not allow requests from the browser \(CORS\)/);
    // The gateway answers: only the browser keeps its answers from the extension. (In Node's
    // extension host the same gateway has no problem at all.)
    assert.ok(refused.includes('## Reachable: OK'), refused);
  });

  it('says that a gateway refusing cross-origin requests cannot be used from the browser', async function () {
    localGateway().setAllowCrossOrigin(false);
    const id = localGateway().addTask({ title: 'Behind a Wall', startStage: 'SUCCESS' });
    await fetchTaskThroughUi(workbench(), id);
    const host = new URL(localGateway().url).host;
    const notification = await findNotification(workbench(), /does not allow requests from the browser \(CORS\)/);
    const text = (await notification.innerText()).replace(/\s+/g, ' ');
    assert.match(text, new RegExp(`The gateway at ${host.replace(/\./g, '\\.')} does not allow requests from the browser \\(CORS\\), so it cannot be used from vscode\\.dev`));
    // The browser refused at the preflight: the gateway never saw the request itself.
    assert.deepEqual(
      localGateway().requests.filter((request) => request.ids.includes(id)),
      [],
    );
  });
});

describe('Journey: the extension in the web worker extension host speaks the display language', function () {
  // Manifest strings (package.nls.zh-cn.json) come with the manifest the server reads; the code's
  // own words (l10n/bundle.l10n.zh-cn.json) the worker has to load from the extension's location.
  const web = useWebWorkbench({ locale: 'zh-cn' });

  it('names the view and welcomes in Chinese, and asks for the key in Chinese', async function () {
    const page = web.page();
    const sidebar = page.locator('.part.sidebar');
    await openTracker(page, '任务');
    await sidebar.locator('.welcome-view-content', { hasText: '首先，请设置网关提供给你的 API 密钥。' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await walkthroughPage(page, CHINESE_WALKTHROUGH).waitFor({ timeout: UI_TIMEOUT_MS });

    await runCommand(page, 'Suno: 设置 API 密钥…');
    const field = await waitForInputBox(page, { password: true });
    await field.fill('   ');
    // A vscode.l10n.t sentence of the code, not of the manifest.
    await waitUntil('the Chinese validation message', async () => ((await quickInputMessage(page).textContent()) ?? '').includes('请粘贴网关账户中的 API 密钥。'));
    await replaceRefusedAndAccept(page, field, 'test-key');
    await sidebar.locator('.welcome-view-content', { hasText: '尚未跟踪任何 Suno 任务。' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await assertRunsInWebWorker(page, web.server());
  });
});
