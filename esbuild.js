// Builds every bundle the project ships or runs:
//   dist/extension.mjs   the extension host entry (Node, ES module, `vscode` external), with
//   dist/chunks/         what it loads on first use: each `import()` in src/ becomes a chunk, and
//                        code shared by chunks goes into chunks of its own, so nothing loads twice
//   dist/web/extension.js the same extension for a browser's web worker extension host (vscode.dev):
//                        one CommonJS file, its `import()`s inlined (a worker loads no ES modules)
//   dist/cli.js          the `suno-task` command-line tool
//   dist/localGateway.js the local demo/test gateway (never packaged)
//   media/dist/panel.js  the task panel's webview script (browser)
//
//   node esbuild.js               development build with source maps
//   node esbuild.js --production  minified release build, no source maps
//   node esbuild.js --watch       rebuild on change
//
// `npm run bench` requires this file for `bundleOptions` and builds the release bundles elsewhere.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints esbuild's problems in the `file:line:col: error: text` form VS Code's matchers read. */
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/** Empties the chunk folder before each build: chunk names carry a hash, old ones would pile up and be packaged. */
const cleanChunks = {
  name: 'clean-chunks',
  setup(build) {
    build.onStart(() => fs.rmSync(path.join(build.initialOptions.outdir, 'chunks'), { recursive: true, force: true }));
  },
};

/** The esbuild options of every bundle, in a development or a release build. */
function bundleOptions({ production }) {
  const common = {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [problemReporter],
  };
  const nodeBundle = { ...common, platform: 'node', target: 'node20', format: 'cjs' };
  return [
    {
      ...nodeBundle,
      // An ES module, so that a feature's `import()` can load a chunk: VS Code's Node extension
      // host loads `.mjs` extensions since 1.100. (The `.mjs` suffix, not `"type": "module"`, so
      // the repository's other `.js` files stay CommonJS.)
      format: 'esm',
      splitting: true,
      entryPoints: ['src/extension.ts'],
      outdir: 'dist',
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      external: ['vscode'],
      // Node reads a module as UTF-8, so `…` and `—` in messages need no `\u2026` escapes.
      charset: 'utf8',
      plugins: [problemReporter, cleanChunks],
    },
    {
      ...common,
      // The web worker extension host loads one CommonJS file: without splitting, esbuild inlines
      // each `import()`. Node's modules are refused at build time (see test/unit/webBundle.test.ts).
      platform: 'browser',
      target: 'es2022',
      format: 'cjs',
      entryPoints: ['src/web/extension.ts'],
      outfile: 'dist/web/extension.js',
      external: ['vscode'],
      charset: 'utf8',
    },
    {
      ...nodeBundle,
      entryPoints: ['src/cli/main.ts'],
      outfile: 'dist/cli.js',
      banner: { js: '#!/usr/bin/env node' },
    },
    { ...nodeBundle, entryPoints: ['src/localGateway/main.ts'], outfile: 'dist/localGateway.js' },
    {
      ...common,
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      entryPoints: ['src/webview-ui/panel.ts'],
      outfile: 'media/dist/panel.js',
    },
  ];
}

async function main() {
  const builds = bundleOptions({ production });
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  const results = await Promise.allSettled(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
  if (results.some((result) => result.status === 'rejected')) process.exit(1);
}

module.exports = { bundleOptions };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
