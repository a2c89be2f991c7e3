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

const { bundleAndRequire, option } = require('./lib/scriptSupport');

async function main() {
  const { FULL_SOAK, runSoak, soakViolations, formatSoakReport } = bundleAndRequire('test/soak/soak.ts');
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
