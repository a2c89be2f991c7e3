// The harness's first proof that the extension really runs inside VS Code: it is loaded from the
// project, activates, and every command it contributes is registered.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const extensionId = 'suno-tasks.suno-tasks';

interface ContributedCommand {
  command: string;
}

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(extensionId);
  assert.ok(found, `${extensionId} is not loaded`);
  return found;
}

describe('Extension activation', () => {
  it('is loaded from the project as an extension under development', () => {
    const loaded = extension();
    assert.equal(loaded.packageJSON.displayName, 'Suno Tasks');
    // This file compiles to out/test/integration/, three levels below the project root.
    assert.equal(loaded.extensionUri.fsPath, path.resolve(__dirname, '..', '..', '..'));
  });

  it('activates', async () => {
    const loaded = extension();
    await loaded.activate();
    assert.equal(loaded.isActive, true);
  });

  it('registers every command it contributes, suno.fetchTask among them', async () => {
    await extension().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (extension().packageJSON.contributes.commands as ContributedCommand[]).map((entry) => entry.command);
    assert.ok(contributed.includes('suno.fetchTask'));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
  });

  it('hands its API to its own tests only: it runs in ExtensionMode.Test', async () => {
    // activate() returns its services only in this mode; an installed .vsix runs in Production
    // mode and exports nothing (the packaging UI test checks that from a second extension).
    const api = (await extension().activate()) as { services?: { context: vscode.ExtensionContext } } | undefined;
    assert.ok(api?.services, 'no API in test mode');
    assert.equal(api.services.context.extensionMode, vscode.ExtensionMode.Test);
  });

  it('runs in test mode with the test workspace open', () => {
    assert.equal(process.env.SUNO_TEST_MODE, '1');
    const workspace = process.env.SUNO_TEST_WORKSPACE;
    assert.ok(workspace, 'SUNO_TEST_WORKSPACE is not set');
    assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, workspace);
  });
});
