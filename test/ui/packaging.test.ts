// The .vsix that `npm run package` builds: it holds exactly what users need, and once installed
// into a clean VS Code it activates and registers its commands. scripts/test.sh packages the
// extension first and passes the file as SUNO_VSIX; on its own: `npm run test:ui`.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { activityBarItem, findInCommandPalette, runCommand, screenshotOnFailure, startWorkbench, type Workbench } from '../harness/workbench';
import { projectRoot } from '../harness/vscodeTools';
import { zipEntries } from '../harness/zipEntries';

const vsix = process.env.SUNO_VSIX ?? path.join(projectRoot, 'suno-tasks.vsix');

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
        'dist/extension.js',
        'media/icon.png',
        'media/suno-activity.svg',
        'media/dist/panel.js',
      ]) {
        assert.ok(files.includes(expected), `${expected} is missing from the .vsix`);
      }
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

    before(async function () {
      // No development path: only what the .vsix installed is loaded.
      workbench = await startWorkbench({ vsixFiles: [vsix], extensionDevelopmentPath: null });
    });

    afterEach(async function () {
      await screenshotOnFailure(this, workbench?.page);
    });

    after(async function () {
      await workbench?.close();
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

    it('shows its notifications as toasts, which the check for error toasts above relies on', async function () {
      // Without a stored key the command only says so, in an information message.
      await runCommand(page(), 'Suno: Clear API Key');
      const toast = page().locator('.notifications-toasts .notification-toast').filter({ hasText: 'No Suno API key is stored' });
      await toast.waitFor({ state: 'visible', timeout: 30_000 });
    });
  });
});
