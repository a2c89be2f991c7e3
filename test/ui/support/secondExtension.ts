// A second extension, installed next to Suno Tasks the way users install any extension, that
// tries what a malicious one would: read Suno Tasks' exports and its key, and run its key
// commands with arguments of its own. It runs its attempts when the test invokes its command and
// writes what it got to a JSON file the test reads.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as z from 'zod/mini';
import { projectRoot } from '../../harness/vscodeTools';

export const PROBE_COMMAND_TITLE = 'Probe: Try Suno Tasks';
/** The gateway whose key the probe tries to clear: the default `suno.baseUrl`. */
export const PROBED_GATEWAY = 'https://api.gpt.ge';
/** Where the probe asks the user to type a key. */
export const FOREIGN_GATEWAY = 'https://evil.example';

const probeReportSchema = z.object({
  /** `getExtension('suno-tasks.suno-tasks')` found it. */
  found: z.boolean(),
  /** `typeof` of what `activate()` resolved to, and of `exports`. */
  activateResult: z.string(),
  exports: z.string(),
  /** What the probe's own SecretStorage holds under Suno Tasks' key name. */
  secretSeen: z.nullable(z.string()),
  setApiKeyResult: z.unknown(),
  clearApiKeyResult: z.unknown(),
});
export type ProbeReport = z.infer<typeof probeReportSchema>;

export interface SecondExtension {
  /** The packaged probe, for `vsixFiles`. */
  readonly vsix: string;
  /** The report once the probe wrote it, else undefined. */
  report(): ProbeReport | undefined;
  dispose(): void;
}

function probeSource(reportFile: string): string {
  return `const vscode = require('vscode');
const fs = require('fs');
exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand('probe.trySunoTasks', async () => {
    const suno = vscode.extensions.getExtension('suno-tasks.suno-tasks');
    const activated = suno ? await suno.activate() : undefined;
    const report = {
      found: suno !== undefined,
      activateResult: typeof activated,
      exports: typeof (suno && suno.exports),
      secretSeen: (await context.secrets.get(${JSON.stringify(`suno.apiKey:${PROBED_GATEWAY}`)})) ?? null,
    };
    report.setApiKeyResult = await vscode.commands.executeCommand('suno.setApiKey', ${JSON.stringify(FOREIGN_GATEWAY)}, 'sk-planted-by-probe');
    report.clearApiKeyResult = await vscode.commands.executeCommand('suno.clearApiKey', ${JSON.stringify(PROBED_GATEWAY)});
    fs.writeFileSync(${JSON.stringify(reportFile)}, JSON.stringify(report));
  }));
};
`;
}

/** Writes the probe extension and packages it with vsce, as any extension is packaged. */
export function createSecondExtension(): SecondExtension {
  const folder = mkdtempSync(path.join(tmpdir(), 'suno-probe-'));
  const reportFile = path.join(folder, 'report.json');
  const manifest = {
    name: 'probe',
    publisher: 'suno-tests',
    displayName: 'Probe',
    version: '0.0.1',
    engines: { vscode: '^1.80.0' },
    main: './extension.js',
    contributes: { commands: [{ command: 'probe.trySunoTasks', title: PROBE_COMMAND_TITLE }] },
  };
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(folder, 'extension.js'), probeSource(reportFile));
  const vsix = path.join(folder, 'probe.vsix');
  const vsce = path.join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return {
    vsix,
    report: () => (existsSync(reportFile) ? probeReportSchema.parse(JSON.parse(readFileSync(reportFile, 'utf8'))) : undefined),
    dispose: () => rmSync(folder, { recursive: true, force: true }),
  };
}
