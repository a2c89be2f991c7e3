// The workbench as a user sees it, driven in Chromium: the extension (loaded from the project,
// as under development) shows up in the command palette and in the activity bar, and its empty
// view shows the welcome content.
//
// UI tests run with mocha in plain Node (out/test/ui/**/*.test.js). To add one, create
// test/ui/<name>.test.ts; start a workbench in `before`, close it in `after`, and keep the
// screenshot-on-failure hook. Start a LocalGateway from src/localGateway/localGateway.ts in the
// test process and pass its URL through `settings` ('suno.baseUrl') and the key through `env`.
import * as assert from 'node:assert/strict';
import {
  activityBarItem,
  findInCommandPalette,
  openViewContainer,
  runCommand,
  screenshotOnFailure,
  startWorkbench,
  typeInQuickInput,
  type Workbench,
} from '../harness/workbench';
import { LocalGateway } from '../../src/localGateway/localGateway';
import { taskRow } from './support/workbenchUi';

// The callback below runs in the browser, where getComputedStyle exists; the project compiles
// without the DOM library.
declare const getComputedStyle: (element: unknown) => { getPropertyValue(name: string): string };

describe('Workbench with the extension under development', function () {
  let gateway: LocalGateway | undefined;
  let workbench: Workbench | undefined;

  before(async function () {
    // A key for a local gateway: the view then shows its "no tasks yet" welcome, and nothing
    // reaches outside 127.0.0.1.
    gateway = await LocalGateway.start();
    workbench = await startWorkbench({ settings: { 'suno.baseUrl': gateway.url }, env: { SUNO_DEMO_API_KEY: 'test-key' } });
  });

  afterEach(async function () {
    await screenshotOnFailure(this, workbench?.page);
  });

  after(async function () {
    await workbench?.close();
    await gateway?.close();
  });

  function page(): Workbench['page'] {
    assert.ok(workbench, 'the workbench did not start');
    return workbench.page;
  }

  it('finds "Suno: Fetch Task" in the command palette', async function () {
    const row = await findInCommandPalette(page(), 'Suno: Fetch Task');
    assert.match((await row.textContent()) ?? '', /Suno: Fetch Task/);
    await page().keyboard.press('Escape');
  });

  it('shows the Suno view container in the activity bar with its icon', async function () {
    const item = activityBarItem(page(), 'Suno');
    await item.waitFor({ timeout: 30_000 });
    // Contributed icons are drawn as a CSS mask of the SVG file.
    const mask = await item.evaluate((element) => {
      const style = getComputedStyle(element);
      return style.getPropertyValue('mask-image') || style.getPropertyValue('-webkit-mask-image');
    });
    assert.match(mask, /suno-activity\.svg/);
  });

  it('opens the Suno view with the welcome content', async function () {
    const sidebar = await openViewContainer(page(), 'Suno');
    // The welcome content follows context keys the extension sets once it has activated.
    const welcome = sidebar.locator('.welcome-view-content', { hasText: 'No Suno tasks tracked yet' });
    await welcome.waitFor({ timeout: 30_000 });
    const button = welcome.getByRole('button', { name: 'Fetch Task' });
    assert.equal(await button.isVisible(), true);
  });

  it('opens the command palette while a task panel has the keyboard focus', async function () {
    assert.ok(gateway);
    await runCommand(page(), 'Suno: Fetch Task');
    await typeInQuickInput(page(), gateway.addTask({ title: 'Focus Thief' }));
    // Fetching one task opens its panel; a click into it gives the webview the keyboard focus,
    // and F1 pressed there never reaches the workbench.
    // Webviews sit in an overlay over the editor, not inside the editor part.
    const webview = page().locator('iframe.webview').first();
    await webview.waitFor({ state: 'visible', timeout: 30_000 });
    await webview.click();
    const row = await findInCommandPalette(page(), 'Suno: Fetch Task', 20_000);
    assert.match((await row.textContent()) ?? '', /Suno: Fetch Task/);
    await page().keyboard.press('Escape');
  });

  it('opens a view container whose icon shows a badge over it', async function () {
    assert.ok(gateway);
    await runCommand(page(), 'Suno: Fetch Task');
    await typeInQuickInput(page(), gateway.addTask({ title: 'Still Running', startStage: 'IN_PROGRESS', pollsPerStage: 0 }));
    const item = activityBarItem(page(), 'Suno');
    await page().locator('.part.activitybar .badge[aria-label*="running"]').waitFor({ timeout: 30_000 });
    await openViewContainer(page(), 'Explorer');
    await openViewContainer(page(), 'Suno');
    // The task's row in the sidebar's Tasks tree.
    const row = taskRow(page(), 'Still Running');
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await row.isVisible(), true);
    assert.match((await item.getAttribute('aria-label')) ?? '', /running/);
  });
});
