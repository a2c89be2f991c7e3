// One measured start, in a fresh Node process (see startup.js):
//
//   node activateOnce.js <bundle> <global storage folder>   load the bundle, run activate(), wait
//                                                           until the task store has loaded
//   node activateOnce.js <module>                           only load the module (the baseline)
//
// Both are loaded with `import()`, as VS Code loads an ES module extension; the chunks the bundle
// imports statically load with it, those it loads on first use do not.
//
// Prints one JSON line of milliseconds and exits, whatever timers the extension started.
'use strict';

const Module = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { performance } = require('node:perf_hooks');

const [bundle, storageFolder] = process.argv.slice(2);

function standInContext(vscode) {
  const secrets = { get: async () => undefined, store: async () => undefined, delete: async () => undefined, keys: async () => [], onDidChange: () => new vscode.Disposable() };
  const globalState = { get: () => undefined, update: async () => undefined, keys: () => [], setKeysForSync: () => undefined };
  return {
    subscriptions: [],
    secrets,
    globalState,
    globalStorageUri: vscode.Uri.file(storageFolder),
    extensionUri: vscode.Uri.file(path.resolve(__dirname, '..', '..')),
    // Test mode only makes activate() return its services, so the store's loading can be awaited.
    extensionMode: vscode.ExtensionMode.Test,
  };
}

async function main() {
  // The bundle's `import … from 'vscode'` goes through Node's ES module resolution: the stand-in
  // is answered by these hooks, which run in a thread of their own. Importing `vscode` once
  // starts that thread before anything is timed (VS Code's host has its own hooks running when
  // it loads an extension); the baseline does the same, so both processes pay for it.
  Module.register(pathToFileURL(path.join(__dirname, 'vscodeLoader.mjs')));
  await import('vscode');
  const started = performance.now();
  if (storageFolder === undefined) {
    await import(pathToFileURL(path.resolve(bundle)).href);
    console.log(JSON.stringify({ loadMs: performance.now() - started, totalMs: performance.now() }));
    process.exit(0);
  }
  const standIn = path.join(__dirname, 'vscodeStandIn.js');
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? standIn : resolve.call(this, request, ...rest);
  };
  const vscode = require('vscode');
  const context = standInContext(vscode);
  const loading = performance.now();
  const extension = await import(pathToFileURL(path.resolve(bundle)).href);
  const activating = performance.now();
  const api = extension.activate(context);
  const activated = performance.now();
  await api.services.store.loaded;
  const loaded = performance.now();
  console.log(
    JSON.stringify({
      loadMs: activating - loading,
      activateMs: activated - activating,
      storeLoadedMs: loaded - activated,
      tasks: api.services.store.all().length,
      totalMs: loaded,
    }),
  );
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
