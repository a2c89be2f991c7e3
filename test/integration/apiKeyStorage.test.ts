// What the user reads when VS Code's secret storage fails. The desktop keeps secrets in the
// operating system's keychain, VS Code for the web in the browser: the Linux keyring advice is
// for the desktop app only, and no sentence calls the browser's storage a system keychain.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ApiKeys } from '../../src/auth/apiKeys';
import { Settings } from '../../src/configuration/settings';

/** A secret storage that refuses every read, write and removal, as a missing keyring does. */
function refusingSecrets(): vscode.SecretStorage {
  const refuse = (): Promise<never> => Promise.reject(new Error('storage unavailable'));
  return {
    get: refuse,
    store: refuse,
    delete: refuse,
    keys: refuse,
    onDidChange: new vscode.EventEmitter<vscode.SecretStorageChangeEvent>().event,
  };
}

async function failureOf(operation: Promise<unknown>): Promise<string> {
  try {
    await operation;
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('the secret storage failure was not reported');
}

describe('API keys when the secret storage fails', () => {
  const disposables: vscode.Disposable[] = [];
  afterEach(() => disposables.splice(0).forEach((disposable) => disposable.dispose()));

  function apiKeys(inBrowser: boolean): ApiKeys {
    const settings = new Settings({ testMode: true, pollIntervalMs: undefined, walkthroughOnFirstRun: false });
    const keys = new ApiKeys(refusingSecrets(), settings, inBrowser);
    disposables.push(keys, settings);
    return keys;
  }

  it('gives the Linux keyring advice on the desktop', async () => {
    const message = await failureOf(apiKeys(false).set('https://gateway.example', 'sk-test'));
    assert.match(message, /^Could not save the API key for https:\/\/gateway\.example in VS Code's secret storage: storage unavailable\. /);
    assert.match(message, /GNOME Keyring, KWallet/);
  });

  it('gives no keyring advice in the browser, where the browser keeps the secrets', async () => {
    const message = await failureOf(apiKeys(true).set('https://gateway.example', 'sk-test'));
    assert.equal(message, "Could not save the API key for https://gateway.example in VS Code's secret storage: storage unavailable.");
  });

  it('names no system keychain when reading or removing fails, wherever it runs', async () => {
    for (const inBrowser of [false, true]) {
      const keys = apiKeys(inBrowser);
      assert.equal(await failureOf(keys.get('https://gateway.example')), "Could not read the API key for https://gateway.example from VS Code's secret storage: storage unavailable");
      assert.equal(await failureOf(keys.delete('https://gateway.example')), "Could not remove the API key for https://gateway.example from VS Code's secret storage: storage unavailable");
    }
  });
});
