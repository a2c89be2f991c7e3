// The web worker bundle (dist/web/extension.js): built as `npm run build` builds it, it holds no
// Node module and runs with a browser worker's globals only. A worker has no `process`, `Buffer`,
// `require` or `setImmediate`: the bundle is run in a context without them, against the stand-in
// vscode module with a global storage folder in memory behind `vscode.workspace.fs`.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import type { SunoExtensionApi } from '../../src/activation';
import { buildTask } from './support/taskBuilders';

const root = path.resolve(__dirname, '..', '..', '..');
/* eslint-disable @typescript-eslint/no-require-imports -- the build configuration and the stand-in are plain JavaScript outside the compiled tree */
const { bundleOptions } = require(path.join(root, 'esbuild.js')) as { bundleOptions(options: { production: boolean }): esbuild.BuildOptions[] };
const standIn = require(path.join(root, 'scripts', 'bench', 'vscodeStandIn.js')) as Record<string, unknown> & {
  workspace: Record<string, unknown>;
  Uri: { file(path: string): { path: string; scheme: string } };
};
/* eslint-enable @typescript-eslint/no-require-imports */

const WEB_ENTRY = 'src/web/extension.ts';

/** What a browser's dedicated worker offers that the extension may use; nothing of Node. */
const WORKER_GLOBALS = [
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'AbortController',
  'AbortSignal',
  'fetch',
  'Request',
  'Response',
  'Headers',
  'ReadableStream',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'crypto',
  'btoa',
  'atob',
  'console',
  'DOMException',
  'EventTarget',
  'Event',
  'structuredClone',
] as const;

function webBuild(production: boolean): esbuild.BuildResult & { metafile: esbuild.Metafile; outputFiles: esbuild.OutputFile[] } {
  const options = bundleOptions({ production }).find((option) => Array.isArray(option.entryPoints) && option.entryPoints.includes(WEB_ENTRY as never));
  assert.ok(options, `esbuild.js has no bundle for ${WEB_ENTRY}`);
  return esbuild.buildSync({ ...options, plugins: [], absWorkingDir: root, logLevel: 'silent', metafile: true, write: false, sourcemap: false });
}

class FileSystemError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** `vscode.workspace.fs` over a Map of path → bytes, enough for the shared files. */
function memoryFileSystem(files: Map<string, { bytes: Uint8Array; mtime: number }>): Record<string, unknown> {
  let clock = 0;
  const missing = (): never => {
    throw new FileSystemError('FileNotFound');
  };
  return {
    readDirectory: async (uri: { path: string }) => {
      const prefix = `${uri.path}/`;
      const names = [...files.keys()].filter((file) => file.startsWith(prefix) && !file.slice(prefix.length).includes('/'));
      if (names.length === 0) missing();
      return names.map((file) => [file.slice(prefix.length), 1]);
    },
    stat: async (uri: { path: string }) => {
      const file = files.get(uri.path) ?? missing();
      return { type: 1, size: file.bytes.byteLength, mtime: file.mtime, ctime: 0 };
    },
    readFile: async (uri: { path: string }) => (files.get(uri.path) ?? missing()).bytes,
    writeFile: async (uri: { path: string }, bytes: Uint8Array) => {
      files.set(uri.path, { bytes, mtime: ++clock });
    },
    createDirectory: async () => undefined,
    rename: async (from: { path: string }, to: { path: string }) => {
      files.set(to.path, files.get(from.path) ?? missing());
      files.delete(from.path);
    },
    delete: async (uri: { path: string }) => {
      if (!files.delete(uri.path)) missing();
    },
  };
}

describe('The web worker bundle', function () {
  this.timeout(60_000);

  it('is one CommonJS file for the browser, `vscode` its only import', () => {
    const result = webBuild(true);
    assert.deepEqual(
      result.outputFiles.map((file) => path.relative(root, file.path)),
      [path.join('dist', 'web', 'extension.js')],
      'no chunks: a web worker loads one file',
    );
    // The output's imports: an import only types use is gone from it.
    const external = Object.values(result.metafile.outputs)
      .flatMap((output) => output.imports)
      .filter((imported) => imported.external)
      .map((imported) => imported.path);
    assert.deepEqual([...new Set(external)], ['vscode']);
    const required = [...result.outputFiles[0]!.text.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    assert.deepEqual([...new Set(required)], ['vscode']);
    // Nor Node's globals, even behind a `typeof` guard: the entry point chooses, not the code.
    const readable = webBuild(false).outputFiles[0]!.text;
    for (const nodeGlobal of ['process', 'Buffer', 'setImmediate', '__dirname']) {
      assert.doesNotMatch(readable, new RegExp(`\\b${nodeGlobal}\\s*[.(\\[]|typeof ${nodeGlobal}\\b`), `the web bundle uses ${nodeGlobal}`);
    }
  });

  it('brings the browser\'s counterparts, never the Node ones', () => {
    const sources = Object.keys(webBuild(true).metafile.inputs);
    for (const web of ['src/commands/webDownload.ts', 'src/storage/workspaceSharedFiles.ts', 'src/core/gateway/crossOriginRefusal.ts', 'src/core/store/sha256.ts']) {
      assert.ok(sources.includes(web), `${web} is missing`);
    }
    for (const node of ['src/commands/download.ts', 'src/storage/newFile.ts', 'src/storage/nodeSharedFiles.ts', 'src/storage/nodeSha256.ts', 'src/storage/globalStorageFiles.ts']) {
      assert.ok(!sources.includes(node), `${node} is in the web bundle`);
    }
  });

  it('is declared as the manifest\'s `browser` entry and packaged', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the manifest is JSON outside the compiled tree
    const manifest = require(path.join(root, 'package.json')) as { browser?: string };
    assert.equal(manifest.browser, './dist/web/extension.js');
    // .vscodeignore is an allow-list: without its line, the package would ship no web bundle.
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!dist/web/extension.js'), '.vscodeignore leaves the web bundle out');
  });

  it('activates with a worker\'s globals only and keeps its tasks through vscode.workspace.fs', async () => {
    const code = webBuild(false).outputFiles[0]!.text;
    const files = new Map<string, { bytes: Uint8Array; mtime: number }>();
    const vscode = { ...standIn, FileType: { File: 1, Directory: 2 }, FileSystemError, workspace: { ...standIn.workspace, fs: memoryFileSystem(files) } };
    const globals: Record<string, unknown> = Object.fromEntries(WORKER_GLOBALS.map((name) => [name, (globalThis as Record<string, unknown>)[name]]));
    // Web Crypto as an insecure context has it (code-server over plain http): no randomUUID, no subtle.
    globals.crypto = { getRandomValues: <T extends ArrayBufferView>(array: T): T => crypto.getRandomValues(array as never) };
    const context = vm.createContext(globals);
    const module = { exports: {} as { activate?: (context: unknown) => SunoExtensionApi | undefined } };
    const load = vm.runInContext(`(function (module, exports, require) {${code}\n})`, context) as (...args: unknown[]) => void;
    load(module, module.exports, (name: string) => {
      if (name === 'vscode') return vscode;
      throw new Error(`the web bundle asked for ${name}`);
    });
    for (const nodeGlobal of ['process', 'Buffer', 'require', 'setImmediate', 'global']) {
      assert.equal(vm.runInContext(`typeof ${nodeGlobal}`, context), 'undefined', `${nodeGlobal} leaked into the worker's globals`);
    }

    const storage = standIn.Uri.file('/global-storage');
    const secrets = { get: async () => undefined, store: async () => undefined, delete: async () => undefined, keys: async () => [], onDidChange: () => ({ dispose() {} }) };
    const globalState = { get: () => undefined, update: async () => undefined, keys: () => [], setKeysForSync: () => undefined };
    const subscriptions: { dispose(): void }[] = [];
    try {
      // Inside the try: an activation that throws has started timers that must stop too.
      const api = module.exports.activate?.({
        subscriptions,
        secrets,
        globalState,
        globalStorageUri: storage,
        extensionUri: standIn.Uri.file(root),
        extensionMode: 3,
      });
      assert.ok(api, 'activate() returned nothing in test mode');
      await api.services.store.loaded;
      const task = buildTask({ id: 'web-task-1' });
      await api.services.store.upsert([task]);
      // Named by the core's SHA-256 in the worker, as Node's does on the desktop: both find the same file.
      const expected = `/global-storage/tasks/${createHash('sha256').update(task.id, 'utf8').digest('hex')}.json`;
      assert.ok(files.has(expected), `no ${expected} among ${[...files.keys()].join(', ')}`);
      assert.match(new TextDecoder().decode(files.get(expected)!.bytes), /web-task-1/);
    } finally {
      // The poller's and the store's timers stop with the extension.
      for (const disposable of subscriptions) disposable.dispose();
    }
  });
});
