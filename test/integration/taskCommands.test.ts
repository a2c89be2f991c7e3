// The tracker's item commands, run as the menus run them (with a tree element) or with an id.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands } from '../../src/contributionIds';
import { fetchTasks, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

describe('Task commands', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();

  it('copies the task id and the audio URL of a clip', async () => {
    const id = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    const [task] = await fetchTasks(id);
    assert.ok(task);

    await executeCommand(Commands.copyTaskId, { kind: 'task', taskId: id });
    assert.equal(await vscode.env.clipboard.readText(), id);

    const clip = task.clips[1] ?? task.clips[0];
    assert.ok(clip?.audioUrl);
    await executeCommand(Commands.copyAudioUrl, { kind: 'clip', taskId: id, clipId: clip.id });
    assert.equal(await vscode.env.clipboard.readText(), clip.audioUrl);

    await vscode.env.clipboard.writeText('');
    await executeCommand(Commands.copyAudioUrl, id);
    assert.equal(await vscode.env.clipboard.readText(), task.clips[0].audioUrl, "a task's first clip");
  });

  it('removes one task, and clears only the finished ones', async () => {
    const running = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    const succeeded = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    const failed = fixture.gateway.addTask({ startStage: 'FAILURE', outcome: 'failure', failReason: 'time out' });
    const extra = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    await fetchTasks([running, succeeded, failed, extra]);
    assert.equal(fixture.api.services.store.all().length, 4);
    assert.equal(fixture.api.services.store.get(failed)?.failReason, 'time out');

    await executeCommand(Commands.removeTask, { kind: 'task', taskId: extra });
    assert.equal(fixture.api.services.store.get(extra), undefined, 'a finished task goes without confirmation');

    const cleared = await executeCommand(Commands.clearFinished);
    assert.equal(cleared, 2);
    assert.deepEqual(fixture.api.services.store.all().map((task) => task.id), [running]);
    assert.deepEqual(fixture.api.tracker.provider.getChildren().map((element) => (element.kind === 'task' ? element.taskId : element.kind)), [running]);
  });

  it('brings cleared tasks back on Undo, in their order and with the song documents they came from', async () => {
    const { store } = fixture.api.services;
    const first = fixture.gateway.addTask({ startStage: 'SUCCESS', title: 'First' });
    const second = fixture.gateway.addTask({ startStage: 'SUCCESS', title: 'Second' });
    await fetchTasks([first, second]);
    const generated = fixture.gateway.addTask({ startStage: 'SUCCESS', title: 'Generated' });
    const [task] = await fetchTasks(generated);
    assert.ok(task);
    // As Generate Song records it: the task came from a song document.
    const origin = { documentUri: 'file:///songs/generated.suno', action: 'generateSong', submittedAt: Date.now() };
    await store.remove([generated]);
    await store.upsert([task], new Map([[generated, origin]]));
    const order = store.all().map((tracked) => tracked.id);

    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showInformationMessage;
    // The user clicks Undo on the notification.
    window.showInformationMessage = (_text: string, ...actions: string[]) => Promise.resolve(actions.at(-1));
    try {
      assert.equal(await executeCommand(Commands.clearFinished), 3);
      await waitFor('the tasks to come back', () => store.all().length === 3);
    } finally {
      window.showInformationMessage = original;
    }
    assert.deepEqual(store.all().map((tracked) => tracked.id), order);
    assert.deepEqual(store.origin(generated), origin);
    assert.equal(store.origin(first), undefined, 'a task fetched by id still has no origin');
  });

  it('refreshes on demand: a finished task is fetched again', async () => {
    const id = fixture.gateway.addTask({ startStage: 'SUCCESS' });
    await fetchTasks(id);
    const before = fixture.gateway.requests.filter((request) => request.ids.includes(id)).length;
    await executeCommand(Commands.refresh, { kind: 'task', taskId: id });
    const after = fixture.gateway.requests.filter((request) => request.ids.includes(id)).length;
    assert.equal(after, before + 1);
  });

  it('polls every running task at once from the view title', async () => {
    const id = fixture.gateway.addTask({ startStage: 'QUEUED', pollsPerStage: 0 });
    await fetchTasks(id);
    // A long interval: only Refresh can bring the change in time. Wait for the round that
    // schedules the next one a minute away.
    await vscode.workspace.getConfiguration('suno').update('pollIntervalSeconds', 60, vscode.ConfigurationTarget.Global);
    await waitFor('the next poll to be a long way off', () => {
      const next = fixture.api.services.poller.gatewayState(fixture.gateway.url).nextPollAt;
      return next !== null && next - Date.now() > 30_000;
    });
    fixture.gateway.setStage(id, 'SUCCESS');
    await executeCommand(Commands.refresh);
    assert.equal(fixture.api.services.store.get(id)?.status, 'succeeded');
  });
});
