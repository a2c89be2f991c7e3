// The bundles the .vsix ships and their size budgets (minified; 1 KB = 1,000 bytes, as the budgets
// are written: 150 KB is 150,000 bytes, every figure is printed in bytes too).
//
// The extension is an ES module entry that loads its features on first use from chunks
// (esbuild.js). Its budget is for what activation loads: the entry and the chunks it imports
// statically, read from esbuild's metafile. The chunks it loads with `import()` (commands, the
// song engine, the gateway check, submit) are listed beside it, with the total.
//
//   node scripts/bench/bundles.js   prints one line: the bundles of a fresh release build against
//                                   their budgets, and the size of suno-tasks.vsix
//                                   (scripts/test.sh prints it after `npm run package`)
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const esbuild = require('esbuild');
const { bundleOptions } = require('../../esbuild.js');

const root = path.resolve(__dirname, '..', '..');
const KB = 1000;

const EXTENSION = 'dist/extension.mjs';
const WEB_EXTENSION = 'dist/web/extension.js';
const PANEL = 'media/dist/panel.js';
/**
 * What .vscodeignore lets into the package, with what each may weigh. The web worker's bundle is
 * one file (a worker loads no ES modules), so its figure is everything, loaded at activation.
 */
const BUDGETS = { [EXTENSION]: 150 * KB, [WEB_EXTENSION]: 300 * KB, [PANEL]: 25 * KB };
const VSIX = 'suno-tasks.vsix';

function kb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function byteCount(bytes) {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** `156.3 KB of 150.0 KB, 6.3 KB over (156,300 bytes)` */
function againstBudget(bytes, budgetBytes) {
  const verdict = bytes <= budgetBytes ? 'within budget' : `${kb(bytes - budgetBytes)} over`;
  return `${kb(bytes)} of ${kb(budgetBytes)}, ${verdict} (${byteCount(bytes)})`;
}

/**
 * The output files of a metafile that `entry` loads before it runs: itself and, transitively, what
 * it imports with `import` statements. `import()` calls (kind `dynamic-import`) load later.
 */
function staticClosure(outputs, entry) {
  const loaded = new Set();
  const visit = (file) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const { path: imported, kind, external } of outputs[file].imports) {
      if (kind === 'import-statement' && !external) visit(imported);
    }
  };
  visit(entry);
  return loaded;
}

/**
 * The extension's figures from its build's metafile: `bytes` is what activation loads,
 * `lazyChunks` every other chunk; `activationSources` the source files activation loads.
 */
function extensionFigures(metafile, folder) {
  const relative = (output) => path.relative(folder, path.resolve(root, output)).split(path.sep).join('/');
  const outputs = Object.fromEntries(Object.entries(metafile.outputs).filter(([output]) => output.endsWith('.mjs')));
  const entry = Object.keys(outputs).find((output) => relative(output) === EXTENSION);
  const activation = staticClosure(outputs, entry);
  const sizeOf = (output) => ({ file: relative(output), bytes: outputs[output].bytes });
  const sum = (files) => files.reduce((total, { bytes }) => total + bytes, 0);
  const activationFiles = [...activation].map(sizeOf);
  const lazyChunks = Object.keys(outputs)
    .filter((output) => !activation.has(output))
    .map(sizeOf)
    .sort((a, b) => b.bytes - a.bytes);
  const activationSources = new Set([...activation].flatMap((output) => Object.keys(outputs[output].inputs)));
  return {
    bytes: sum(activationFiles),
    entryBytes: outputs[entry].bytes,
    activationFiles,
    lazyChunks,
    totalBytes: sum(activationFiles) + sum(lazyChunks),
    activationSources,
  };
}

/**
 * Builds the shipped bundles as `npm run build:release` does, into a temporary folder, so the
 * figures never come from a stale or development build. Returns each bundle's path, size and
 * budget (the extension's size is what activation loads, see `extensionFigures`); `dispose()`
 * removes the folder.
 */
function buildReleaseBundles() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'suno-bundles-'));
  const options = bundleOptions({ production: true });
  // Without the build's plugins (problem reporter, chunk cleaner): they need esbuild's asynchronous API.
  const build = (extra) => esbuild.buildSync({ ...extra, plugins: [], absWorkingDir: root, logLevel: 'warning', metafile: true });
  const extensionOptions = options.find((option) => option.entryPoints.includes('src/extension.ts'));
  const extensionBuild = build({ ...extensionOptions, outdir: path.join(folder, path.dirname(EXTENSION)) });
  const panelOptions = options.find((option) => option.outfile === PANEL);
  build({ ...panelOptions, outfile: path.join(folder, PANEL) });
  const webOptions = options.find((option) => option.outfile === WEB_EXTENSION);
  build({ ...webOptions, outfile: path.join(folder, WEB_EXTENSION) });
  const bundles = [
    { file: EXTENSION, budgetBytes: BUDGETS[EXTENSION], path: path.join(folder, EXTENSION), ...extensionFigures(extensionBuild.metafile, folder) },
    { file: WEB_EXTENSION, budgetBytes: BUDGETS[WEB_EXTENSION], path: path.join(folder, WEB_EXTENSION), bytes: fs.statSync(path.join(folder, WEB_EXTENSION)).size },
    { file: PANEL, budgetBytes: BUDGETS[PANEL], path: path.join(folder, PANEL), bytes: fs.statSync(path.join(folder, PANEL)).size },
  ];
  return { bundles, dispose: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** The package built last, if there is one. */
function vsixSize() {
  const file = path.join(root, VSIX);
  return fs.existsSync(file) ? { file: VSIX, bytes: fs.statSync(file).size, built: fs.statSync(file).mtime } : undefined;
}

/** `dist/extension.mjs at activation 141.2 KB of 150.0 KB, …; 71.0 KB more in 40 chunks loaded on first use` */
function bundleLine({ file, bytes, budgetBytes, lazyChunks, totalBytes }) {
  if (lazyChunks === undefined) return `${file} ${againstBudget(bytes, budgetBytes)}`;
  const lazyBytes = totalBytes - bytes;
  return `${file} at activation ${againstBudget(bytes, budgetBytes)}; ${kb(lazyBytes)} more in ${lazyChunks.length} chunks loaded on first use (${kb(totalBytes)} in all)`;
}

/** One line about the bundles of a release build and the package built last. */
function summaryLine() {
  const { bundles, dispose } = buildReleaseBundles();
  try {
    const parts = bundles.map(bundleLine);
    const vsix = vsixSize();
    if (vsix !== undefined) parts.push(`${vsix.file} ${kb(vsix.bytes)}`);
    return parts.join('; ');
  } finally {
    dispose();
  }
}

module.exports = { againstBudget, buildReleaseBundles, byteCount, kb, vsixSize };

if (require.main === module) console.log(summaryLine());
