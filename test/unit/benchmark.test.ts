// `npm run bench` prints figures and asserts nothing; this checks that its figures are about the
// real thing: the shipped bundles, and an activate() that ran to the end against the stand-in
// vscode module, with the stored tasks read.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';

interface ShippedBundle {
  readonly file: string;
  readonly budgetBytes: number;
  readonly path: string;
  readonly bytes: number;
  /** The extension's only: the chunks loaded on first use, and the source files activation loads. */
  readonly lazyChunks?: readonly { readonly file: string; readonly bytes: number }[];
  readonly totalBytes?: number;
  readonly activationSources?: ReadonlySet<string>;
}

interface BundlesModule {
  buildReleaseBundles(): { bundles: ShippedBundle[]; dispose(): void };
}

interface StartupFigures {
  readonly empty: { readonly totalMs: number };
  readonly starts: readonly { readonly taskCount: number; readonly tasks: number; readonly activateMs: number; readonly totalMs: number }[];
}

interface StartupModule {
  measureStartup(bundle: string, options: { runs: number; taskCounts: number[] }): StartupFigures;
}

const benchFolder = path.resolve(__dirname, '..', '..', '..', 'scripts', 'bench');
/* eslint-disable @typescript-eslint/no-require-imports -- the benchmark is plain JavaScript outside the compiled tree */
const { buildReleaseBundles } = require(path.join(benchFolder, 'bundles.js')) as BundlesModule;
const { measureStartup } = require(path.join(benchFolder, 'startup.js')) as StartupModule;
const { loadParser } = require(path.join(benchFolder, 'parser.js')) as { loadParser(): Record<string, unknown> };
/* eslint-enable @typescript-eslint/no-require-imports */

describe('Benchmark', function () {
  this.timeout(60_000);

  let built: ReturnType<BundlesModule['buildReleaseBundles']>;
  before(() => {
    built = buildReleaseBundles();
  });
  after(() => built.dispose());

  it('times the parser the extension uses, built from where its source lives', () => {
    const parser = loadParser();
    assert.equal(typeof parser.parseTaskResponse, 'function');
    assert.equal(typeof parser.parseBatchResponse, 'function');
  });

  it('measures the three bundles the .vsix ships, against 150 KB, 300 KB and 25 KB', () => {
    assert.deepEqual(
      built.bundles.map(({ file, budgetBytes }) => ({ file, budgetBytes })),
      [
        { file: 'dist/extension.mjs', budgetBytes: 150_000 },
        { file: 'dist/web/extension.js', budgetBytes: 300_000 },
        { file: 'media/dist/panel.js', budgetBytes: 25_000 },
      ],
    );
    for (const bundle of built.bundles) assert.ok(bundle.bytes > 1000, `${bundle.file}: ${bundle.bytes} bytes`);
  });

  it('counts for the extension what activation loads, and lists the chunks loaded on first use beside it', () => {
    const extension = built.bundles.find(({ file }) => file === 'dist/extension.mjs');
    assert.ok(extension?.lazyChunks && extension.totalBytes !== undefined);
    assert.ok(extension.lazyChunks.length > 0, 'no chunk is loaded on first use');
    const lazyBytes = extension.lazyChunks.reduce((total, { bytes }) => total + bytes, 0);
    assert.equal(extension.totalBytes, extension.bytes + lazyBytes);
    for (const { file } of extension.lazyChunks) assert.match(file, /^dist\/chunks\/[\w-]+\.mjs$/);
  });

  it('loads the features at first use, not at activation', () => {
    const extension = built.bundles.find(({ file }) => file === 'dist/extension.mjs');
    assert.ok(extension?.activationSources);
    const atActivation = [...extension.activationSources];
    for (const feature of [
      'src/commands/download.ts',
      'src/commands/checkGateway.ts',
      'src/commands/fetchTask.ts',
      'src/core/gateway/gatewayCheck.ts',
      'src/core/gateway/submitTask.ts',
      'src/core/song/songValidation.ts',
      'src/songs/songEngine.ts',
      'src/panel/taskPanel.ts',
      'src/panel/panelHtml.ts',
      'src/panel/taskPanelSerializer.ts',
      'src/shared/panelMessages.ts',
      'src/shared/hostMessages.ts',
      'src/create/lyricsResultDelivery.ts',
      'src/create/untitledSong.ts',
      'src/core/task/downloadPlan.ts',
      'src/commands/gatewayErrorMessage.ts',
      'src/core/song/songFromTask.ts',
      'src/commands/openInBrowser.ts',
      'src/commands/taskArgument.ts',
      'src/core/song/songModels.ts',
      'src/configuration/songSettings.ts',
      'src/core/store/legacyTaskList.ts',
      'src/core/gateway/responseErrors.ts',
      'src/core/gateway/networkErrors.ts',
    ]) {
      assert.ok(!atActivation.includes(feature), `${feature} is loaded at activation`);
    }
    // What activation needs is there: the entry, the store, the poller.
    for (const needed of ['src/extension.ts', 'src/core/store/taskStore.ts', 'src/core/polling/poller.ts']) {
      assert.ok(atActivation.includes(needed), `${needed} is not loaded at activation`);
    }
  });

  it('activates the release bundle against the stand-in vscode module and reads every stored task', () => {
    const extension = built.bundles.find(({ file }) => file === 'dist/extension.mjs');
    assert.ok(extension);
    const { empty, starts } = measureStartup(extension.path, { runs: 1, taskCounts: [0, 3] });
    assert.deepEqual(
      starts.map(({ taskCount, tasks }) => ({ taskCount, tasks })),
      [
        { taskCount: 0, tasks: 0 },
        { taskCount: 3, tasks: 3 },
      ],
    );
    // Which is faster depends on the machine's load: only that every figure is a time is checked.
    for (const figure of [empty.totalMs, ...starts.flatMap((start) => [start.activateMs, start.totalMs])]) {
      assert.ok(Number.isFinite(figure) && figure >= 0, String(figure));
    }
  });
});
