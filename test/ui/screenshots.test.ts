// The README's screenshots, taken from the real workbench so that they show the extension as it
// is: the tracker and the task panel, in a dark and a light theme (tracker-dark.png,
// panel-dark.png, tracker-light.png, panel-light.png), and in a dark theme with VS Code's display
// language set to Simplified Chinese (tracker-dark.zh-cn.png, panel-dark.zh-cn.png; code-server
// started with `--locale zh-cn`, where VS Code's own words stay English and ours are Chinese).
//
// A test run writes them to test-results/screenshots/ (git-ignored): tests never rewrite tracked
// files. `npm run screenshots` runs this file alone with SUNO_SCREENSHOTS_DIR=docs to regenerate
// the README's copies.
//
// The same tasks with the same titles every time: a finished song (expanded to its two clips, its
// lyrics open beside it), a song still in progress, a lyrics task and a failed song.
import * as assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { projectRoot } from '../harness/vscodeTools';
import { quickPickRow, runCommand } from '../harness/workbench';
import { journeyHooks, startJourney, type Journey } from './support/journey';
import {
  clipRows,
  editorTab,
  expandRow,
  fetchTaskThroughUi,
  openTracker,
  quickInputField,
  screenshotIfThrows,
  setApiKeyThroughUi,
  taskPanelFrame,
  taskRow,
  UI_TIMEOUT_MS,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';

const screenshotsDir = path.resolve(projectRoot, process.env.SUNO_SCREENSHOTS_DIR ?? path.join('test-results', 'screenshots'));

const DARK = { name: 'dark', theme: 'Dark Modern', workbenchClass: 'vs-dark', webviewClass: 'vscode-dark' };
const LIGHT = { name: 'light', theme: 'Light Modern', workbenchClass: 'vs', webviewClass: 'vscode-light' };

/** A display language the screenshots are taken in: the words the tests wait for, in it. */
interface ScreenshotLanguage {
  readonly title: string;
  /** code-server's `--locale`; VS Code's default (English) when undefined. */
  readonly locale?: string;
  /** Added to each file name before `.png`: `tracker-dark.zh-cn.png`. */
  readonly fileSuffix: string;
  /** The tracker view's name (package.nls `view.tasks.name`). */
  readonly viewName: string;
  /** The titles of the commands the screenshots run (package.nls `command.*.title`). */
  readonly commands: { readonly setApiKey: string; readonly fetchTask: string };
  /** Task statuses as the tracker's rows speak them (`formatStatus`). */
  readonly status: { readonly succeeded: string; readonly running: string; readonly failed: string };
  readonly themes: readonly (typeof DARK)[];
}

const LANGUAGES: readonly ScreenshotLanguage[] = [
  {
    title: 'English',
    fileSuffix: '',
    viewName: 'Tasks',
    commands: { setApiKey: 'Suno: Set API Key', fetchTask: 'Suno: Fetch Task' },
    status: { succeeded: 'succeeded', running: 'running', failed: 'failed' },
    themes: [DARK, LIGHT],
  },
  {
    title: 'Simplified Chinese',
    locale: 'zh-cn',
    fileSuffix: '.zh-cn',
    viewName: '任务',
    commands: { setApiKey: 'Suno: 设置 API 密钥…', fetchTask: 'Suno: 获取任务…' },
    status: { succeeded: '已成功', running: '运行中', failed: '已失败' },
    themes: [DARK],
  },
];

const FINISHED = 'Harbour Lights';
const RUNNING = 'Paper Kites';
const LYRICS = 'Morning Tram';
const FAILED = 'Neon Rain';

// Fixed task ids: the gateway derives clip ids, and from them the cover art and the audio, from
// the task id, so the screenshots only change when the extension does (and in relative times).
const FINISHED_ID = '3f6c2a1e-8b4d-4e7a-9c52-1d0e7b6a4f83';
const RUNNING_ID = 'a72d9e40-5c1b-4f38-8e6d-2b9c0f41d7a5';
const LYRICS_ID = 'c05b8f27-e3a9-4d16-b7f4-6a2e1c9d8b30';
const FAILED_ID = '9e41d7b3-2f6a-4c85-a0d9-7b3e5f12c64e';

/** What the callbacks below use of an <img> (the project compiles without the DOM library). */
interface ImageLike {
  readonly complete: boolean;
  readonly naturalWidth: number;
}

/** Lets the workbench paint what it just changed. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const frame = (globalThis as unknown as { requestAnimationFrame(callback: () => void): void }).requestAnimationFrame;
        frame(() => frame(() => resolve()));
      }),
  );
}

/** Drags the sash between the sidebar and the editor so that the tracker's rows fit. */
async function widenSidebar(page: Page, width: number): Promise<void> {
  const sidebar = page.locator('.part.sidebar');
  const box = await sidebar.boundingBox();
  assert.ok(box, 'the sidebar is not visible');
  const edge = box.x + box.width;
  await page.mouse.move(edge + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await waitUntil('the sidebar to widen', async () => ((await sidebar.boundingBox())?.width ?? 0) > box.width + 40);
}

/** A spoken row label's status, right after the title and the kind (`…, song, succeeded, …`). */
function spokenStatus(word: string): RegExp {
  return new RegExp(`, ${word}(,|$)`);
}

/** One workbench in `language`, and its screenshots in each of its themes. */
function describeScreenshots(language: ScreenshotLanguage): void {
  describe(`README screenshots (${language.title})`, function () {
    let journey: Journey | undefined;
    let finishedId = '';
    let runningId = '';

    before(async function () {
      journey = await startJourney({
        pollIntervalMs: 500,
        viewport: { width: 1280, height: 800 },
        ...(language.locale === undefined ? {} : { locale: language.locale }),
      });
      const { gateway, page } = journey;
      await screenshotIfThrows(() => journey?.page, `README screenshots (${language.title}) before`, async () => {
        finishedId = gateway.addTask({ id: FINISHED_ID, title: FINISHED, startStage: 'SUCCESS' });
        runningId = gateway.addTask({ id: RUNNING_ID, title: RUNNING, startStage: 'IN_PROGRESS', pollsPerStage: 0 });
        const lyrics = gateway.addTask({ id: LYRICS_ID, title: LYRICS, dialect: 'lyrics', startStage: 'SUCCESS' });
        const failed = gateway.addTask({
          id: FAILED_ID,
          title: FAILED,
          startStage: 'FAILURE',
          failReason: 'The upstream service timed out while generating the song.',
        });
        await openTracker(page, language.viewName);
        await setApiKeyThroughUi(page, 'test-key', language.commands.setApiKey);
        // Several ids at once; the first one asked for ends up on top of the tracker.
        await fetchTaskThroughUi(page, [finishedId, runningId, lyrics, failed].join(' '), language.commands.fetchTask);
        const { status, viewName } = language;
        await waitForRowLabel(taskRow(page, FINISHED, viewName), spokenStatus(status.succeeded));
        await waitForRowLabel(taskRow(page, RUNNING, viewName), spokenStatus(status.running));
        await waitForRowLabel(taskRow(page, LYRICS, viewName), spokenStatus(status.succeeded));
        await waitForRowLabel(taskRow(page, FAILED, viewName), spokenStatus(status.failed));
        // The finished song's panel and the lyrics document opened from it, then the panel of the
        // song in progress: its clips stream, with cover, player and lyrics in view together.
        await taskRow(page, FINISHED, language.viewName).locator('.label-name').click();
        const frame = await taskPanelFrame(page, finishedId);
        await frame.locator('#task-open-lyrics:not([disabled])').click({ timeout: UI_TIMEOUT_MS });
        await editorTab(page, `${FINISHED}.lyrics`).waitFor({ timeout: UI_TIMEOUT_MS });
        await taskRow(page, RUNNING, language.viewName).locator('.label-name').click();
        await taskPanelFrame(page, runningId);
        await widenSidebar(page, 400);
      });
    });

    const page = journeyHooks(() => journey);

    /** Switches the theme the way a person does: Preferences: Color Theme, then its name. */
    async function applyTheme(theme: string, workbenchClass: string): Promise<void> {
      const isApplied = (): Promise<boolean> =>
        page().locator('.monaco-workbench').evaluate((element, wanted) => element.classList.contains(wanted), workbenchClass);
      await runCommand(page(), 'Preferences: Color Theme');
      await waitUntil('the theme picker', async () => !(await quickInputField(page()).inputValue()).startsWith('>'));
      await quickInputField(page()).fill(theme);
      await quickPickRow(page(), theme).waitFor({ timeout: UI_TIMEOUT_MS });
      await quickInputField(page()).press('Enter');
      await waitUntil(`the ${theme} theme`, isApplied);
    }

    async function save(name: string): Promise<void> {
      mkdirSync(screenshotsDir, { recursive: true });
      // The pointer rests on an empty part of the activity bar, where nothing shows a hover.
      await page().mouse.move(24, 560);
      await settle(page());
      const file = path.join(screenshotsDir, `${name}${language.fileSuffix}.png`);
      await page().screenshot({ path: file });
      assert.ok(statSync(file).size > 20_000, `${file} looks empty`);
    }

    async function panelReady(frame: Frame, webviewClass: string): Promise<void> {
      await waitUntil('the panel in the new theme', async () =>
        frame.locator('body').evaluate((body, wanted) => body.classList.contains(wanted), webviewClass),
      );
      await waitUntil('the covers to load', async () =>
        frame.locator('img.clip-cover').evaluateAll(
          (elements) =>
            elements.length > 0 &&
            elements.every((element) => {
              const image = element as unknown as ImageLike;
              return image.complete && image.naturalWidth > 0;
            }),
        ),
      );
      assert.equal(await frame.locator('audio[src]').count(), 2, 'both players should have their audio');
      assert.ok((await frame.locator('.lyrics-section h3').count()) >= 2, 'the lyrics sections should show');
    }

    for (const { name, theme, workbenchClass, webviewClass } of language.themes) {
      it(`shows the tracker with a finished song's clips and its lyrics (${name})`, async function () {
        await applyTheme(theme, workbenchClass);
        await openTracker(page(), language.viewName);
        const row = taskRow(page(), FINISHED, language.viewName);
        await expandRow(row);
        await waitUntil('both clip rows', async () => (await clipRows(page(), language.viewName).count()) === 2);
        // The finished song selected (a click on its row opens its panel), its lyrics in front.
        await row.locator('.label-name').click();
        await waitUntil('its panel', async () => (await editorTab(page(), FINISHED).getAttribute('aria-selected')) === 'true');
        await editorTab(page(), `${FINISHED}.lyrics`).click();
        await page().locator('.part.editor .monaco-editor .view-lines', { hasText: '[Verse]' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
        // Focus in the editor, on the blank line after the first verse: the tracker shows its
        // selection without the focus outline, and no word in the lyrics is highlighted.
        await page().locator('.part.editor .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
        await page().keyboard.press('ControlOrMeta+Home');
        for (let line = 1; line < 6; line++) await page().keyboard.press('ArrowDown');
        await page().locator('.part.statusbar', { hasText: 'Ln 6, Col 1' }).waitFor({ timeout: UI_TIMEOUT_MS });
        await save(`tracker-${name}`);
      });

      it(`shows the task panel with cover, players and lyrics (${name})`, async function () {
        await applyTheme(theme, workbenchClass);
        await editorTab(page(), RUNNING).click();
        const frame = await taskPanelFrame(page(), runningId);
        await panelReady(frame, webviewClass);
        await save(`panel-${name}`);
      });
    }
  });
}

for (const language of LANGUAGES) describeScreenshots(language);
