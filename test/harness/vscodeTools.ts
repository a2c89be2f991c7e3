// Where the real VS Code (code-server), the Node that runs it, and Chromium live. scripts/test.sh
// exports them after running scripts/setup-vscode.sh; a test started on its own (e.g.
// `npx mocha out/test/ui/harness.test.js`) runs the set-up script itself, which returns at once
// when the cache is already filled.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root (this file compiles to out/test/harness/). */
export const projectRoot = path.resolve(__dirname, '..', '..', '..');

export interface VscodeTools {
  /** Node 24, which code-server requires. */
  readonly node: string;
  /** code-server's entry script (run it with `node`). */
  readonly codeServer: string;
  /** Debian's Chromium. */
  readonly chromium: string;
}

let cached: VscodeTools | undefined;

export function resolveVscodeTools(): VscodeTools {
  if (cached) return cached;
  let node = process.env.SUNO_NODE24;
  let codeServer = process.env.SUNO_CODE_SERVER;
  let chromium = process.env.SUNO_CHROMIUM;
  if (!node || !codeServer || !chromium) {
    const output = execFileSync('bash', [path.join(projectRoot, 'scripts', 'setup-vscode.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const value = (name: string): string | undefined => new RegExp(`^${name}=(.*)$`, 'm').exec(output)?.[1];
    node = value('NODE24');
    codeServer = value('CODE_SERVER');
    chromium = value('CHROMIUM');
  }
  if (!node || !codeServer || !chromium) {
    throw new Error('scripts/setup-vscode.sh did not report NODE24, CODE_SERVER and CHROMIUM');
  }
  cached = { node, codeServer, chromium };
  return cached;
}

const runsRoot = path.join(projectRoot, '.vscode-test', 'runs');

/**
 * A fresh folder for one run's user data, extensions and workspace, so that runs never see each
 * other's state. Folders stay after the run for inspection; ones older than a day are pruned.
 */
export function createRunDir(label: string): string {
  mkdirSync(runsRoot, { recursive: true });
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(runsRoot)) {
    const folder = path.join(runsRoot, name);
    try {
      if (name.startsWith('test-') && statSync(folder).mtimeMs < dayAgo) rmSync(folder, { recursive: true, force: true });
    } catch {
      // Another run pruned it first.
    }
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const folder = path.join(runsRoot, `test-${stamp}-${label}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** test-results/ collects screenshots and logs of failures (git-ignored). */
export function testResultsDir(): string {
  const folder = path.join(projectRoot, 'test-results');
  mkdirSync(folder, { recursive: true });
  return folder;
}
