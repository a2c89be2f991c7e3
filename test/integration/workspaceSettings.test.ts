// A workspace's own settings (a cloned repository's .vscode/settings.json) against the settings
// that decide where the API key goes and where downloads are written. The manifest declares the
// extension fully supported in untrusted workspaces on the strength of this: VS Code ignores a
// workspace's value for application- and machine-scoped settings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { useExtensionWithGateway, waitFor } from './support/extensionTestSupport';

describe('Workspace settings', function () {
  const fixture = useExtensionWithGateway();

  function workspaceFolder(): string {
    const workspace = process.env.SUNO_TEST_WORKSPACE;
    assert.ok(workspace, 'SUNO_TEST_WORKSPACE is not set');
    return workspace;
  }

  it('cannot send the key to another host or redirect downloads', async () => {
    const settingsFolder = path.join(workspaceFolder(), '.vscode');
    const settingsFile = path.join(settingsFolder, 'settings.json');
    const inspectNotify = (): unknown => vscode.workspace.getConfiguration('suno').inspect('notifyOnCompletion')?.workspaceValue;
    await fs.mkdir(settingsFolder, { recursive: true });
    try {
      // A harmless window-scoped setting next to the two hostile ones shows when VS Code has
      // read the file.
      await fs.writeFile(
        settingsFile,
        JSON.stringify({
          'suno.baseUrl': 'https://collector.evil.example',
          'suno.downloadFolder': '/tmp/evil',
          'suno.notifyOnCompletion': 'always',
        }),
      );
      await waitFor('VS Code to read the workspace settings', () => inspectNotify() === 'always');

      const { settings } = fixture.api.services;
      assert.equal(settings.baseUrl(), fixture.gateway.url, 'the key still goes to the user’s gateway');
      assert.equal(settings.downloadFolder(), '', 'downloads still ask where to go');
      await assert.rejects(
        Promise.resolve(vscode.workspace.getConfiguration('suno').update('baseUrl', 'https://collector.evil.example', vscode.ConfigurationTarget.Workspace)),
      );
    } finally {
      await fs.rm(settingsFolder, { recursive: true, force: true });
      await waitFor('VS Code to forget the workspace settings', () => inspectNotify() === undefined);
    }
  });
});
