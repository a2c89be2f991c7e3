// Starts a real VS Code server (code-server, VS Code 1.139 for the browser) on a free 127.0.0.1
// port with fresh user-data and extensions folders, and stops it together with every process it
// spawned (extension host, file watcher, pty host).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runToCompletion, spawnGroup, type GroupProcess } from './processes';
import { createRunDir, resolveVscodeTools } from './vscodeTools';

/** Settings that keep an offline VS Code quiet and its start predictable. */
const quietSettings: Record<string, unknown> = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

export interface CodeServerOptions {
  /** Folder for user data, extensions, workspace and logs; a fresh one under .vscode-test/runs/ by default. */
  runDir?: string;
  /** The folder the workbench opens by default; `<runDir>/workspace` (created empty) by default. */
  workspace?: string;
  userDataDir?: string;
  extensionsDir?: string;
  /** Extra environment for the server; it reaches the extension host, hence the extension and the tests. */
  env?: Record<string, string>;
  /** User settings written over the quiet defaults before the server starts. */
  settings?: Record<string, unknown>;
  /** Packaged extensions (.vsix) to install into the extensions folder before starting. */
  vsixFiles?: readonly string[];
  /** Echo the server's log to this process's stderr (default: only when SUNO_VERBOSE is set). */
  echo?: boolean;
  /**
   * Start VS Code with its smoke-test driver (default false). The built workbench honours the
   * extension development/test payload only in that mode, but the mode also hides every
   * notification toast (they only reach the notification centre), so a test that looks for a
   * toast can never see one. Turn it on only for a workbench that needs the payload.
   */
  smokeTestDriver?: boolean;
  /**
   * VS Code's display language (`--locale`, e.g. `zh-cn` or the pseudo-locale `qps-ploc`): the
   * extension host's `vscode.env.language`, which picks the extension's package.nls.<locale>.json
   * and l10n/bundle.l10n.<locale>.json. English by default. See `registerStubLanguagePack`.
   */
  locale?: string;
}

export interface WorkbenchUrlOptions {
  /** Folder to open; the server's workspace by default. */
  folder?: string;
  /** Load this folder as an extension under development (like F5). */
  extensionDevelopmentPath?: string;
  /** Run this compiled test index inside the extension host (needs extensionDevelopmentPath). */
  extensionTestsPath?: string;
}

export interface CodeServer {
  /** 'http://127.0.0.1:PORT' */
  readonly url: string;
  readonly port: number;
  readonly runDir: string;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Whether the server runs VS Code with the smoke-test driver (and so without toasts). */
  readonly smokeTestDriver: boolean;
  /**
   * The address that opens the workbench, with the development/test payload when asked for;
   * throws when the payload is asked for from a server without the smoke-test driver, which would
   * silently ignore it.
   */
  workbenchUrl(options?: WorkbenchUrlOptions): string;
  /** The server's log so far. */
  output(): string;
  /** Resolves if the server exits by itself (a crash). */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Installs a packaged extension into an extensions folder with code-server's own installer. */
export async function installExtension(vsixPath: string, extensionsDir: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const tools = resolveVscodeTools();
  const { code, output } = await runToCompletion(
    tools.node,
    [tools.codeServer, '--extensions-dir', extensionsDir, '--force', '--install-extension', vsixPath],
    { env },
  );
  if (code !== 0) throw new Error(`Installing ${vsixPath} failed (exit ${String(code)}):\n${output}`);
}

/**
 * code-server honours `--locale` only for a language it has a language pack for: without one the
 * workbench stays English and so does the extension host's `vscode.env.language`, whatever the
 * flag says. A language pack is found through `languagepacks.json` in the user data folder. This
 * registers one for `locale` that translates none of VS Code's own words (they stay English, no
 * download needed) but makes `locale` the display language, which is all an extension's
 * translations need.
 */
function registerStubLanguagePack(runDir: string, userDataDir: string, locale: string): void {
  const translations = path.join(runDir, 'stub-language-pack', 'main.i18n.json');
  mkdirSync(path.dirname(translations), { recursive: true });
  writeFileSync(translations, `${JSON.stringify({ version: '1.0.0', contents: {} })}\n`);
  const pack = {
    hash: `stub-${locale}`,
    extensions: [{ extensionIdentifier: { id: `suno-tasks-test.stub-language-pack-${locale}` }, version: '1.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  writeFileSync(path.join(userDataDir, 'languagepacks.json'), `${JSON.stringify({ [locale.toLowerCase()]: pack }, null, 2)}\n`);
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const tools = resolveVscodeTools();
  const runDir = options.runDir ?? createRunDir('code-server');
  const workspace = options.workspace ?? path.join(runDir, 'workspace');
  const userDataDir = options.userDataDir ?? path.join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(runDir, 'extensions');
  for (const folder of [workspace, userDataDir, extensionsDir, path.join(userDataDir, 'User')]) {
    mkdirSync(folder, { recursive: true });
  }
  if (options.locale !== undefined) registerStubLanguagePack(runDir, userDataDir, options.locale);
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    `${JSON.stringify({ ...quietSettings, ...options.settings }, null, 2)}\n`,
  );
  // code-server writes its config.yaml under XDG folders: keep it out of the user's home.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    ...options.env,
  };
  for (const vsix of options.vsixFiles ?? []) await installExtension(vsix, extensionsDir, env);

  const echo = options.echo ?? Boolean(process.env.SUNO_VERBOSE);
  const smokeTestDriver = options.smokeTestDriver ?? false;
  let announce: (port: number) => void = () => undefined;
  const announced = new Promise<number>((resolve) => (announce = resolve));
  let seen = '';
  const server: GroupProcess = spawnGroup(
    tools.node,
    [
      tools.codeServer,
      // Port 0: the system picks a free port and the server prints it, so parallel runs never collide.
      '--bind-addr', '127.0.0.1:0',
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      ...(options.locale ? ['--locale', options.locale] : []),
      // Without it the built workbench ignores the extension development/test payload.
      ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
      workspace,
    ],
    {
      env,
      onOutput: (text) => {
        if (echo) process.stderr.write(text);
        seen += text;
        const match = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
        if (match) announce(Number(match[1]));
      },
    },
  );
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000).unref());
  const port = await Promise.race([announced, server.exited.then(() => 'exited' as const), timeout]);
  if (typeof port !== 'number') {
    await server.stop();
    throw new Error(`code-server did not start (${port}):\n${server.output()}`);
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    runDir,
    workspace,
    userDataDir,
    extensionsDir,
    smokeTestDriver,
    workbenchUrl: (urlOptions = {}) => workbenchUrl(url, urlOptions.folder ?? workspace, urlOptions, smokeTestDriver),
    output: () => server.output(),
    exited: server.exited,
    stop: () => server.stop(),
  };
}

function workbenchUrl(serverUrl: string, folder: string, options: WorkbenchUrlOptions, smokeTestDriver: boolean): string {
  if ((options.extensionDevelopmentPath || options.extensionTestsPath) && !smokeTestDriver) {
    throw new Error('The extension development/test payload needs a code-server started with smokeTestDriver: true; without it the workbench ignores the payload.');
  }
  const remote = (absolutePath: string): string => `vscode-remote://${new URL(serverUrl).host}${absolutePath}`;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  const query = new URLSearchParams({ folder });
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${serverUrl}/?${query.toString()}`;
}
