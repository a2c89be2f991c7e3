// suno.setApiKey and suno.clearApiKey run with arguments from outside (another extension, a
// link): they ask before doing anything, and the answer decides. The dialogs are modal, so the
// tests answer them through a stand-in for the window's warning message.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { executeCommand } from '../../src/commands/typedCommands';
import { Commands } from '../../src/contributionIds';
import { useExtensionWithGateway } from './support/extensionTestSupport';

interface Asked {
  readonly message: string;
  readonly modal: boolean;
}

type ShowWarningMessage = typeof vscode.window.showWarningMessage;
type ShowInputBox = typeof vscode.window.showInputBox;

describe('Key commands run with arguments from outside', function () {
  this.timeout(20_000);
  const fixture = useExtensionWithGateway();
  const window = vscode.window as { showWarningMessage: ShowWarningMessage; showInputBox: ShowInputBox };
  const originalWarning = window.showWarningMessage;
  const originalInputBox = window.showInputBox;
  let asked: Asked[];
  let inputBoxes: number;

  /** Answers every warning with `answer` (undefined: the user cancelled) and records it. */
  function answerWarnings(...answers: (string | undefined)[]): void {
    window.showWarningMessage = ((message: string, ...rest: unknown[]) => {
      const options = typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as vscode.MessageOptions) : {};
      asked.push({ message, modal: options.modal === true });
      return Promise.resolve(answers.shift());
    }) as ShowWarningMessage;
  }

  beforeEach(() => {
    asked = [];
    inputBoxes = 0;
    window.showInputBox = (() => {
      inputBoxes++;
      return Promise.resolve(undefined);
    }) as ShowInputBox;
  });

  afterEach(() => {
    window.showWarningMessage = originalWarning;
    window.showInputBox = originalInputBox;
  });

  it('asks before prompting for a key for a gateway named by another extension, and never takes the key given', async () => {
    answerWarnings(undefined);
    const stored = await executeCommand(Commands.setApiKey, 'https://evil.example', 'sk-planted-key');
    assert.equal(stored, false);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].modal, true);
    assert.match(asked[0].message, /Another extension or a link asks you to enter a Suno API key for https:\/\/evil\.example/);
    assert.equal(inputBoxes, 0, 'no key prompt after the user declined');
    assert.equal(await fixture.api.services.apiKeys.get('https://evil.example'), undefined);
  });

  it('prompts for the key, and only that, once the user agrees', async () => {
    answerWarnings('Continue');
    await executeCommand(Commands.setApiKey, 'https://other.example', 'sk-planted-key');
    assert.equal(asked.length, 1);
    assert.equal(inputBoxes, 1, 'the user is asked to type the key');
    assert.equal(await fixture.api.services.apiKeys.get('https://other.example'), undefined, 'the key in the arguments is ignored');
  });

  it('keeps the key when the user declines a clear asked for by another extension', async () => {
    answerWarnings(undefined);
    const cleared = await executeCommand(Commands.clearApiKey, fixture.gateway.url);
    assert.equal(cleared, false);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].modal, true);
    assert.match(asked[0].message, /Another extension or a link asks for this/);
    assert.equal(await fixture.api.services.apiKeys.get(fixture.gateway.url), 'test-key');
  });

  it('clears the key when the user confirms', async () => {
    answerWarnings('Remove Key');
    assert.equal(await executeCommand(Commands.clearApiKey, fixture.gateway.url), true);
    assert.equal(await fixture.api.services.apiKeys.get(fixture.gateway.url), undefined);
  });

  it('warns that a key for a public plain-http gateway would travel unencrypted', async () => {
    await vscode.workspace.getConfiguration('suno').update('baseUrl', 'http://api.example.com', vscode.ConfigurationTarget.Global);
    answerWarnings(undefined);
    assert.equal(await executeCommand(Commands.setApiKey), false);
    assert.equal(asked.length, 1);
    assert.match(asked[0].message, /plain http: the API key would travel unencrypted/);
    assert.equal(inputBoxes, 0);
  });

  it('asks nothing for a loopback gateway run from the palette', async () => {
    answerWarnings();
    await executeCommand(Commands.setApiKey);
    assert.deepEqual(asked, []);
    assert.equal(inputBoxes, 1);
  });
});
