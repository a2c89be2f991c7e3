// Journey: fetch a task by id, see it in the tracker with its clips, and follow it through
// polling from "not started" to "succeeded" — badge, status bar and tree rows included.
import * as assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands, FOCUS_TASKS_VIEW_COMMAND } from '../../src/contributionIds';
import type { TaskTreeElement, TrackerNode } from '../../src/tracker/treeElements';
import { TASK_STORE_KEY } from '../../src/core/store/legacyTaskList';
import { TaskStore } from '../../src/core/store/taskStore';
import { globalStorageFiles } from '../../src/storage/globalStorageFiles';
import { NodeSharedFiles } from '../../src/storage/nodeSharedFiles';
import { fetchTasks, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

describe('Tracking a task', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();

  it('fetches a task by id, tracks it and polls it from not started to succeeded', async () => {
    const id = fixture.gateway.addTask({ title: 'Harbour Lights', startStage: 'NOT_START', dialect: 'native' });
    const fetched = await fetchTasks(id);

    assert.deepEqual(fetched.map((task) => task.id), [id]);
    const tracked = fixture.api.services.store.get(id);
    assert.ok(tracked, 'the task is tracked');
    assert.equal(tracked.baseUrl, fixture.gateway.url);
    assert.equal(tracked.status, 'pending');

    const finished = await waitFor('the task to succeed through polling', () => {
      const task = fixture.api.services.store.get(id);
      return task?.status === 'succeeded' ? task : undefined;
    });
    assert.ok(finished.clips.length > 0, 'a finished song has clips');
    assert.equal(fixture.gateway.stageOf(id), 'SUCCESS');
    const polls = fixture.gateway.requests.filter((request) => request.ids.includes(id) && request.authorized);
    assert.ok(polls.length >= 4, `the task went through its stages by polling (${polls.length} requests)`);
    // The poller saves the round's results before it decides there is nothing left to poll.
    await waitFor('the gateway to go idle', () => fixture.api.services.poller.gatewayState(fixture.gateway.url).state === 'idle');
  });

  it('shows the task and its clips in the tree, with the same element objects each time', async () => {
    const id = fixture.gateway.addTask({ title: 'Paper Kites', startStage: 'SUCCESS', dialect: 'flat' });
    await fetchTasks(id);
    const { provider } = fixture.api.tracker;

    const roots = provider.getChildren();
    assert.equal(roots.length, 1);
    const [root] = roots;
    assert.deepEqual(root, { kind: 'task', taskId: id });
    assert.equal(provider.getChildren()[0], root, 'the same element object for the same task');

    const item = provider.getTreeItem(root);
    assert.equal(item.label, 'Paper Kites');
    assert.equal(item.id, `task:${id}`);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.match(String(item.contextValue), /\btask\b/);
    assert.match(String(item.contextValue), /\bsucceeded\b/);
    assert.match(String(item.contextValue), /\bhasAudio\b/);
    assert.match(String(item.description), /^succeeded/);
    assert.match(String(item.accessibilityInformation?.label), /^Paper Kites, song, succeeded\b/, 'a screen reader hears the name, kind and status');
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.equal(typeof item.tooltip, 'string', 'a plain-text tooltip: gateway text is never read as Markdown');
    assert.match(String(item.tooltip), new RegExp(id));
    assert.equal(item.command?.command, Commands.openTask, 'a click opens the task panel');
    assert.deepEqual(item.command?.arguments, [root]);

    const clips = provider.getChildren(root);
    const task = fixture.api.services.store.get(id);
    assert.ok(task);
    assert.equal(clips.length, task.clips.length);
    assert.ok(clips.length > 0);
    const clip = clips[0] as Extract<TaskTreeElement, { kind: 'clip' }>;
    assert.equal(clip.kind, 'clip');
    assert.equal(provider.getParent(clip), root, 'a clip knows its task (needed by reveal)');
    const clipItem = provider.getTreeItem(clip);
    assert.match(String(clipItem.contextValue), /\bclip\b/);
    assert.match(String(clipItem.contextValue), /\bhasAudio\b/);
    assert.match(String(clipItem.description), /^\d+:\d\d · /, 'the description starts with the duration (m:ss)');
    assert.match(String(clipItem.accessibilityInformation?.label), /, clip 1 of \d+, succeeded, \d+ (minute|second)/, 'the length in words');
  });

  it('uses the short id as label until a title is known', async () => {
    const id = fixture.gateway.addTask({ startStage: 'NOT_START', dialect: 'native', pollsPerStage: 0 });
    await fetchTasks(id);
    const item = fixture.api.tracker.provider.getTreeItem(fixture.api.tracker.provider.taskElement(id));
    const task = fixture.api.services.store.get(id);
    assert.ok(task);
    assert.equal(task.title, null, 'a task that has not started has no title yet');
    assert.equal(item.label, id.slice(0, 8));
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'loading~spin');
    assert.match(String(item.contextValue), /\bunfinished\b/);
  });

  it('refreshes exactly the changed task row, and the root only when tasks come or go', async () => {
    const still = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    const moving = fixture.gateway.addTask({ startStage: 'QUEUED', pollsPerStage: 0 });
    const events: (TrackerNode | TrackerNode[] | undefined)[] = [];
    const subscription = fixture.api.tracker.provider.onDidChangeTreeData((event) => events.push(event));
    try {
      await fetchTasks([still, moving]);
      assert.ok(events.includes(undefined), 'adding tasks refreshes the root');
      const movingElement = fixture.api.tracker.provider.getChildren().find((element) => element.kind === 'task' && element.taskId === moving);
      assert.ok(movingElement);

      // Fetch Task reveals the tracker, and a visible tracker redraws every row for its relative
      // times, at once and each minute. Hidden, only the store's changes can refresh a row.
      await vscode.commands.executeCommand('workbench.view.explorer');
      await waitFor('the tracker to hide', () => !fixture.api.tracker.view.visible && !fixture.api.tracker.provider.refreshesRelativeTimes);
      events.length = 0;
      fixture.gateway.setStage(moving, 'IN_PROGRESS');
      await waitFor('a tree refresh for the task that moved', () => events.length > 0);
      const [event] = events;
      assert.ok(Array.isArray(event), `a refresh of rows, not of the root (${JSON.stringify(event)})`);
      assert.deepEqual(event.map((element) => (element.kind === 'task' ? element.taskId : element.kind)), [moving]);
      assert.equal(event[0], movingElement, 'the very element object the tree holds');

      events.length = 0;
      await executeCommand(Commands.removeTask, moving);
      assert.deepEqual(events, [undefined], 'removing refreshes the root');
    } finally {
      subscription.dispose();
    }
  });

  it('counts running tasks in the badge and the status bar, and clears both when they finish', async () => {
    const first = fixture.gateway.addTask({ startStage: 'QUEUED', pollsPerStage: 0 });
    const second = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    const done = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    await fetchTasks([first, second, done]);

    assert.equal(fixture.api.tracker.view.badge?.value, 2);
    assert.match(String(fixture.api.tracker.view.badge?.tooltip), /2 Suno tasks running/);
    assert.match(String(fixture.api.tracker.statusBar.text), /2 Suno tasks/);
    assert.match(String(fixture.api.tracker.statusBar.accessibilityLabel), /^2 Suno tasks running: .+, (pending|running)\b.*; .+, (pending|running)\b/);

    fixture.gateway.setStage(first, 'SUCCESS');
    await waitFor('the badge to count one task', () => fixture.api.tracker.view.badge?.value === 1);
    assert.match(String(fixture.api.tracker.statusBar.text), /1 Suno task\b/);

    fixture.gateway.setStage(second, 'FAILURE');
    await waitFor('the badge to go away', () => fixture.api.tracker.view.badge === undefined);
    assert.equal(fixture.api.tracker.statusBar.text, undefined);
    assert.equal(fixture.api.services.store.get(second)?.status, 'failed');
    const failedItem = fixture.api.tracker.provider.getTreeItem(fixture.api.tracker.provider.taskElement(second));
    assert.equal((failedItem.iconPath as vscode.ThemeIcon).id, 'error');
  });

  it('keeps the tracked tasks in the global storage folder, where a new window finds them', async () => {
    const id = fixture.gateway.addTask({ startStage: 'SUCCESS', title: 'Neon Rain' });
    await fetchTasks(id);

    // What another window or the next activation does: a store over the same folder loads the task.
    const reloaded = new TaskStore({ files: globalStorageFiles(fixture.api.services.context.globalStorageUri) });
    await reloaded.loaded;
    assert.equal(reloaded.get(id)?.title, 'Neon Rain');
    reloaded.dispose();
  });

  it('moves the task list older versions kept in globalState into the shared folder, once', async () => {
    const { globalState } = fixture.api.services.context;
    const older = await fetchTasks(fixture.gateway.addTask({ startStage: 'SUCCESS', title: 'Old Friend' }));
    const folder = await mkdtemp(path.join(tmpdir(), 'suno-migration-'));
    try {
      await globalState.update(TASK_STORE_KEY, { version: 1, tasks: older });
      const upgraded = new TaskStore({ files: new NodeSharedFiles(folder), legacy: globalState });
      await upgraded.loaded;
      assert.equal(upgraded.get(older[0]!.id)?.title, 'Old Friend');
      await upgraded.remove([older[0]!.id]);

      const nextStart = new TaskStore({ files: new NodeSharedFiles(folder), legacy: globalState });
      await nextStart.loaded;
      assert.equal(nextStart.get(older[0]!.id), undefined, 'moved once: the removal stands');
      assert.ok(globalState.get(TASK_STORE_KEY), 'the old list stays for a downgrade');
      upgraded.dispose();
      nextStart.dispose();
    } finally {
      await globalState.update(TASK_STORE_KEY, undefined);
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('tracks the ids a gateway knows and reports the ones it does not', async () => {
    const known = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    const other = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    const fetched = await fetchTasks([known, 'no-such-task-0000', other]);
    assert.deepEqual(fetched.map((task) => task.id), [known, other]);
    assert.deepEqual(fixture.api.tracker.provider.getChildren().map((element) => (element.kind === 'task' ? element.taskId : element.kind)), [known, other], 'in the order asked for');
    assert.ok(fixture.api.services.store.get(known));
    assert.equal(fixture.api.services.store.get('no-such-task-0000'), undefined);
  });

  it('finds ids in pasted text, and accepts a base URL pasted with /v1', async () => {
    await vscode.workspace.getConfiguration('suno').update('baseUrl', `${fixture.gateway.url}/v1/`, vscode.ConfigurationTarget.Global);
    const id = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    const fetched = await fetchTasks(`{"code":"success","message":"","data":"${id}"}`);
    assert.deepEqual(fetched.map((task) => task.id), [id]);
    assert.equal(fixture.api.services.store.get(id)?.baseUrl, fixture.gateway.url);
  });

  it('redraws relative times ("2 min ago") only while the tracker is visible', async () => {
    const { view, provider } = fixture.api.tracker;
    await vscode.commands.executeCommand(FOCUS_TASKS_VIEW_COMMAND);
    await waitFor('the tracker to show', () => view.visible);
    assert.equal(provider.refreshesRelativeTimes, true);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('the tracker to hide', () => !view.visible);
    assert.equal(provider.refreshesRelativeTimes, false, 'no timer for a hidden view');
    await vscode.commands.executeCommand(FOCUS_TASKS_VIEW_COMMAND);
    await waitFor('the tracker to show again', () => view.visible);
    assert.equal(provider.refreshesRelativeTimes, true);
  });
});
