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

  it('measures the two bundles the .vsix ships, against 150 KiB and 25 KiB', () => {
    assert.deepEqual(
      built.bundles.map(({ file, budgetBytes }) => ({ file, budgetBytes })),
      [
        { file: 'dist/extension.js', budgetBytes: 150 * 1024 },
        { file: 'media/dist/panel.js', budgetBytes: 25 * 1024 },
      ],
    );
    for (const bundle of built.bundles) assert.ok(bundle.bytes > 1000, `${bundle.file}: ${bundle.bytes} bytes`);
  });

  it('activates the release bundle against the stand-in vscode module and reads every stored task', () => {
    const extension = built.bundles.find(({ file }) => file === 'dist/extension.js');
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
