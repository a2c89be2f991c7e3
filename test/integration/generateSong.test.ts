// Generate Song against the local gateway: the body the gateway receives is what the document
// says, field by field; the new task is tracked with its origin, opened and followed to the end;
// the money rules ask before the first submit and before a repeat; a low balance and a lost
// answer say what to do and leave the document as it was.
import * as assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands, SONG_LANGUAGE_ID } from '../../src/contributionIds';
import { notFetchedYet } from '../../src/core/task/model';
import { useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

const SONG = [
  '---',
  'title: City Lights',
  'style: synthwave, female vocals',
  'exclude: heavy metal',
  'model: chirp-crow',
  'instrumental: false',
  '---',
  '[Verse]',
  'Neon rivers run',
  '',
  '[Chorus]',
  'City lights, city lights',
  '',
].join('\n');

interface ShownMessage {
  readonly severity: 'warning' | 'error' | 'information';
  readonly text: string;
  readonly actions: readonly string[];
  readonly modal: boolean;
  readonly detail?: string;
}

/**
 * Stands in for the person: records every message the extension shows and answers modal
 * questions with `answers` in turn (undefined closes the dialog); other messages are dismissed.
 */
class MessageRecorder {
  readonly shown: ShownMessage[] = [];
  answers: (string | undefined)[] = [];
  private readonly originals = new Map<string, unknown>();

  install(): void {
    const window = vscode.window as unknown as Record<string, (...args: unknown[]) => Thenable<unknown>>;
    for (const [name, severity] of [['showWarningMessage', 'warning'], ['showErrorMessage', 'error'], ['showInformationMessage', 'information']] as const) {
      this.originals.set(name, window[name]);
      window[name] = (text: unknown, ...rest: unknown[]) => {
        const options = typeof rest[0] === 'object' && rest[0] !== null ? (rest.shift() as vscode.MessageOptions) : undefined;
        const actions = rest.map((action) => (typeof action === 'string' ? action : String((action as vscode.MessageItem).title)));
        const modal = options?.modal === true;
        this.shown.push({ severity, text: String(text), actions, modal, ...(options?.detail !== undefined && { detail: options.detail }) });
        return Promise.resolve(modal ? this.answers.shift() : undefined);
      };
    }
  }

  restore(): void {
    const window = vscode.window as unknown as Record<string, unknown>;
    for (const [name, original] of this.originals) window[name] = original;
  }

  questions(): ShownMessage[] {
    return this.shown.filter((message) => message.modal);
  }
}

type PickItem = vscode.QuickPickItem & { readonly id?: string };

/** Answers the quick picks shown, in turn, with what each chooser takes from the items. */
function answerPicks(choosers: ((items: readonly PickItem[]) => PickItem | undefined)[]): { restore(): void } {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window.showQuickPick;
  window.showQuickPick = async (items: readonly PickItem[] | Thenable<readonly PickItem[]>) => choosers.shift()?.(await items);
  return { restore: () => (window.showQuickPick = original) };
}

async function openSong(content = SONG): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: SONG_LANGUAGE_ID, content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

describe('Generate Song', function () {
  this.timeout(30_000);
  const fixture = useExtensionWithGateway();
  let messages: MessageRecorder;

  beforeEach(() => {
    messages = new MessageRecorder();
    messages.install();
  });

  afterEach(async () => {
    messages.restore();
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', undefined, vscode.ConfigurationTarget.Global);
  });

  it('sends exactly what the document says, tracks the task with its origin, opens it and follows it to the end', async () => {
    const { api, gateway } = fixture;
    const document = await openSong();
    messages.answers = ['Submit'];
    const task = await executeCommand(Commands.generateSong, document.uri);
    assert.ok(task, 'no task was tracked');

    assert.equal(gateway.submits.length, 1);
    assert.equal(gateway.submits[0].path, '/suno/submit/music');
    assert.deepEqual(gateway.submits[0].body, {
      prompt: '[Verse]\nNeon rivers run\n\n[Chorus]\nCity lights, city lights',
      mv: 'chirp-crow',
      title: 'City Lights',
      tags: 'synthwave, female vocals',
      make_instrumental: false,
      negative_tags: 'heavy metal',
    });
    assert.equal(task.id, gateway.submits[0].taskId);
    const origin = api.services.store.origin(task.id);
    assert.equal(origin?.documentUri, document.uri.toString());
    assert.equal(origin?.action, 'generateSong');
    await waitFor('the task’s panel', () => api.ui.panels.isVisible(task.id));

    const finished = await waitFor('the task to finish', () => {
      const current = api.services.store.get(task.id);
      return current?.status === 'succeeded' ? current : undefined;
    });
    assert.equal(finished.title, 'City Lights');
    assert.equal(document.getText(), SONG);
  });

  it('asks before the first submit to a gateway, naming its host and the model; "Don\'t Ask Again" is remembered', async () => {
    const { gateway } = fixture;
    const host = new URL(gateway.url).host;
    const document = await openSong();
    messages.answers = [undefined];
    assert.equal(await executeCommand(Commands.generateSong, document.uri), undefined);
    assert.equal(gateway.submits.length, 0, 'sent although the question was dismissed');
    const [question] = messages.questions();
    assert.ok(question.text.includes(host), question.text);
    assert.ok(question.text.includes('v5 (chirp-crow)'), question.text);
    assert.match(question.text, /credits/);
    assert.deepEqual(question.actions, ['Submit', "Submit, Don't Ask Again"]);

    messages.answers = ["Submit, Don't Ask Again"];
    assert.ok(await executeCommand(Commands.generateSong, document.uri));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.lineAt(8).range, 'Neon rivers ran');
    await vscode.workspace.applyEdit(edit);
    const asked = messages.questions().length;
    assert.ok(await executeCommand(Commands.generateSong, document.uri));
    assert.equal(messages.questions().length, asked, 'asked again after "Don\'t Ask Again"');
    assert.equal(gateway.submits.length, 2);
  });

  it('asks nothing with suno.confirmBeforeSubmit off, but still asks before the same song again within a minute', async () => {
    const { gateway } = fixture;
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', false, vscode.ConfigurationTarget.Global);
    const document = await openSong();
    assert.ok(await executeCommand(Commands.generateSong, document.uri));
    assert.equal(messages.questions().length, 0);

    messages.answers = [undefined];
    assert.equal(await executeCommand(Commands.generateSong, document.uri), undefined);
    assert.equal(gateway.submits.length, 1, 'the repeat was sent without asking');
    assert.match(messages.questions()[0].text, /the song “City Lights” to .* less than a minute ago, exactly as it is now/);
    assert.deepEqual(messages.questions()[0].actions, ['Submit Again']);

    messages.answers = ['Submit Again'];
    assert.ok(await executeCommand(Commands.generateSong, document.uri));
    assert.equal(gateway.submits.length, 2);
  });

  it('a low balance says so with the gateway site to go to, tracks nothing and leaves the document open and unchanged', async () => {
    const { api, gateway } = fixture;
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', false, vscode.ConfigurationTarget.Global);
    gateway.setSubmitFault({ kind: 'quota', count: 1 });
    const document = await openSong();
    assert.equal(await executeCommand(Commands.generateSong, document.uri), undefined);
    const shown = await waitFor('the balance message', () => messages.shown.find((message) => message.severity === 'error'));
    assert.match(shown.text, /balance is too low/);
    assert.deepEqual(shown.actions, ['Open Gateway Site', 'Show Logs']);
    assert.equal(api.services.store.all().length, 0);
    assert.equal(document.isClosed, false);
    assert.equal(document.getText(), SONG);
    assert.equal(vscode.window.activeTextEditor?.document, document);

    // Refused, so not charged: the same song again is no repeat to ask about.
    assert.ok(await executeCommand(Commands.generateSong, document.uri));
    assert.equal(messages.questions().length, 0);
  });

  it('a lost answer says the submit may have been accepted, offers no Retry, and a second try asks first', async () => {
    const { api, gateway } = fixture;
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', false, vscode.ConfigurationTarget.Global);
    gateway.setSubmitFault({ kind: 'reset', count: 1 });
    const document = await openSong();
    assert.equal(await executeCommand(Commands.generateSong, document.uri), undefined);
    const shown = await waitFor('the unknown outcome message', () => messages.shown.find((message) => /may have been accepted/.test(message.text)));
    assert.equal(shown.severity, 'warning');
    assert.match(shown.text, /Check the gateway's task list before submitting again/);
    assert.equal(shown.actions.includes('Retry'), false);
    assert.equal(gateway.submits.length, 1);
    assert.equal(api.services.store.all().length, 0);
    assert.equal(document.isClosed, false);
    assert.equal(document.getText(), SONG);

    messages.answers = [undefined];
    assert.equal(await executeCommand(Commands.generateSong, document.uri), undefined);
    assert.equal(gateway.submits.length, 1, 'sent again without asking');
    assert.match(messages.questions()[0].text, /less than a minute ago/);
  });

  it('a refused submit shows the gateway’s reason as text', async () => {
    const { gateway } = fixture;
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', false, vscode.ConfigurationTarget.Global);
    gateway.setSubmitFault({ kind: 'invalid_request', message: 'prompt too odd [x](command:workbench.action.quit) $(alert)', count: 1 });
    const document = await openSong();
    assert.equal(await executeCommand(Commands.generateSong, document.uri), undefined);
    const shown = await waitFor('the refusal', () => messages.shown.find((message) => message.severity === 'error'));
    assert.match(shown.text, /refused the submit: .*prompt too odd/);
    assert.doesNotMatch(shown.text, /\]\(command:|\$\(alert\)/);
    assert.equal(document.getText(), SONG);
  });

  it('sends nothing for a song with errors, and shows them in the Problems view', async () => {
    const { gateway } = fixture;
    const document = await openSong('---\ntitle: Empty\n---\n');
    assert.equal(await executeCommand(Commands.generateSong, document.uri), undefined);
    const shown = await waitFor('the message', () => messages.shown.find((message) => message.severity === 'error'));
    assert.match(shown.text, /cannot be generated yet/);
    assert.equal(gateway.submits.length, 0);
    assert.equal(messages.questions().length, 0, 'asked about money for a song that cannot be sent');
  });

  it('offers Set API Key and sends nothing when the gateway has no key', async () => {
    const { api, gateway } = fixture;
    await api.services.apiKeys.delete(gateway.url);
    const document = await openSong();
    assert.equal(await executeCommand(Commands.generateSong, document.uri), undefined);
    assert.equal(gateway.submits.length, 0);
    const shown = messages.shown.find((message) => message.text.includes('No API key'));
    assert.ok(shown);
    assert.deepEqual(shown.actions, ['Set API Key…']);
  });

  it('refuses a URI that is no open song document, and a song from the active editor works without one', async () => {
    const { gateway } = fixture;
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', false, vscode.ConfigurationTarget.Global);
    assert.equal(await executeCommand(Commands.generateSong, vscode.Uri.parse('file:///etc/passwd')), undefined);
    assert.equal(await executeCommand(Commands.generateSong, 'file:///tmp/song.suno'), undefined);
    assert.equal(gateway.submits.length, 0);
    await openSong();
    assert.ok(await executeCommand(Commands.generateSong));
    assert.equal(gateway.submits.length, 1);
  });

  it('the CodeLens names the gateway host and the model, and Change Model edits the front matter', async () => {
    const { gateway } = fixture;
    const document = await openSong(SONG.replace('model: chirp-crow', 'model: $(alert)'));
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const titles = found.map((lens) => lens.command?.title ?? '');
    const host = new URL(gateway.url).host;
    assert.ok(titles.some((title) => title.startsWith(`$(play) Generate on ${host} with `)), titles.join(' | '));
    assert.ok(titles.every((title) => !title.includes('$(alert)')), 'the document’s model became an icon');
    assert.ok(titles.includes('Change Model'));

    const picks = answerPicks([(items) => items.find((item) => item.id === 'chirp-v4')]);
    try {
      assert.equal(await executeCommand(Commands.changeSongModel, document.uri), true);
    } finally {
      picks.restore();
    }
    assert.equal(document.getText(), SONG.replace('model: chirp-crow', 'model: chirp-v4'));
  });

  it('Generate from Description sends the description, the vocals choice and the model picked', async () => {
    const { api, gateway } = fixture;
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', false, vscode.ConfigurationTarget.Global);
    const window = vscode.window as unknown as Record<string, unknown>;
    const showInputBox = window.showInputBox;
    const validations: unknown[] = [];
    window.showInputBox = async (options: vscode.InputBoxOptions) => {
      validations.push(await options.validateInput?.('x'.repeat(501)));
      return '  a nostalgic synthwave song about night drives  ';
    };
    const picks = answerPicks([(items) => items.find((item) => item.label === 'Instrumental'), (items) => items.find((item) => item.id === 'chirp-bluejay')]);
    let task;
    try {
      task = await executeCommand(Commands.generateFromDescription);
    } finally {
      window.showInputBox = showInputBox;
      picks.restore();
    }
    assert.ok(task);
    assert.match(String(validations[0]), /501 characters; at most 500/);
    assert.deepEqual(gateway.submits[0].body, { gpt_description_prompt: 'a nostalgic synthwave song about night drives', mv: 'chirp-bluejay', make_instrumental: true });
    assert.equal(api.services.store.origin(task.id)?.action, 'generateFromDescription');
    assert.equal(api.services.store.origin(task.id)?.documentUri, null);
  });

  it('Open Song Document opens the recorded document, and says so when an untitled one was closed', async () => {
    const { api } = fixture;
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', false, vscode.ConfigurationTarget.Global);
    const document = await openSong();
    const task = await executeCommand(Commands.generateSong, document.uri);
    assert.ok(task);
    // The tree says where the task came from, and offers the menu item that opens it.
    const { provider } = api.tracker;
    const item = provider.getTreeItem(provider.taskElement(task.id));
    assert.match(String(item.tooltip), /^Created with: Generate Song from Untitled-\d+$/m);
    assert.match(String(item.contextValue), /\bhasSourceDocument\b/);

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'another document' }), { preview: false });
    const reopened = await executeCommand(Commands.openSourceDocument, task.id);
    assert.equal(reopened, document);
    assert.equal(vscode.window.activeTextEditor?.document, document);

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the untitled song to close', () => document.isClosed);
    assert.equal(await executeCommand(Commands.openSourceDocument, task.id), undefined);
    assert.ok(messages.shown.some((message) => /untitled song document .* is no longer open: it was closed/.test(message.text)));
    assert.ok(api.services.store.get(task.id), 'the task went with its document');
  });

  it('Open Song Document follows an untitled song saved under a file name', async () => {
    const { api } = fixture;
    await vscode.workspace.getConfiguration('suno').update('confirmBeforeSubmit', false, vscode.ConfigurationTarget.Global);
    const folder = await mkdtemp(path.join(tmpdir(), 'suno-saved-song-'));
    try {
      // An untitled document that knows its file name saves there without a dialog, as Save As would.
      const target = vscode.Uri.file(path.join(folder, 'Night Train.suno'));
      const untitled = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
      const editor = await vscode.window.showTextDocument(untitled, { preview: false });
      // Saving may change the words a little: trailing spaces trimmed, a final newline added.
      await vscode.workspace.getConfiguration('files').update('trimTrailingWhitespace', true, vscode.ConfigurationTarget.Global);
      await vscode.workspace.getConfiguration('files').update('insertFinalNewline', true, vscode.ConfigurationTarget.Global);
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), `${SONG.trimEnd()}   `));
      const task = await executeCommand(Commands.generateSong, untitled.uri);
      assert.ok(task);
      // Another untitled song with the same words, which was not submitted, must not confuse it.
      await openSong(SONG);
      // Nor a task another window generated from its own document of the same untitled name.
      const foreign = notFetchedYet('foreign-window-task', fixture.gateway.url);
      const foreignOrigin = { documentUri: untitled.uri.toString(), action: 'generateSong', submittedAt: Date.now() };
      await api.services.store.upsert([foreign], new Map([[foreign.id, foreignOrigin]]));

      assert.ok(await untitled.save(), 'the untitled song was saved');
      await waitFor('the task to lead to the saved file', () => api.services.store.origin(task.id)?.documentUri === target.toString());
      const { provider } = api.tracker;
      assert.match(String(provider.getTreeItem(provider.taskElement(task.id)).tooltip), /^Created with: Generate Song from Night Train\.suno$/m);
      assert.deepEqual(api.services.store.origin(foreign.id), foreignOrigin, 'the other window’s task keeps its link');

      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const reopened = await executeCommand(Commands.openSourceDocument, task.id);
      assert.equal(reopened?.uri.toString(), target.toString());
      assert.equal(reopened?.getText(), `${SONG.trimEnd()}\n`);
    } finally {
      await vscode.workspace.getConfiguration('files').update('trimTrailingWhitespace', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.getConfiguration('files').update('insertFinalNewline', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('a task fetched by id has no song document to open', async () => {
    const { api, gateway } = fixture;
    const id = gateway.addTask({ title: 'Fetched', startStage: 'SUCCESS', pollsPerStage: 0 });
    await executeCommand(Commands.fetchTask, id);
    const { provider } = api.tracker;
    assert.doesNotMatch(String(provider.getTreeItem(provider.taskElement(id)).contextValue), /hasSourceDocument/);
    assert.equal(await executeCommand(Commands.openSourceDocument, id), undefined);
    assert.ok(messages.shown.some((message) => /not generated from a song document/.test(message.text)));
  });
});
