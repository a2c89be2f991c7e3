// Start-up time: loading the extension bundle and running activate() with a stand-in `vscode`
// module (vscodeStandIn.js, answered to `import` by vscodeLoader.mjs), each start in a fresh Node
// process (activateOnce.js), against loading an empty ES module the same way.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..', '..');
const child = path.join(__dirname, 'activateOnce.js');

/** The store's own functions, bundled from src/, so the task files are exactly what it writes. */
function loadStoreFormat() {
  const result = esbuild.buildSync({
    stdin: {
      contents: [
        "export { serializeTaskFile } from './src/core/store/taskFile';",
        "export { hashedFileName } from './src/core/store/fileNames';",
        "export { nodeSha256Hex } from './src/storage/nodeSha256';",
        "export { MIGRATED_PATH, TASKS_FOLDER } from './src/core/store/taskStore';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const compiled = new module.constructor();
  compiled._compile(result.outputFiles[0].text, path.join(root, 'store-format.js'));
  return compiled.exports;
}

/** A finished song of two clips, as a gateway's answer becomes one. */
function storedTask(index) {
  const id = `${String(index).padStart(8, '0')}-0000-4000-8000-000000000000`;
  const clip = (n) => ({
    id: `${id.slice(0, 8)}-clip-${n}`,
    title: `Song ${index}`,
    status: 'succeeded',
    rawStatus: 'complete',
    audioUrl: `https://cdn1.suno.ai/${id}-${n}.mp3`,
    videoUrl: `https://cdn1.suno.ai/${id}-${n}.mp4`,
    imageUrl: `https://cdn2.suno.ai/image_${id}-${n}.jpeg`,
    imageLargeUrl: `https://cdn2.suno.ai/image_large_${id}-${n}.jpeg`,
    durationSeconds: 180 + n,
    tags: 'synthwave, female vocals',
    model: 'chirp-v4',
    lyrics: '[Verse]\nNeon rivers in the rain\n[Chorus]\nCity lights\n'.repeat(4),
    description: null,
    createdAt: '2024-12-09T04:13:19.000Z',
    errorMessage: null,
    isStreaming: false,
  });
  return {
    id,
    baseUrl: 'https://api.gpt.ge',
    action: 'music',
    title: `Song ${index}`,
    status: 'succeeded',
    rawStatus: 'SUCCESS',
    progress: 100,
    failReason: null,
    submittedAt: '2024-12-09T04:13:19.000Z',
    startedAt: '2024-12-09T04:13:25.000Z',
    finishedAt: '2024-12-09T04:15:02.000Z',
    clips: [clip(1), clip(2)],
    lyrics: null,
    fetchedAt: '2024-12-09T04:20:00.000Z',
  };
}

/**
 * A global storage folder holding `taskCount` tracked tasks, one file each, as the store keeps
 * them. The tasks are finished, so the activated extension has nothing to poll.
 */
function storageFolderWith(taskCount) {
  const { serializeTaskFile, hashedFileName, nodeSha256Hex, MIGRATED_PATH, TASKS_FOLDER } = loadStoreFormat();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'suno-storage-'));
  fs.mkdirSync(path.join(folder, TASKS_FOLDER));
  // Marks the move from older versions' globalState list as done, so every start is the same.
  fs.writeFileSync(path.join(folder, MIGRATED_PATH), new Date(0).toISOString());
  const trackedAt = Date.parse('2024-12-09T04:20:00.000Z');
  for (let index = 0; index < taskCount; index++) {
    const task = storedTask(index);
    const text = serializeTaskFile({ kind: 'live', task, trackedAt: trackedAt - index });
    fs.writeFileSync(path.join(folder, TASKS_FOLDER, hashedFileName(task.id, nodeSha256Hex)), text);
  }
  return folder;
}

/** Without the test switches of the environment this may run in. */
function cleanEnvironment() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SUNO_')));
}

function runOnce(args) {
  const output = execFileSync(process.execPath, [child, ...args], { env: cleanEnvironment(), encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop());
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of each figure over `runs` fresh processes. */
function medianStart(args, runs) {
  const results = [];
  for (let run = 0; run < runs; run++) results.push(runOnce(args));
  return Object.fromEntries(Object.keys(results[0]).map((key) => [key, median(results.map((result) => result[key]))]));
}

/**
 * Times `runs` starts of an empty module and of the bundle with 0 and with each of
 * `taskCounts` stored tasks.
 */
function measureStartup(bundle, { runs, taskCounts }) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'suno-startup-'));
  const emptyModule = path.join(scratch, 'empty.mjs');
  fs.writeFileSync(emptyModule, '');
  const folders = [];
  try {
    const empty = medianStart([emptyModule], runs);
    const starts = taskCounts.map((taskCount) => {
      const folder = storageFolderWith(taskCount);
      folders.push(folder);
      return { taskCount, ...medianStart([bundle, folder], runs) };
    });
    return { empty, starts };
  } finally {
    for (const folder of [scratch, ...folders]) fs.rmSync(folder, { recursive: true, force: true });
  }
}

module.exports = { measureStartup };
