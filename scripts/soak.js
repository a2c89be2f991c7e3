#!/usr/bin/env node
// Soak: 200 tasks on two local gateways, two windows sharing one storage, hundreds of poll rounds
// with a third of the answers faulty. Prints its figures and exits 1 when one breaks its bound.
// A benchmark, not part of the default test run; test/unit/soak.test.ts runs a small one.
//
//   npm run soak
//   npm run soak -- --rounds 1000 --seed 42
//   npm run soak -- --adds 10        (tasks tracked during the run, in alternate windows)
//
// The soak is bundled fresh from its TypeScript source with esbuild into a temporary folder, like
// the benchmark, so no `npm run compile-tests` is needed first.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

function loadSoak() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suno-soak-'));
  const outfile = path.join(dir, 'soak.js');
  esbuild.buildSync({
    entryPoints: [path.join(root, 'test', 'soak', 'soak.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const soak = require(outfile);
  fs.rmSync(dir, { recursive: true, force: true });
  return soak;
}

async function main() {
  const { FULL_SOAK, runSoak, soakViolations, formatSoakReport } = loadSoak();
  const options = {
    ...FULL_SOAK,
    rounds: option('rounds', FULL_SOAK.rounds),
    seed: option('seed', FULL_SOAK.seed),
    tasksAddedDuringRun: option('adds', FULL_SOAK.tasksAddedDuringRun),
  };
  if (options.tasksAddedDuringRun > 0) {
    // Room for the additions within 100 tasks per gateway: one round stays one batch request.
    options.tasksPerGateway = Math.min(options.tasksPerGateway, 100 - Math.ceil(options.tasksAddedDuringRun / 2));
  }
  const report = await runSoak(options);
  for (const line of formatSoakReport(report)) console.log(line);
  const violations = soakViolations(report, options);
  for (const violation of violations) console.error(`FAILED: ${violation}`);
  process.exitCode = violations.length === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
