#!/usr/bin/env node
// Benchmark: how long parsing a gateway answer takes, per fixture and for a 200-task batch; the
// size of every shipped bundle against its budget (for the extension: what activation loads,
// with the chunks loaded on first use beside it) and of the .vsix; how long loading the
// extension and running activate() takes, with 0 and with 1,000 stored tasks. It prints figures
// only and asserts nothing.
//
//   npm run bench                      (2000 parses per fixture, 20 starts per figure)
//   npm run bench -- --iterations 500 --runs 5
//
// The parser and the bundles are built fresh from src/ with esbuild into temporary folders, so
// the figures never come from a stale build and no `npm run compile-tests` is needed first.
'use strict';

const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const path = require('node:path');
const { option, root } = require('./lib/scriptSupport');
const { loadParser } = require('./bench/parser');
const { againstBudget, buildReleaseBundles, byteCount, kb, vsixSize } = require('./bench/bundles');
const { measureStartup } = require('./bench/startup');

const fixturesDir = path.join(root, 'test', 'fixtures');

function taskFixtureNames() {
  const names = [];
  for (const folder of ['seeds', 'dialects', 'status']) {
    for (const file of fs.readdirSync(path.join(fixturesDir, folder)).sort()) {
      if (file.endsWith('.json')) names.push(`${folder}/${file}`);
    }
  }
  return names;
}

function context() {
  return {
    baseUrl: 'https://api.gpt.ge',
    url: 'https://api.gpt.ge/suno/fetch',
    httpStatus: 200,
    contentType: 'application/json',
    fetchedAt: new Date(0).toISOString(),
  };
}

/** Nanoseconds per call of `run` over `iterations` calls. */
function measure(run, iterations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  return Number(process.hrtime.bigint() - start) / iterations;
}

/** A batch answer of `count` tasks, cycling through the task fixtures with distinct ids. */
function batchBody(names, count) {
  const tasks = names.map((name) => JSON.parse(fs.readFileSync(path.join(fixturesDir, name), 'utf8')).data);
  const rows = [];
  for (let i = 0; i < count; i++) {
    const task = JSON.parse(JSON.stringify(tasks[i % tasks.length]));
    task.task_id = `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`;
    rows.push(task);
  }
  return JSON.stringify({ code: 'success', message: '', data: rows });
}

function formatRate(nanoseconds) {
  return Math.round(1e9 / nanoseconds).toLocaleString('en-US').padStart(10);
}

function formatMicroseconds(nanoseconds) {
  return (nanoseconds / 1000).toFixed(1).padStart(9);
}

function benchmarkParser() {
  const iterations = option('iterations', 2000);
  const { parseTaskResponse, parseBatchResponse } = loadParser();
  const names = taskFixtureNames();
  const width = Math.max(...names.map((name) => name.length));
  const bodies = names.map((name) => fs.readFileSync(path.join(fixturesDir, name), 'utf8'));

  // The first few thousand parses run in V8's interpreter; warm every code path up before
  // measuring, so the figures describe the steady state a long-running extension host sees.
  for (let round = 0; round < 500; round++) {
    for (const body of bodies) parseTaskResponse(body, context());
  }

  console.log(`Node ${process.version}, ${iterations} parses per fixture\n`);
  console.log(`${'fixture'.padEnd(width)}  ${'bytes'.padStart(6)}  ${'ops/s'.padStart(10)}  ${'µs/parse'.padStart(9)}`);
  for (const [index, name] of names.entries()) {
    const body = bodies[index];
    const nanoseconds = measure(() => parseTaskResponse(body, context()), iterations);
    console.log(`${name.padEnd(width)}  ${String(Buffer.byteLength(body)).padStart(6)}  ${formatRate(nanoseconds)}  ${formatMicroseconds(nanoseconds)}`);
  }

  const batch = batchBody(names, 200);
  const batchIterations = Math.max(10, Math.round(iterations / 50));
  measure(() => parseBatchResponse(batch, context()), 5);
  const batchNanoseconds = measure(() => parseBatchResponse(batch, context()), batchIterations);
  console.log(
    `\n200-task batch (${Buffer.byteLength(batch).toLocaleString('en-US')} bytes, ${batchIterations} parses): ` +
      `${(batchNanoseconds / 1e6).toFixed(2)} ms per parse, ${(batchNanoseconds / 200 / 1000).toFixed(1)} µs per task`,
  );
}

function reportBundles(bundles) {
  console.log('\nShipped bundles (release build, minified; 1 KB = 1,000 bytes)\n');
  const vsix = vsixSize();
  const extension = bundles.find(({ lazyChunks }) => lazyChunks !== undefined);
  const width = Math.max(...bundles.map(({ file }) => file.length), ...extension.lazyChunks.map(({ file }) => file.length + 2), vsix?.file.length ?? 0);
  for (const { file, bytes, budgetBytes, lazyChunks } of bundles) {
    console.log(`${file.padEnd(width)}  ${lazyChunks ? 'at activation ' : ''}${againstBudget(bytes, budgetBytes)}`);
  }
  const { entryBytes, activationFiles, lazyChunks, totalBytes } = extension;
  console.log(`\n${extension.file} loads at activation: the entry (${byteCount(entryBytes)}) and ${activationFiles.length - 1} chunks it imports.`);
  console.log(`Loaded on first use, ${lazyChunks.length} chunks (a command's module, the song engine, the gateway check, submit):`);
  for (const { file, bytes } of lazyChunks) console.log(`  ${file.padEnd(width - 2)}  ${kb(bytes).padStart(9)}  (${byteCount(bytes)})`);
  console.log(`${'all of the extension'.padEnd(width)}  ${kb(totalBytes).padStart(9)}  (${byteCount(totalBytes)})\n`);
  console.log(
    vsix === undefined
      ? 'suno-tasks.vsix: none yet (npm run package builds it)'
      : `${vsix.file.padEnd(width)}  ${kb(vsix.bytes)} (built ${vsix.built.toISOString()})`,
  );
}

function reportStartup(bundle) {
  const runs = option('runs', 20);
  const taskCounts = [0, 1000];
  const { empty, starts } = measureStartup(bundle, { runs, taskCounts });
  const ms = (value) => `${value.toFixed(1)} ms`.padStart(9);
  console.log(`\nStart-up with a stand-in vscode module (median of ${runs} fresh Node processes each)\n`);
  console.log(`${''.padEnd(32)}  ${'process'.padStart(9)}  ${'ratio'.padStart(6)}  ${'import'.padStart(9)}  ${'activate'.padStart(9)}  ${'tasks read'.padStart(10)}`);
  console.log(`${'empty module'.padEnd(32)}  ${ms(empty.totalMs)}  ${'1.00×'.padStart(6)}  ${ms(empty.loadMs)}`);
  for (const start of starts) {
    const label = `bundle + activate(), ${start.taskCount.toLocaleString('en-US')} tasks`;
    const ratio = `${(start.totalMs / empty.totalMs).toFixed(2)}×`;
    console.log(`${label.padEnd(32)}  ${ms(start.totalMs)}  ${ratio.padStart(6)}  ${ms(start.loadMs)}  ${ms(start.activateMs)}  ${ms(start.storeLoadedMs).padStart(10)}`);
  }
  console.log(
    '\nprocess: from Node starting to the end of the start (activate() returned and the store has read every task);' +
      '\nratio: against a process that loads an empty module; import: loading the entry and the chunks it imports' +
      '\n(not those loaded on first use); activate: the call itself;' +
      '\ntasks read: from activate() returning until the store has loaded the stored tasks.',
  );
}

function main() {
  benchmarkParser();
  const { bundles, dispose } = buildReleaseBundles();
  try {
    reportBundles(bundles);
    reportStartup(bundles.find(({ lazyChunks }) => lazyChunks !== undefined).path);
  } finally {
    dispose();
  }
}

main();
