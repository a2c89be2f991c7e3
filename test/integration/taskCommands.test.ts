// The tracker's item commands, run as the menus run them (with a tree element) or with an id.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LocalGateway } from '../../src/localGateway/localGateway';
import type { SunoExtensionApi } from '../../src/extension';
import { extensionApi, fetchTasks, resetExtension, useGateway, waitFor } from './extensionTestSupport';

describe('Task commands', function () {
  this.timeout(30_000);
  let api: SunoExtensionApi;
  let gateway: LocalGateway;

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(async () => {
    gateway = await LocalGateway.start();
    await useGateway(api, gateway.url);
  });

  afterEach(async () => {
    await resetExtension(api, gateway.url);
    await gateway.close();
  });

  it('copies the task id and the audio URL of a clip', async () => {
    const id = gateway.addTask({ startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    assert.ok(task);

    await vscode.commands.executeCommand('suno.copyTaskId', { kind: 'task', taskId: id });
    assert.equal(await vscode.env.clipboard.readText(), id);

    const clip = task.clips[1] ?? task.clips[0];
    assert.ok(clip?.audioUrl);
    await vscode.commands.executeCommand('suno.copyAudioUrl', { kind: 'clip', taskId: id, clipId: clip.id });
    assert.equal(await vscode.env.clipboard.readText(), clip.audioUrl);

    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('suno.copyAudioUrl', id);
    assert.equal(await vscode.env.clipboard.readText(), task.clips[0].audioUrl, "a task's first clip");
  });

  it('removes one task, and clears only the finished ones', async () => {
    const running = gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    const succeeded = gateway.addTask({ startStage: 'SUCCESS' });
    const failed = gateway.addTask({ startStage: 'FAILURE', outcome: 'failure', failReason: 'time out' });
    const extra = gateway.addTask({ startStage: 'SUCCESS' });
    await fetchTasks([running, succeeded, failed, extra]);
    assert.equal(api.services.store.all().length, 4);
    assert.equal(api.services.store.get(failed)?.failReason, 'time out');

    await vscode.commands.executeCommand('suno.removeTask', { kind: 'task', taskId: extra });
    assert.equal(api.services.store.get(extra), undefined, 'a finished task goes without confirmation');

    const cleared = await vscode.commands.executeCommand<number>('suno.clearFinished');
    assert.equal(cleared, 2);
    assert.deepEqual(api.services.store.all().map((task) => task.id), [running]);
    assert.deepEqual(api.tracker.provider.getChildren().map((element) => element.taskId), [running]);
  });

  it('refreshes on demand: a finished task is fetched again', async () => {
    const id = gateway.addTask({ startStage: 'SUCCESS' });
    await fetchTasks(id);
    const before = gateway.requests.filter((request) => request.ids.includes(id)).length;
    await vscode.commands.executeCommand('suno.refresh', { kind: 'task', taskId: id });
    const after = gateway.requests.filter((request) => request.ids.includes(id)).length;
    assert.equal(after, before + 1);
  });

  it('polls every running task at once from the view title', async () => {
    const id = gateway.addTask({ startStage: 'QUEUED', pollsPerStage: 0 });
    await fetchTasks(id);
    // A long interval: only Refresh can bring the change in time. Wait for the round that
    // schedules the next one a minute away.
    await vscode.workspace.getConfiguration('suno').update('pollIntervalSeconds', 60, vscode.ConfigurationTarget.Global);
    await waitFor('the next poll to be a long way off', () => {
      const next = api.services.poller.gatewayState(gateway.url).nextPollAt;
      return next !== null && next - Date.now() > 30_000;
    });
    gateway.setStage(id, 'SUCCESS');
    await vscode.commands.executeCommand('suno.refresh');
    assert.equal(api.services.store.get(id)?.status, 'succeeded');
  });
});
