import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The folders of src/core depend on each other one way only (docs/ARCHITECTURE.md draws the
 * order). '' is the root: the shared vocabulary every folder may use.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  '': [],
  task: [''],
  wire: ['', 'task'],
  gateway: ['', 'task', 'wire'],
  store: ['', 'task'],
  polling: ['', 'task', 'wire', 'gateway', 'store'],
  song: ['', 'task', 'wire'],
};

const CORE = path.resolve(__dirname, '..', '..', '..', 'src', 'core');

/** Relative imports of one source file, including `import type` and `export ... from`. */
function relativeImports(source: string): string[] {
  return [...source.matchAll(/\bfrom\s+'(\.[^']*)'/g)].map((match) => match[1]);
}

/** `"store/taskStore.ts imports polling/poller"` for each import across folders against the order. */
function folderViolations(files: ReadonlyMap<string, string>): string[] {
  const violations: string[] = [];
  for (const [file, source] of files) {
    const folder = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    for (const specifier of relativeImports(source)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      const targetFolder = path.posix.dirname(target) === '.' ? '' : path.posix.dirname(target);
      if (targetFolder === folder) continue;
      if (!(ALLOWED[folder] ?? []).includes(targetFolder)) violations.push(`${file} imports ${target}`);
    }
  }
  return violations;
}

function coreSources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(CORE, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(CORE, absolute).split(path.sep).join('/'), fs.readFileSync(absolute, 'utf8'));
  }
  return files;
}

describe('src/core folders', () => {
  it('has only the folders the dependency order names, no deeper nesting', () => {
    const folders = new Set([...coreSources().keys()].map((file) => path.posix.dirname(file)).map((dir) => (dir === '.' ? '' : dir)));
    assert.deepEqual([...folders].filter((folder) => !(folder in ALLOWED)), []);
  });

  it('imports across folders only down the dependency order', () => {
    assert.deepEqual(folderViolations(coreSources()), []);
  });

  it('reports an import up the order and one from the root into a folder', () => {
    const files = new Map([
      ['store/taskStore.ts', "import { Poller } from '../polling/poller';\nimport type { Task } from '../task/model';"],
      ['clock.ts', "import {\n  parseTaskResponse,\n} from './wire/parseTask';"],
    ]);
    assert.deepEqual(folderViolations(files), ['store/taskStore.ts imports polling/poller', 'clock.ts imports wire/parseTask']);
  });

  it('has no barrel files', () => {
    assert.deepEqual([...coreSources().keys()].filter((file) => path.posix.basename(file) === 'index.ts'), []);
  });
});
