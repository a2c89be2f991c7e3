// The extension as VS Code for the web runs it: in the browser's web worker extension host, from
// its `browser` bundle. code-server runs an extension there when the user setting
// `remote.extensionKind` gives it the kind `web`; the installed .vsix (build it first:
// `npm run package`) is then loaded from dist/web/extension.js in a worker of the page, and its
// requests to the gateway are the page's: cross-origin, preflighted, subject to CORS.
//
// The tests of this file share one VS Code and run in order; the gateway allows cross-origin
// requests until the third test refuses them.
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
  fetchTaskThroughUi,
  findNotification,
  openTracker,
  setApiKeyThroughUi,
  taskPanelFrame,
  taskRow,
  UI_TIMEOUT_MS,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';

const vsix = process.env.SUNO_VSIX ?? path.join(projectRoot, 'suno-tasks.vsix');
const EXTENSION_ID = 'suno-tasks.suno-tasks';
const SONG = 'Lanterns Over Water';

/** What the callback uses of an <audio> element (the project compiles without the DOM library). */
interface AudioLike {
  readonly paused: boolean;
  readonly currentTime: number;
  play(): Promise<void>;
}

describe('Journey: the extension in the browser\'s web worker extension host', function () {
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

  function workbench(): Page {
    assert.ok(page, 'the workbench did not start');
    return page;
  }

  function localGateway(): LocalGateway {
    assert.ok(gateway, 'the gateway did not start');
    return gateway;
  }

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
    await setApiKeyThroughUi(workbench(), 'test-key');
    await runCommand(workbench(), 'Developer: Show Running Extensions');
    const running = workbench().getByRole('dialog', { name: 'Running Extensions' });
    const text = await waitUntil('Suno Tasks among the running extensions', async () => {
      const shown = (await running.innerText().catch(() => '')).replace(/\s+/g, ' ');
      return /Suno Tasks \S+ web worker/i.test(shown) ? shown : undefined;
    });
    // Not in the server's Node extension host, whose extensions show its address instead.
    assert.doesNotMatch(text, new RegExp(`Suno Tasks \\S+ ${server?.url.replace(/^http:\/\//, '').replace(/\./g, '\\.')}`));
    await workbench().keyboard.press('Escape');
    await running.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  });

  it('tracks a task from a gateway that allows cross-origin requests, and plays it in the panel', async function () {
    const id = localGateway().addTask({ title: SONG, startStage: 'IN_PROGRESS', pollsPerStage: 1 });
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
