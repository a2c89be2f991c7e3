// Generate Lyrics: a prompt goes to the gateway's lyrics route through the submit service, and
// the finished lyrics open once as a song document in the default model; lyrics tasks fetched by
// id stay as they were, and a failed one says why.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands, SONG_LANGUAGE_ID } from '../../src/contributionIds';
import { GENERATE_LYRICS_ACTION } from '../../src/core/song/lyricsResults';
import { songFromTask } from '../../src/core/song/songFromTask';
import { isFinished, type Task } from '../../src/core/task/model';
import { fetchTasks, quietPeriod, useExtensionWithGateway, waitFor } from './support/extensionTestSupport';
import { catchMessages, standInFor } from './support/stubbedWindow';

/** Longer than the time other windows leave the submitting one (two store syncs and a second). */
const LONGER_THAN_GRACE_MS = 3500;

function openSongs(): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter((document) => document.isUntitled && document.languageId === SONG_LANGUAGE_ID);
}

describe('Generate Lyrics', function () {
  this.timeout(60_000);
  const fixture = useExtensionWithGateway();
  let restore: (() => void) | undefined;

  beforeEach(async () => {
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', false, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    restore?.();
    restore = undefined;
    for (const setting of ['confirmBeforeSubmit', 'defaultModel']) {
      await vscode.workspace.getConfiguration('suno').update(setting, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  /** Runs Generate Lyrics with `prompt` typed into its input box; messages are caught. */
  async function generate(prompt: string | undefined): Promise<{ task: Task | undefined; messages: ReturnType<typeof catchMessages>['messages'] }> {
    const { messages, standIns } = catchMessages();
    restore = standInFor({ ...standIns, showInputBox: () => Promise.resolve(prompt) });
    const task = await executeCommand(Commands.generateLyrics);
    return { task, messages };
  }

  it('submits the prompt, and opens the finished lyrics once as a song ready to generate', async () => {
    await vscode.workspace.getConfiguration('suno').update('defaultModel', 'chirp-crow', vscode.ConfigurationTarget.Global);
    const before = openSongs().length;
    const { task, messages } = await generate('  a bright pop song about the sea ');
    assert.ok(task, 'a lyrics task is tracked');

    const [submit] = fixture.gateway.submits;
    assert.equal(fixture.gateway.submits.length, 1);
    assert.equal(submit.path, '/suno/submit/lyrics');
    assert.deepEqual(submit.body, { prompt: 'a bright pop song about the sea' });
    assert.equal(submit.taskId, task.id);
    assert.equal(fixture.api.services.store.origin(task.id)?.action, GENERATE_LYRICS_ACTION);

    const song = await waitFor('the lyrics as a song document', () => openSongs().find((document) => document.getText().includes('model: chirp-crow')), 20_000);
    const finished = fixture.api.services.store.get(task.id);
    assert.ok(finished && isFinished(finished.status) && finished.lyrics);
    assert.equal(song.getText(), songFromTask(finished, { defaultModel: 'chirp-crow' }));
    assert.match(song.getText(), /^---\ntitle: A Bright Pop Song\nmodel: chirp-crow\n---\n\[Verse\]\n/);
    if (!vscode.window.state.focused) assert.deepEqual(messages.information, ['Lyrics ready: A Bright Pop Song']);

    await executeCommand(Commands.refresh, task.id);
    await quietPeriod(LONGER_THAN_GRACE_MS);
    assert.equal(openSongs().length, before + 1, 'opened once');
  });

  it('sends nothing for an empty prompt or a cancelled box, and refuses an over-long prompt while typing', async () => {
    for (const prompt of [undefined, '', '   ']) {
      const { task } = await generate(prompt);
      assert.equal(task, undefined);
      restore?.();
    }
    const reasons: (string | undefined)[] = [];
    restore = standInFor({
      showInputBox: async (options: vscode.InputBoxOptions) => {
        for (const text of ['', 'the sea', 'x'.repeat(3001), '\u202e$(alert)']) reasons.push((await options.validateInput?.(text)) as string | undefined);
        return undefined;
      },
    });
    await executeCommand(Commands.generateLyrics);
    assert.deepEqual(reasons.slice(0, 2), [undefined, undefined]);
    assert.match(String(reasons[2]), /3001 characters; at most 3000/);
    assert.equal(reasons[3], undefined, 'any words are a prompt');
    assert.equal(fixture.gateway.submits.length, 0);
  });

  it('opens the lyrics of a task generated in another window or before a reload, and says why one failed', async () => {
    const { messages, standIns } = catchMessages();
    restore = standInFor(standIns);
    const done = fixture.gateway.addTask({ dialect: 'lyrics', startStage: 'SUCCESS', title: 'Other Window', lyrics: '[Verse]\nFrom elsewhere' });
    const [fetched] = await fetchTasks(done);
    assert.ok(fetched);
    // As another window's submit reaches this one: a task file with its origin.
    const failed: Task = { ...fetched, id: 'lyrics-failed-elsewhere', status: 'failed', lyrics: null, failReason: 'Blocked [x](command:workbench.action.quit) $(alert)' };
    const fresh: Task = { ...fetched, id: 'lyrics-done-elsewhere' };
    const origin = { documentUri: null, action: GENERATE_LYRICS_ACTION, submittedAt: Date.now() };
    await fixture.api.services.store.upsert([fresh, failed], new Map([[fresh.id, origin], [failed.id, origin]]));

    const song = await waitFor('the other window’s lyrics', () => openSongs().find((document) => document.getText().includes('From elsewhere')));
    assert.match(song.getText(), /^---\ntitle: Other Window\nmodel: chirp-auk\n---\n/);
    await waitFor('the failure said', () => messages.error.length > 0);
    assert.equal(messages.error.length, 1);
    assert.match(messages.error[0], /^The lyrics "Other Window" could not be written: Blocked /);
    assert.doesNotMatch(messages.error[0], /\]\(command:|\$\(alert\)/, 'the reason is inert');
    assert.equal(openSongs().filter((document) => document.getText().includes('From elsewhere')).length, 1, 'the task fetched by id opened nothing');
  });

  it('leaves a finished lyrics task fetched by its id alone', async () => {
    const before = openSongs().length;
    const id = fixture.gateway.addTask({ dialect: 'lyrics', startStage: 'SUCCESS', title: 'Fetched', lyrics: 'la' });
    await fetchTasks(id);
    await quietPeriod(LONGER_THAN_GRACE_MS);
    assert.equal(openSongs().length, before);
  });
});
