// Suno: Check Gateway as a person runs it: from the command palette, against a healthy local
// gateway and against broken ones (a web page, a refused key, no batch route, nothing listening),
// reading the report the editor opens. The top of the report names every problem.
//
// The tests of this file share one VS Code and run in order; the last one stops the gateway.
import * as assert from 'node:assert/strict';
import { runCommand } from '../harness/workbench';
import { useJourney } from './support/journey';
import { activeEditorText, openTracker, setApiKeyThroughUi, UI_TIMEOUT_MS, waitUntil } from './support/workbenchUi';

describe('Journey: checking the gateway', function () {
  let runs = 0;

  const { page, gateway, ifStarted } = useJourney({ pollIntervalMs: 1000 }, async ({ page }) => {
    await openTracker(page);
    await setApiKeyThroughUi(page, 'test-key');
  });

  afterEach(function () {
    ifStarted()?.gateway.setFault(null);
    ifStarted()?.gateway.setBatch(true);
    ifStarted()?.gateway.setApiKeys(['test-key']);
  });


  /**
   * Runs the command and returns the text of the report it opens (a new tab each run), on one
   * line: the editor wraps long lines of Markdown.
   */
  async function checkThroughUi(): Promise<string> {
    runs += 1;
    await runCommand(page(), 'Suno: Check Gateway');
    const tabs = page().locator('.part.editor .tabs-container .tab[role="tab"]').filter({ hasText: /^Gateway check/ });
    await waitUntil(`report ${runs} to open`, async () => (await tabs.count()) >= runs, UI_TIMEOUT_MS);
    return waitUntil('the report to show', async () => {
      const text = (await activeEditorText(page())).replace(/\s+/g, ' ');
      return /Checked .*(No problem found|see below)/.test(text) ? text : undefined;
    });
  }

  it('finds a healthy gateway healthy', async function () {
    const text = await checkThroughUi();
    assert.ok(text.startsWith('# Suno gateway check '));
    assert.ok(!/\d+ failed \(/.test(text), `a check failed:\n${text}`);
    for (const heading of ['Base URL: OK', 'Reachable: OK', 'Answers JSON: OK', 'API key: OK']) assert.ok(text.includes(`## ${heading}`), heading);
  });

  it('says a web page answered instead of the API', async function () {
    gateway().setFault({ kind: 'html', status: 200 });
    const text = await checkThroughUi();
    assert.match(text, /failed \(Answers JSON\)/);
    assert.match(text, /looks like a web page/);
  });

  it('says the key was refused', async function () {
    gateway().setApiKeys(['another-key']);
    const text = await checkThroughUi();
    assert.match(text, /failed \(API key\)/);
    assert.ok(!text.includes('test-key'), 'the key is shown');
  });

  it('says there is no batch route', async function () {
    gateway().setBatch(false);
    const text = await checkThroughUi();
    assert.match(text, /warnings? \([^)]*Batch route/);
    assert.ok(!/\d+ failed \(/.test(text), `a check failed:\n${text}`);
  });

  it('says nothing answers once the gateway is gone', async function () {
    await gateway().close();
    const text = await checkThroughUi();
    assert.match(text, /failed \(Reachable\)/);
    assert.match(text, /connection was refused/);
  });
});
