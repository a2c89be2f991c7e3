// Extend…: a finished clip continues from a chosen second, with the lyrics of an open song
// document or none, on the task's own gateway, through the submit service. What the gateway
// received is checked field by field; hostile arguments and answers send nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands, SONG_LANGUAGE_ID } from '../../src/contributionIds';
import { defaultContinueAt } from '../../src/core/song/continueAt';
import type { Task } from '../../src/core/task/model';
import { fetchTasks, useExtensionWithGateway } from './support/extensionTestSupport';
import { catchMessages, standInFor, type CaughtMessages } from './support/stubbedWindow';

interface SongDocumentItem extends vscode.QuickPickItem {
  readonly uri: vscode.Uri | null;
}

interface Answers {
  /** What the "continue from" box answers; undefined cancels. */
  readonly continueAt: string | undefined;
  /** Picks the song document among the items; undefined cancels. */
  readonly pick?: (items: readonly SongDocumentItem[]) => SongDocumentItem | undefined;
}

describe('Extend a clip', function () {
  this.timeout(60_000);
  const fixture = useExtensionWithGateway();
  let restore: (() => void) | undefined;
  let asked: { value?: string; validate?: (text: string) => unknown; items?: readonly SongDocumentItem[] };
  let messages: CaughtMessages;

  beforeEach(async () => {
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', false, vscode.ConfigurationTarget.Global);
    asked = {};
  });

  afterEach(async () => {
    restore?.();
    restore = undefined;
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', undefined, vscode.ConfigurationTarget.Global);
  });

  /** Answers Extend's questions as `answers` say, catching every message. */
  function answer(answers: Answers): void {
    restore?.();
    const caught = catchMessages();
    messages = caught.messages;
    restore = standInFor({
      ...caught.standIns,
      showInputBox: (options: vscode.InputBoxOptions) => {
        asked.value = options.value;
        asked.validate = options.validateInput;
        return Promise.resolve(answers.continueAt);
      },
      showQuickPick: (items: readonly SongDocumentItem[]) => {
        asked.items = items;
        return Promise.resolve(answers.pick?.(items));
      },
    });
  }

  async function finishedSong(spec: { title?: string; tags?: string; model?: string } = {}): Promise<Task> {
    const id = fixture.gateway.addTask({ startStage: 'SUCCESS', title: 'City Lights', tags: 'emotional punk', model: 'chirp-v4', lyrics: '[Verse]\nNeon', ...spec });
    const [task] = await fetchTasks(id);
    assert.ok(task && task.clips.length === 2 && task.clips[1].durationSeconds !== null);
    return task;
  }

  async function openSong(content: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument({ language: SONG_LANGUAGE_ID, content });
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }

  it('continues a clip with the lyrics of a song document: every field the gateway got', async () => {
    const task = await finishedSong();
    const clip = task.clips[1];
    const song = await openSong('---\ntitle: City Lights II\nstyle: punk, faster\nexclude: ballad\nmodel: chirp-auk\n---\n[Verse 3]\nMore neon');
    await openSong('---\ntitle: Another\n---\nla');
    answer({ continueAt: '0:05', pick: (items) => items.find((item) => item.uri?.toString() === song.uri.toString()) });

    const extended = await executeCommand(Commands.extendClip, { kind: 'clip', taskId: task.id, clipId: clip.id });
    assert.ok(extended, `nothing tracked: ${JSON.stringify(messages)}`);
    assert.equal(asked.value, defaultContinueAt(clip.durationSeconds), "the box starts at the clip's end");
    assert.deepEqual(
      asked.items?.map((item) => item.label),
      ['Another', 'City Lights II', 'No new lyrics'],
      'the active song first, "No new lyrics" last',
    );

    assert.equal(fixture.gateway.submits.length, 1);
    const [submit] = fixture.gateway.submits;
    assert.equal(submit.path, '/suno/submit/music');
    assert.deepEqual(submit.body, {
      prompt: '[Verse 3]\nMore neon',
      mv: 'chirp-auk',
      title: 'City Lights II',
      tags: 'punk, faster',
      make_instrumental: false,
      negative_tags: 'ballad',
      task_id: task.id,
      continue_clip_id: clip.id,
      continue_at: 5,
    });
    assert.equal(submit.taskId, extended.id);
    assert.equal(extended.baseUrl, task.baseUrl);
    const origin = fixture.api.services.store.origin(extended.id);
    assert.deepEqual([origin?.action, origin?.documentUri], ['extend', song.uri.toString()]);
  });

  it('continues without vocals in the clip’s own title, style and model when no document is chosen', async () => {
    const task = await finishedSong({ model: 'chirp-v3-5' });
    const clip = task.clips[0];
    answer({ continueAt: '7.5', pick: (items) => items.find((item) => item.uri === null) });
    const extended = await executeCommand(Commands.extendClip, { kind: 'clip', taskId: task.id, clipId: clip.id });
    assert.ok(extended, JSON.stringify(messages));
    assert.deepEqual(fixture.gateway.submits[0].body, {
      prompt: '',
      mv: 'chirp-v3-5',
      title: 'City Lights',
      tags: 'emotional punk',
      make_instrumental: true,
      task_id: task.id,
      continue_clip_id: clip.id,
      continue_at: 7.5,
    });
    assert.equal(fixture.api.services.store.origin(extended.id)?.documentUri, null);
  });

  it('picks the clip from a task given by id', async () => {
    const task = await finishedSong();
    let clipItems: readonly vscode.QuickPickItem[] = [];
    restore = standInFor({
      showInputBox: () => Promise.resolve('1'),
      showQuickPick: (items: readonly (vscode.QuickPickItem & { clipId?: string; uri?: vscode.Uri | null })[]) => {
        if (items.some((item) => item.clipId !== undefined)) {
          clipItems = items;
          return Promise.resolve(items[1]);
        }
        return Promise.resolve(items.find((item) => item.uri === null));
      },
    });
    assert.ok(await executeCommand(Commands.extendClip, task.id));
    assert.equal(clipItems.length, 2);
    assert.equal((fixture.gateway.submits[0].body as { continue_clip_id: string }).continue_clip_id, task.clips[1].id);
  });

  it('sends nothing for unknown tasks, a clip of another task, a URI, or a clip not finished', async () => {
    const task = await finishedSong();
    const other = await finishedSong({ title: 'Other' });
    const runningId = fixture.gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    const [running] = await fetchTasks(runningId);
    // The tree offers Extend (its menu reads this token) on the finished clip only.
    const contextOf = (taskId: string, clipId: string): string => String(fixture.api.tracker.provider.getTreeItem({ kind: 'clip', taskId, clipId }).contextValue);
    assert.match(contextOf(task.id, task.clips[0].id), /\bextendable\b/);
    assert.doesNotMatch(contextOf(runningId, running?.clips[0]?.id ?? 'none'), /\bextendable\b/);
    answer({ continueAt: '1', pick: (items) => items.at(-1) });
    const song = await openSong('---\ntitle: x\n---\nla');

    const results = [
      await executeCommand(Commands.extendClip, { kind: 'clip', taskId: task.id, clipId: other.clips[0].id }),
      await executeCommand(Commands.extendClip, { kind: 'clip', taskId: 'not-tracked', clipId: task.clips[0].id }),
      await executeCommand(Commands.extendClip, 'not-tracked'),
      await executeCommand(Commands.extendClip, '../../etc/passwd'),
      await executeCommand(Commands.extendClip, song.uri),
      await executeCommand(Commands.extendClip, { kind: 'clip', taskId: runningId, clipId: running?.clips[0]?.id ?? 'none' }),
    ];
    assert.deepEqual(results, [undefined, undefined, undefined, undefined, undefined, undefined]);
    assert.equal(fixture.gateway.submits.length, 0);
    assert.equal(messages.warning.filter((message) => /not one of the task’s clips/.test(message)).length, 2);
    assert.ok(messages.warning.some((message) => message === 'The command was given something that is not a Suno clip.'));
    assert.ok(
      [...messages.information, ...messages.warning].some((message) => /Only a finished clip|no finished clip/.test(message)),
      JSON.stringify(messages),
    );
  });

  it('refuses a moment that is negative, not a number, huge or past the clip’s end, whoever answers the box', async () => {
    const task = await finishedSong();
    const clip = task.clips[0];
    for (const continueAt of ['-5', 'NaN', 'Infinity', '1e999', '99999', String((clip.durationSeconds ?? 0) + 0.01), '$(alert)']) {
      answer({ continueAt, pick: (items) => items.at(-1) });
      assert.equal(await executeCommand(Commands.extendClip, { kind: 'clip', taskId: task.id, clipId: clip.id }), undefined, continueAt);
      assert.match(messages.error[0] ?? '', /^Cannot extend the clip: .* Nothing was sent\.$/, continueAt);
      assert.ok(asked.validate?.(continueAt), `the box refuses ${continueAt} while typing`);
    }
    assert.equal(asked.validate?.('0:03'), undefined);
    assert.equal(fixture.gateway.submits.length, 0);
  });

  it('says a task the gateway does not know belongs to another gateway or account', async () => {
    const task = await finishedSong();
    assert.equal(fixture.gateway.removeTask(task.id), true);
    answer({ continueAt: '1', pick: (items) => items.at(-1) });
    assert.equal(await executeCommand(Commands.extendClip, { kind: 'clip', taskId: task.id, clipId: task.clips[0].id }), undefined);
    assert.equal(fixture.gateway.submits.length, 1, 'sent once, never again');
    assert.equal(fixture.gateway.submits[0].status, 400);
    const said = [...messages.error, ...messages.warning].join('\n');
    assert.match(said, /created on another gateway or with another API key/);
  });
});
