// The whole happy path of a Chinese-speaking user on a fresh profile, with VS Code's display
// language set to Simplified Chinese (code-server started with `--locale zh-cn`): the Get Started
// walkthrough opens by itself and leads through choosing the gateway and setting the key; a task
// is fetched, its clip plays in the panel and its lyrics open as a document; then a song written
// in Chinese is generated from the CodeLens and tracked. The extension's own words read in
// Chinese all along. VS Code's own words stay English here, since no Chinese language pack is
// installed; the extension's translations do not need one.
//
// The tests of this file build on each other, in order, in one VS Code.
import * as assert from 'node:assert/strict';
import { runCommand } from '../harness/workbench';
import { play } from './support/audioPlayer';
import { useJourney } from './support/journey';
import { fillSongTemplate, type SongDraft } from './support/songEditor';
import {
  checkMarks,
  clickStepButton,
  CHINESE_WALKTHROUGH as WALKTHROUGH,
  showWalkthrough,
  waitForCheckMark,
  walkthroughPage,
} from './support/walkthroughUi';
import {
  activeEditorText,
  clipRows,
  dialogButton,
  editorTab,
  expandRow,
  modalDialog,
  openTracker,
  quickInputMessage,
  replaceRefusedAndAccept,
  taskPanelFrame,
  taskRow,
  UI_TIMEOUT_MS,
  waitForInputBox,
  waitForRowLabel,
  waitUntil,
} from './support/workbenchUi';

const SONG = 'Harbour Lights';
/** The tracker view's name in Chinese (package.nls.zh-cn.json `view.tasks.name`). */
const VIEW = '任务';
/** The song the user writes: Chinese title, style and lyrics, full-width punctuation included. */
const CHINESE_SONG: SongDraft = {
  title: '夜行列车',
  style: '城市民谣, 女声',
  verse: ['霓虹像河流穿过夜色', '车灯轻轻哼着歌'],
  chorus: ['城市的灯光，城市的灯光', '带我回家'],
};

describe('Journey in Chinese: from a fresh profile to a playing song and a generated one', function () {
  let taskId = '';

  const { page, gateway } = useJourney(
    {
      pollIntervalMs: 500,
      locale: 'zh-cn',
      // A fresh profile: the gateway address is not set (JSON leaves the undefined out).
      settings: { 'suno.baseUrl': undefined },
      // Test mode keeps the walkthrough shut unless asked; this journey starts with it.
      env: { SUNO_TEST_FIRST_RUN_WALKTHROUGH: '1' },
    },
    async ({ gateway }) => {
      taskId = gateway.addTask({ title: SONG, startStage: 'IN_PROGRESS', pollsPerStage: 1 });
    },
  );

  it('opens the Get Started walkthrough by itself, in Chinese, and welcomes in Chinese in the view', async function () {
    const sidebar = page().locator('.part.sidebar');
    // Nothing runs the extension until the user comes to it: the Suno icon in the activity bar.
    await openTracker(page(), VIEW);
    await sidebar.locator('.welcome-view-content', { hasText: '首先，请设置网关提供给你的 API 密钥。' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await sidebar.locator('.welcome-view-content a', { hasText: '设置 API 密钥' }).first().waitFor({ timeout: UI_TIMEOUT_MS });

    await walkthroughPage(page(), WALKTHROUGH).waitFor({ timeout: UI_TIMEOUT_MS });
    // Read in one go: the page renders its steps again as it settles.
    const titles = await waitUntil('the steps’ titles', async () => {
      const texts = await walkthroughPage(page(), WALKTHROUGH)
        .locator('button.getting-started-step .step-title')
        .evaluateAll((elements) => elements.map((element) => element.textContent?.trim() ?? ''));
      return texts.length === 5 ? texts : false;
    });
    assert.deepEqual(titles, ['选择你的网关', '设置你的 API 密钥', '跟踪一个任务', '收听并阅读歌词', '写一首歌并生成']);
    assert.deepEqual(Object.values(await checkMarks(page(), WALKTHROUGH)), [false, false, false, false, false]);
  });

  it('checks off the gateway once its address is entered in the setting its Chinese button opens', async function () {
    await clickStepButton(page(), 'chooseGateway', '选择网关', WALKTHROUGH);
    const input = page().locator('.settings-editor [data-key="suno.baseUrl"] .setting-item-control input');
    await input.waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill(gateway().url);
    await showWalkthrough(page(), WALKTHROUGH);
    await waitForCheckMark(page(), 'chooseGateway', WALKTHROUGH);
  });

  it('sets the key from the walkthrough through a Chinese input box, and checks the step off', async function () {
    await showWalkthrough(page(), WALKTHROUGH);
    await clickStepButton(page(), 'setApiKey', '设置 API 密钥', WALKTHROUGH);
    const field = await waitForInputBox(page(), { password: true });
    await field.fill('   ');
    await waitUntil('the Chinese validation message', async () => ((await quickInputMessage(page()).textContent()) ?? '').includes('请粘贴网关账户中的 API 密钥。'));
    await replaceRefusedAndAccept(page(), field, 'test-key');
    await page().locator('.part.sidebar .welcome-view-content', { hasText: '尚未跟踪任何 Suno 任务。' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await showWalkthrough(page(), WALKTHROUGH);
    await waitForCheckMark(page(), 'setApiKey', WALKTHROUGH);
    assert.deepEqual(gateway().requests, [], 'storing a key must not call the gateway');
  });

  it('fetches a task through the Chinese input box and shows its rows in Chinese', async function () {
    await runCommand(page(), 'Suno: 获取任务…');
    const field = await waitForInputBox(page());
    assert.match((await quickInputMessage(page()).textContent()) ?? '', /提交歌曲或歌词时网关返回的任务 ID/);
    await field.fill(taskId);
    await field.press('Enter');
    await openTracker(page(), VIEW);
    const row = taskRow(page(), SONG, VIEW);
    // The spoken label: title, kind, status and time in Chinese.
    const label = await waitForRowLabel(row, /, 已成功/);
    assert.match(label, new RegExp(`^${SONG}, 歌曲, 已成功`));
    assert.match((await row.locator('.label-description').textContent()) ?? '', /^已成功 · /);
    await expandRow(row);
    await waitUntil('two clip rows', async () => (await clipRows(page(), VIEW).count()) === 2);
    assert.match((await clipRows(page(), VIEW).first().getAttribute('aria-label')) ?? '', /第 1 个片段，共 2 个, 已成功/);
  });

  it('shows the panel in Chinese, and its clip plays', async function () {
    const frame = await taskPanelFrame(page(), taskId);
    await waitUntil('the finished task', async () => (await frame.locator('#task-status').getAttribute('data-status')) === 'succeeded');
    assert.equal(await frame.locator('html').getAttribute('lang'), 'zh-cn');
    assert.equal((await frame.locator('#task-status').textContent())?.trim(), '已成功');
    assert.equal((await frame.locator('#task-open-lyrics').textContent())?.trim(), '打开歌词');
    const [clipId] = gateway().taskInfo(taskId)?.clipIds ?? [];
    const clip = frame.locator(`article.clip[data-clip-id="${clipId}"]`);
    assert.equal((await clip.locator('.clip-position').textContent())?.trim(), '片段 1/2');
    assert.equal((await clip.locator('button[data-action="copyLink"]').textContent())?.trim(), '复制链接');
    assert.equal((await clip.locator('button[data-action="toggleVideo"]').textContent())?.trim(), '显示视频');
    assert.deepEqual(await clip.locator('dt').allTextContents(), ['标签', '模型', '时长', '创建时间']);

    const playing = await play(frame, clipId);
    assert.equal(playing.src, `${gateway().url}/media/${clipId}.wav`);
  });

  it('opens the lyrics as a document from the panel’s Chinese button, and checks listening off', async function () {
    const frame = await taskPanelFrame(page(), taskId);
    const button = frame.locator('#task-open-lyrics', { hasText: '打开歌词' });
    await waitUntil('打开歌词 to be enabled', async () => !(await button.isDisabled()));
    await button.click();
    await waitUntil('the lyrics tab to be active', async () => (await editorTab(page(), `${SONG}.lyrics`).getAttribute('aria-selected')) === 'true');
    await waitUntil('the lyrics text', async () => (await activeEditorText(page())).includes('[Verse]\nLamplight on the harbour'));
    // The language mode's name is the extension's, in Chinese.
    await page().locator('.part.statusbar', { hasText: 'Suno 歌词' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await showWalkthrough(page(), WALKTHROUGH);
    await waitForCheckMark(page(), 'listen', WALKTHROUGH);
  });

  it('writes a new song in Chinese over the Chinese template', async function () {
    await runCommand(page(), 'Suno: 新建歌曲');
    await editorTab(page(), 'Untitled-1').waitFor({ timeout: UI_TIMEOUT_MS });
    const template = await waitUntil('the template', async () => {
      const text = await activeEditorText(page());
      return text.includes('[Chorus]') ? text : false;
    });
    assert.match(template, /^title: <歌曲标题>$/m);
    assert.match(template, /^style: <流派、情绪、人声、乐器>$/m);
    assert.match(template, /^<主歌的一句歌词>\n<主歌的另一句歌词>$/m);
    await page().locator('.part.statusbar', { hasText: 'Suno 歌曲' }).waitFor({ timeout: UI_TIMEOUT_MS });

    await fillSongTemplate(page(), CHINESE_SONG);
    const text = await waitUntil('the last line typed', async () => {
      const shown = await activeEditorText(page());
      return shown.includes(CHINESE_SONG.chorus[1]) ? shown : false;
    });
    assert.match(text, /^title: 夜行列车$/m);
    assert.doesNotMatch(text, /</, 'a placeholder is left');
  });

  it('generates it from the Chinese CodeLens after the first-submit question in Chinese, sending the lyrics as written', async function () {
    const host = new URL(gateway().url).host;
    const lens = page().locator('.part.editor .codelens-decoration a', { hasText: `在 ${host} 上用 v4.5 (chirp-auk) 生成` });
    await lens.waitFor({ timeout: UI_TIMEOUT_MS });
    await lens.click();
    const dialog = await modalDialog(page(), /每次提交都会消耗你网关账户的积分/);
    assert.match(await dialog.innerText(), new RegExp(`要用 v4\\.5 \\(chirp-auk\\) 将歌曲“${CHINESE_SONG.title}”提交到 ${host.replace(/\./g, '\\.')} 吗？`));
    assert.equal(await dialogButton(dialog, '提交，不再询问').count(), 1);
    assert.equal(gateway().submits.length, 0, 'sent before the confirmation');
    await dialogButton(dialog, '提交').click();

    await waitUntil('the submit', () => gateway().submits.length === 1);
    const body = gateway().submits[0].body as Record<string, unknown>;
    assert.equal(body.title, CHINESE_SONG.title);
    assert.equal(body.tags, CHINESE_SONG.style);
    assert.equal(body.prompt, `[Verse]\n${CHINESE_SONG.verse.join('\n')}\n\n[Chorus]\n${CHINESE_SONG.chorus.join('\n')}`);
  });

  it('tracks the new task under its Chinese title, and every step of the walkthrough is checked off', async function () {
    await openTracker(page(), VIEW);
    const finished = await waitForRowLabel(taskRow(page(), CHINESE_SONG.title, VIEW), /, 已成功/);
    assert.match(finished, new RegExp(`^${CHINESE_SONG.title}, 歌曲, 已成功`));
    const newTaskId = gateway().submits[0].taskId;
    assert.ok(newTaskId);
    const frame = await taskPanelFrame(page(), newTaskId);
    // The panel opened at the submit, before the first answer named the task.
    await waitUntil('the panel to show the Chinese title', async () => (await frame.locator('#task-title').textContent())?.trim() === CHINESE_SONG.title);
    assert.equal(await frame.locator('#task-open-source').getAttribute('aria-label'), '打开歌曲文档 Untitled-1');

    await showWalkthrough(page(), WALKTHROUGH);
    await waitForCheckMark(page(), 'writeSong', WALKTHROUGH);
    assert.deepEqual(await checkMarks(page(), WALKTHROUGH), {
      chooseGateway: true,
      setApiKey: true,
      trackTask: true,
      listen: true,
      writeSong: true,
    });
  });
});
