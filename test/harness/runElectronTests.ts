// Runs the same integration suite (out/test/integration/index.js) in desktop VS Code, which
// @vscode/test-electron downloads from Microsoft: for desktops with internet access. Machines
// without it use runIntegrationTests.ts (code-server + Chromium), which scripts/test.sh runs.
//
//   npm run test:electron             latest stable VS Code
//   SUNO_VSCODE_VERSION=1.138.0 npm run test:electron
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { createRunDir, projectRoot } from './vscodeTools';

async function main(): Promise<void> {
  const runDir = createRunDir('electron');
  const workspace = path.join(runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  await runTests({
    version: process.env.SUNO_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: path.join(projectRoot, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', path.join(runDir, 'user-data'),
      '--extensions-dir', path.join(runDir, 'extensions'),
    ],
    extensionTestsEnv: { SUNO_TEST_MODE: '1', SUNO_TEST_WORKSPACE: workspace },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
