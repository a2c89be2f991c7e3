// What the benchmark and the soak both need: their TypeScript built fresh from source, and their
// numeric command-line options.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..', '..');

/**
 * Bundles one TypeScript entry point (a path relative to the project root) with esbuild into a
 * temporary folder and requires it, so figures never come from a stale build and no
 * `npm run compile-tests` is needed first. Throws, naming the file, when the entry is missing.
 */
function bundleAndRequire(entryFromRoot) {
  const entry = path.join(root, entryFromRoot);
  if (!fs.existsSync(entry)) throw new Error(`${entryFromRoot} does not exist: was it moved?`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suno-script-'));
  try {
    const outfile = path.join(dir, `${path.basename(entry, '.ts')}.js`);
    esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
    return require(outfile);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `--name N` as a positive integer, else `fallback`. */
function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

module.exports = { bundleAndRequire, option, root };
