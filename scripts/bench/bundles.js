// The bundles the .vsix ships and their size budgets (minified, 1 KiB = 1,024 bytes).
//
// The budgets are in KiB, as every figure here is: 150 KiB is 153,600 bytes, 2.4 % more than
// 150,000. Read "150 KB" as 150,000 bytes and the extension's budget is 3,600 bytes tighter;
// `npm run bench` prints the exact byte counts beside the KiB so either reading can be checked.
//
//   node scripts/bench/bundles.js   prints one line: the sizes of the bundles now in dist/ and
//                                   media/dist/ against their budgets, and of suno-tasks.vsix
//                                   (scripts/test.sh prints it after `npm run package`)
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const esbuild = require('esbuild');
const { bundleOptions } = require('../../esbuild.js');

const root = path.resolve(__dirname, '..', '..');
const KIB = 1024;

/** What .vscodeignore lets into the package, with what each may weigh. */
const SHIPPED_BUNDLES = [
  { file: 'dist/extension.js', budgetBytes: 150 * KIB },
  { file: 'media/dist/panel.js', budgetBytes: 25 * KIB },
];
const VSIX = 'suno-tasks.vsix';

function kib(bytes) {
  return `${(bytes / KIB).toFixed(1)} KiB`;
}

/** `156.3 KiB of 150.0 KiB, 6.3 KiB over (160,052 bytes)` */
function againstBudget(bytes, budgetBytes) {
  const verdict = bytes <= budgetBytes ? 'within budget' : `${kib(bytes - budgetBytes)} over`;
  return `${kib(bytes)} of ${kib(budgetBytes)}, ${verdict} (${bytes.toLocaleString('en-US')} bytes)`;
}

/**
 * Builds the shipped bundles as `npm run build:release` does, into a temporary folder, so the
 * figures never come from a stale or development build. Returns each bundle's path and size;
 * `dispose()` removes the folder.
 */
function buildReleaseBundles() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'suno-bundles-'));
  const byOutfile = new Map(bundleOptions({ production: true }).map((options) => [options.outfile, options]));
  const bundles = SHIPPED_BUNDLES.map(({ file, budgetBytes }) => {
    const outfile = path.join(folder, file);
    // Without the build's problem reporter: plugins need esbuild's asynchronous API.
    esbuild.buildSync({ ...byOutfile.get(file), plugins: [], absWorkingDir: root, outfile, logLevel: 'warning' });
    return { file, budgetBytes, path: outfile, bytes: fs.statSync(outfile).size };
  });
  return { bundles, dispose: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** The package built last, if there is one. */
function vsixSize() {
  const file = path.join(root, VSIX);
  return fs.existsSync(file) ? { file: VSIX, bytes: fs.statSync(file).size, built: fs.statSync(file).mtime } : undefined;
}

/** One line about the bundles in place (after `npm run package` they are the release ones). */
function summaryLine() {
  const parts = SHIPPED_BUNDLES.map(({ file, budgetBytes }) => {
    const full = path.join(root, file);
    return fs.existsSync(full) ? `${file} ${againstBudget(fs.statSync(full).size, budgetBytes)}` : `${file} missing`;
  });
  const vsix = vsixSize();
  if (vsix !== undefined) parts.push(`${vsix.file} ${kib(vsix.bytes)}`);
  return parts.join('; ');
}

module.exports = { SHIPPED_BUNDLES, againstBudget, buildReleaseBundles, kib, vsixSize };

if (require.main === module) console.log(summaryLine());
