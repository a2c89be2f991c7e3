// The .vsix that `npm run package` builds: it holds exactly what users need, and once installed
// into a clean VS Code it activates and registers its commands. scripts/test.sh packages the
// extension first and passes the file as SUNO_VSIX; on its own: `npm run test:ui`.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { activityBarItem, findInCommandPalette, openViewContainer, runCommand, screenshotOnFailure, startWorkbench, type Workbench } from '../harness/workbench';
import { projectRoot } from '../harness/vscodeTools';
import { zipEntries } from '../harness/zipEntries';
import { createSecondExtension, FOREIGN_GATEWAY, PROBE_COMMAND_TITLE, PROBED_GATEWAY, type SecondExtension } from './support/secondExtension';
import { setApiKeyThroughUi, UI_TIMEOUT_MS, waitUntil } from './support/workbenchUi';

const vsix = process.env.SUNO_VSIX ?? path.join(projectRoot, 'suno-tasks.vsix');

/** The images the manifest's walkthroughs name, theme variants included. */
function walkthroughMedia(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    contributes: { walkthroughs: { steps: { media: Record<string, unknown> }[] }[] };
  };
  return manifest.contributes.walkthroughs
    .flatMap((walkthrough) => walkthrough.steps)
    .flatMap(({ media }) => [media.svg, media.image, media.markdown])
    .flatMap((file) => (typeof file === 'object' && file !== null ? Object.values(file) : [file]))
    .filter((file): file is string => typeof file === 'string');
}

describe('Packaged extension (.vsix)', function () {
  before(function () {
    assert.ok(existsSync(vsix), `${vsix} does not exist: run \`npm run package\` first`);
  });

  describe('contents', function () {
    let files: string[] = [];

    before(function () {
      // Everything the extension ships sits under extension/ in the archive.
      files = zipEntries(vsix)
        .filter((entry) => entry.startsWith('extension/'))
        .map((entry) => entry.slice('extension/'.length));
    });

    it('holds the extension bundle, its media, the webview script and the documents', function () {
      for (const expected of [
        'package.json',
        'dist/extension.mjs',
        'dist/web/extension.js',
        'media/icon.png',
        'media/suno-activity.svg',
        'media/dist/panel.js',
        'package.nls.json',
        'package.nls.zh-cn.json',
        'l10n/bundle.l10n.zh-cn.json',
      ]) {
        assert.ok(files.includes(expected), `${expected} is missing from the .vsix`);
      }
      // What the entry loads on first use (commands, the song engine, the gateway check).
      assert.ok(files.some((file) => /^dist\/chunks\/[^/]+\.mjs$/.test(file)), 'no chunk of the extension bundle in the .vsix');
      for (const image of walkthroughMedia()) assert.ok(files.includes(image), `${image}, an image of the walkthrough, is missing from the .vsix`);
      // vsce renames the documents: readme.md, changelog.md, LICENSE.txt.
      for (const document of [/^readme\.md$/i, /^changelog\.md$/i, /^license(\.txt|\.md)?$/i]) {
        assert.ok(files.some((file) => document.test(file)), `no file matching ${String(document)} in the .vsix`);
      }
    });

    it('leaves out sources, tests, tooling, other bundles and source maps', function () {
      const unwanted = files.filter(
        (file) =>
          /^(src|test|out|node_modules|scripts|docs|\.vscode-test|\.ci|test-results)\//.test(file) ||
          /\.(map|ts|vsix)$/.test(file) ||
          file === 'dist/localGateway.js' ||
          file === 'dist/cli.js',
      );
      assert.deepEqual(unwanted, []);
    });
  });

  describe('installed into a clean VS Code', function () {
    let workbench: Workbench | undefined;
    let secondExtension: SecondExtension | undefined;

    before(async function () {
      secondExtension = createSecondExtension();
      // No development path: only what the .vsix installed is loaded, next to another extension,
      // and the test switch is off, as on a user's machine.
      workbench = await startWorkbench({
        vsixFiles: [vsix, secondExtension.vsix],
        extensionDevelopmentPath: null,
        env: { SUNO_TEST_MODE: '0' },
      });
    });

    afterEach(async function () {
      await screenshotOnFailure(this, workbench?.page);
    });

    after(async function () {
      await workbench?.close();
      secondExtension?.dispose();
    });

    function page(): Workbench['page'] {
      assert.ok(workbench, 'the workbench did not start');
      return workbench.page;
    }

    it('is installed from the .vsix, not loaded from the project', function () {
      assert.ok(workbench);
      // Nothing to load as under development, so no smoke-test driver: it would hide the toasts
      // the tests below look at.
      assert.equal(workbench.server.smokeTestDriver, false);
      assert.throws(() => workbench?.server.workbenchUrl({ extensionDevelopmentPath: projectRoot }), /smokeTestDriver/);
      const installed = readdirSync(workbench.server.extensionsDir);
      assert.ok(installed.some((name) => name.startsWith('suno-tasks.suno-tasks-')), `extensions folder holds: ${installed.join(', ')}`);
      assert.doesNotMatch(workbench.server.output(), /Loading development extension/);
    });

    it('offers its commands in the command palette and its view container in the activity bar', async function () {
      await findInCommandPalette(page(), 'Suno: Fetch Task');
      await page().keyboard.press('Escape');
      await activityBarItem(page(), 'Suno').waitFor({ timeout: 30_000 });
    });

    it('activates and runs "Suno: Fetch Task"', async function () {
      await runCommand(page(), 'Suno: Fetch Task');
      // The command asks for a task id; an extension that failed to activate shows an error instead.
      const input = page().locator('.quick-input-widget .quick-input-box input');
      const deadline = Date.now() + 30_000;
      while ((!(await input.isVisible()) || (await input.inputValue()).startsWith('>')) && Date.now() < deadline) {
        await page().waitForTimeout(200);
      }
      assert.equal(await input.isVisible(), true, 'no input box appeared after running the command');
      assert.doesNotMatch(await input.inputValue(), /^>/, 'the command palette is still open');
      // The message only: a toast's whole text also holds the styles its list injects.
      const errors = await page().locator('.notifications-toasts .notification-toast .notification-list-item-message').allTextContents();
      assert.deepEqual(errors.filter((text) => /not found|failed|error/i.test(text)), []);
      await page().keyboard.press('Escape');
    });

    it('opened its walkthrough on that first run, in the background', async function () {
      // Installed, not in test mode: the first activation (Fetch Task above) opened the walkthrough
      // behind the input box it left open.
      const tab = page().locator('.part.editor .tabs-container .tab[role="tab"]', { hasText: 'Welcome' });
      await tab.waitFor({ timeout: UI_TIMEOUT_MS });
      await page().locator('.part.editor h2.category-title', { hasText: 'Get started with Suno Tasks' }).waitFor({ timeout: UI_TIMEOUT_MS });
    });

    it('shows its notifications as toasts, which the check for error toasts above relies on', async function () {
      // Without a stored key the command only says so, in an information message.
      await runCommand(page(), 'Suno: Clear API Key');
      const toast = page().locator('.notifications-toasts .notification-toast').filter({ hasText: 'No Suno API key is stored' });
      await toast.waitFor({ state: 'visible', timeout: 30_000 });
    });

    it('gives another extension neither its API nor its key, and changes no key at its request', async function () {
      assert.ok(secondExtension);
      const welcome = page().locator('.part.sidebar .welcome-view-content');
      await setApiKeyThroughUi(page(), 'sk-user-key-0123456789');
      await openViewContainer(page(), 'Suno');
      await welcome.filter({ hasText: 'No Suno tasks tracked yet' }).waitFor({ timeout: UI_TIMEOUT_MS });

      await runCommand(page(), PROBE_COMMAND_TITLE);
      // Each key command run with the other extension's arguments stops at a modal question.
      const setDialog = await modalDialog(/asks you to enter a Suno API key/);
      assert.ok((await setDialog.innerText()).includes(`for ${FOREIGN_GATEWAY}`), 'the question names the gateway the key would go to');
      await setDialog.locator('.dialog-buttons .monaco-button', { hasText: 'Cancel' }).click();
      const clearDialog = await modalDialog(/Remove the API key for/);
      assert.match(await clearDialog.innerText(), /Another extension or a link asks for this/);
      await clearDialog.locator('.dialog-buttons .monaco-button', { hasText: 'Cancel' }).click();

      const report = await waitUntil('the other extension to report', async () => secondExtension?.report());
      assert.deepEqual(report, {
        found: true,
        activateResult: 'undefined',
        exports: 'undefined',
        secretSeen: null,
        setApiKeyResult: false,
        clearApiKeyResult: false,
      });
      // The key is still there: the tracker still offers Fetch Task, not Set API Key.
      await welcome.filter({ hasText: 'No Suno tasks tracked yet' }).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.equal(await welcome.filter({ hasText: 'set the API key' }).count(), 0, `the key for ${PROBED_GATEWAY} was removed`);
    });

    /** The workbench's modal dialog, once its text matches `pattern`. */
    async function modalDialog(pattern: RegExp): Promise<ReturnType<Workbench['page']['locator']>> {
      const dialog = page().locator('.monaco-dialog-box').filter({ hasText: pattern });
      await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
      return dialog;
    }
  });
});
