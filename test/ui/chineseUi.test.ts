// The happy path with VS Code's display language set to Simplified Chinese (code-server started
// with `--locale zh-cn`): the extension's own words — the view, its welcome, the commands, the
// input boxes, the tracker rows, the panel and the lyrics' outline — read in Chinese. VS Code's
// own words stay English here, since no Chinese language pack is installed; the extension's
// translations do not need one.
//
// The tests of this file build on each other, in order, in one VS Code.
import * as assert from 'node:assert/strict';
import { runCommand } from '../harness/workbench';
import { useJourney } from './support/journey';
import {
  clipRows,
  expandRow,
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

describe('Journey in Chinese: the extension speaks VS Code’s display language', function () {
  let taskId = '';

  const { page, gateway } = useJourney({ pollIntervalMs: 500, locale: 'zh-cn' }, async ({ gateway }) => {
    taskId = gateway.addTask({ title: SONG, startStage: 'IN_PROGRESS', pollsPerStage: 1 });
  });

  it('names the view and welcomes in Chinese, and sets the key through a Chinese input box', async function () {
    const sidebar = page().locator('.part.sidebar');
    await openTracker(page(), VIEW);
    await sidebar.locator('.welcome-view-content', { hasText: '首先，请设置网关提供给你的 API 密钥。' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await sidebar.locator('.welcome-view-content a', { hasText: '设置 API 密钥' }).first().waitFor({ timeout: UI_TIMEOUT_MS });

    await runCommand(page(), 'Suno: 设置 API 密钥…');
    const field = await waitForInputBox(page(), { password: true });
    await field.fill('   ');
    await waitUntil('the Chinese validation message', async () => ((await quickInputMessage(page()).textContent()) ?? '').includes('请粘贴网关账户中的 API 密钥。'));
    await replaceRefusedAndAccept(page(), field, 'test-key');
    await sidebar.locator('.welcome-view-content', { hasText: '尚未跟踪任何 Suno 任务。' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('fetches a task through the Chinese input box and shows its rows in Chinese', async function () {
    await runCommand(page(), 'Suno: 获取任务…');
    const field = await waitForInputBox(page());
    assert.match((await quickInputMessage(page()).textContent()) ?? '', /提交歌曲或歌词时网关返回的任务 ID/);
    await field.fill(taskId);
    await field.press('Enter');
    const row = taskRow(page(), SONG, VIEW);
    // The spoken label: title, kind, status and time in Chinese.
    const label = await waitForRowLabel(row, /, 已成功/);
    assert.match(label, new RegExp(`^${SONG}, 歌曲, 已成功`));
    assert.match((await row.locator('.label-description').textContent()) ?? '', /^已成功 · /);
    await expandRow(row);
    await waitUntil('two clip rows', async () => (await clipRows(page(), VIEW).count()) === 2);
    assert.match((await clipRows(page(), VIEW).first().getAttribute('aria-label')) ?? '', /第 1 个片段，共 2 个, 已成功/);
  });

  it('shows the panel in Chinese', async function () {
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
  });
});
