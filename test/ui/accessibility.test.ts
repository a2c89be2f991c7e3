// The task panel for people who use a screen reader or the keyboard, in the real workbench:
// axe-core, run inside the panel's page, finds no serious or critical violation in a dark, a
// light and a high-contrast theme (contrast included), for a finished, a failed and a running
// task; a change of status is announced through the polite live region; Tab walks through the
// buttons and players in reading order, with a visible focus. The tracker's row and the status
// bar item speak the running task's status and progress.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { quickPickRow, runCommand } from '../harness/workbench';
import { useJourney } from './support/journey';
import {
  editorTab,
  fetchTaskThroughUi,
  openTracker,
  quickInputField,
  setApiKeyThroughUi,
  taskPanelFrame,
  taskRow,
  UI_TIMEOUT_MS,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';

const THEMES = [
  { theme: 'Dark Modern', workbenchClass: 'vs-dark', webviewClass: 'vscode-dark' },
  { theme: 'Light Modern', workbenchClass: 'vs', webviewClass: 'vscode-light' },
  { theme: 'Dark High Contrast', workbenchClass: 'hc-black', webviewClass: 'vscode-high-contrast' },
] as const;

const FINISHED = 'Harbour Lights';
const FAILED = 'Neon Rain';
const RUNNING = 'Paper Kites';

/** What a violation of axe-core's report holds that the report below prints. */
interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly html: string; readonly failureSummary?: string }[];
}

/** The page's global axe, once the script is evaluated in it (the project compiles without the DOM library). */
interface AxeGlobal {
  readonly axe?: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
  readonly document: unknown;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core inside a panel's page (the inner frame of the webview) and returns its serious
 * and critical violations. Evaluated through the debugging protocol, so the page's Content
 * Security Policy, which lets only its own script run, does not stand in the way.
 */
async function seriousViolations(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => {
    const page = globalThis as unknown as AxeGlobal;
    if (page.axe === undefined) throw new Error('axe-core did not load in the panel');
    const results = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return results.violations;
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** One paragraph per violation, one line per element, for the test's failure message. */
function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) =>
      [
        `${violation.impact ?? 'unknown'}: ${violation.id} — ${violation.help} (${violation.helpUrl})`,
        ...violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.html}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** What identifies the focused element of the panel, or null when focus is on the page itself. */
async function focusedControl(frame: Frame): Promise<string | null> {
  return frame.evaluate(() => {
    const active = (globalThis as unknown as { document: { activeElement: FocusedLike | null } }).document.activeElement;
    if (active === null || active.tagName === 'BODY') return null;
    const where = active.closest('article.clip')?.getAttribute('data-clip-id') ?? 'task';
    const what = active.getAttribute('data-action') ?? active.tagName.toLowerCase();
    return `${where} ${what}`;
  });
}

/** What `focusedControl` uses of an element. */
interface FocusedLike {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  closest(selector: string): FocusedLike | null;
}

describe('Journey: the task panel with a screen reader and the keyboard', function () {
  const ids = { finished: '', failed: '', running: '' };

  const { page, gateway } = useJourney({ pollIntervalMs: 300 }, async ({ gateway, page }) => {
    ids.finished = gateway.addTask({ title: FINISHED, startStage: 'SUCCESS' });
    ids.failed = gateway.addTask({ title: FAILED, startStage: 'FAILURE', failReason: 'The upstream service timed out while generating the song.' });
    ids.running = gateway.addTask({ title: RUNNING, startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    await openTracker(page);
    await setApiKeyThroughUi(page, 'test-key');
    for (const id of [ids.running, ids.failed, ids.finished]) {
      await fetchTaskThroughUi(page, id);
      await taskPanelFrame(page, id);
    }
  });

  /** Switches the theme the way a person does: Preferences: Color Theme, then its name. */
  async function applyTheme(current: Page, theme: string, workbenchClass: string): Promise<void> {
    await runCommand(current, 'Preferences: Color Theme');
    await waitUntil('the theme picker', async () => !(await quickInputField(current).inputValue()).startsWith('>'));
    await quickInputField(current).fill(theme);
    await quickPickRow(current, theme).waitFor({ timeout: UI_TIMEOUT_MS });
    await quickInputField(current).press('Enter');
    await waitUntil(`the ${theme} theme`, async () =>
      current.locator('.monaco-workbench').evaluate((element, wanted) => element.classList.contains(wanted), workbenchClass),
    );
  }

  /** The panel of a task brought to the front, rendered in the theme whose class its body carries. */
  async function panelInTheme(taskId: string, title: string, webviewClass: string): Promise<Frame> {
    await editorTab(page(), title).click();
    const frame = await taskPanelFrame(page(), taskId);
    await waitUntil(`the panel of ${title} in the new theme`, async () =>
      frame.locator('body').evaluate((body, wanted) => body.classList.contains(wanted), webviewClass),
    );
    return frame;
  }

  for (const { theme, workbenchClass, webviewClass } of THEMES) {
    it(`has no serious or critical axe-core violation in ${theme}`, async function () {
      await applyTheme(page(), theme, workbenchClass);
      const report: string[] = [];
      const panels = [
        { taskId: ids.finished, title: FINISHED, ready: 'audio[src]' },
        { taskId: ids.failed, title: FAILED, ready: '#task-failure' },
        { taskId: ids.running, title: RUNNING, ready: 'article.clip[data-streaming="true"]' },
      ];
      for (const { taskId, title, ready } of panels) {
        const frame = await panelInTheme(taskId, title, webviewClass);
        await frame.locator(ready).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
        const violations = await seriousViolations(frame);
        if (violations.length > 0) report.push(`The panel of ${title} in ${theme}:\n${describeViolations(violations)}`);
      }
      assert.equal(report.length, 0, report.join('\n\n'));
    });
  }

  it('speaks status and progress for the tracker row and the status bar item', async function () {
    const label = await waitForRowLabel(taskRow(page(), RUNNING), /, running\b/);
    assert.match(label, /^Paper Kites, song, running, \d+ percent(, .+)?$/);
    const statusBarItem = page().locator('.part.statusbar [aria-label^="1 Suno task running: "]').first();
    await statusBarItem.waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    assert.match(String(await statusBarItem.getAttribute('aria-label')), /^1 Suno task running: Paper Kites, running, \d+ percent$/);
  });

  it('announces a change of status through the polite live region', async function () {
    await editorTab(page(), RUNNING).click();
    const frame = await taskPanelFrame(page(), ids.running);
    const announcer = frame.locator('#task-announcer');
    assert.equal(await announcer.getAttribute('aria-live'), 'polite');
    await frame.locator('#task-status[data-status="running"]').waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    assert.equal((await announcer.textContent())?.trim(), '', 'nothing is announced before anything changed');

    gateway().setStage(ids.running, 'SUCCESS');
    const said = await waitUntil('the announcement', async () => {
      const text = (await announcer.textContent())?.trim();
      return text ? text : undefined;
    });
    assert.equal(said, `${RUNNING}: succeeded.`);
  });

  it('moves the keyboard focus through the buttons and players in reading order', async function () {
    await editorTab(page(), FINISHED).click();
    const frame = await taskPanelFrame(page(), ids.finished);
    const expected = await frame.evaluate(() => {
      const page = globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<FocusedLike & { readonly disabled?: boolean; readonly hidden: boolean }> } };
      const order: string[] = [];
      for (const control of page.document.querySelectorAll('button, audio, video')) {
        if (control.disabled === true || control.hidden || control.closest('[hidden]') !== null) continue;
        const where = control.closest('article.clip')?.getAttribute('data-clip-id') ?? 'task';
        order.push(`${where} ${control.getAttribute('data-action') ?? control.tagName.toLowerCase()}`);
      }
      return order;
    });
    assert.ok(expected.includes('task openLyrics') && expected.some((control) => control.endsWith(' audio')), expected.join(', '));

    await frame.locator('#task-open-lyrics').focus();
    const visited: string[] = [];
    // A player's own controls (play, timeline, volume, menu) are stops inside it: count each
    // element once, in the order it is first reached.
    for (let presses = 0; presses < expected.length * 8 && visited.length < expected.length; presses++) {
      const focused = await focusedControl(frame);
      if (focused !== null && visited.at(-1) !== focused) visited.push(focused);
      await page().keyboard.press('Tab');
    }
    assert.deepEqual(visited, expected);

    // Focus is visible: a focused button draws the focus border's outline.
    await frame.locator('#task-download').focus();
    await page().keyboard.press('Shift+Tab');
    await page().keyboard.press('Tab');
    const outline = await frame.locator('#task-download').evaluate((button) => {
      const style = (globalThis as unknown as { getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string } }).getComputedStyle(button);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    assert.equal(outline, 'solid 2px');
  });
});
