// Node module hooks that answer `vscode` with the stand-in (vscodeStandIn.js), so the extension's
// ES module bundle runs in plain Node; activateOnce.js registers them with `module.register`.
//
// The stand-in is CommonJS and its exports are computed, which Node cannot list for an `import`:
// `vscode` loads as a small ES module that requires the stand-in and names each export. It
// requires the very file activateOnce.js's `require` hook answers with, so both see one stand-in.
import { createRequire } from 'node:module';
import * as path from 'node:path';

const STAND_IN_URL = 'suno-bench:vscode';
const standInPath = path.join(import.meta.dirname, 'vscodeStandIn.js');

export async function resolve(specifier, context, nextResolve) {
  return specifier === 'vscode' ? { url: STAND_IN_URL, shortCircuit: true } : nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url !== STAND_IN_URL) return nextLoad(url, context);
  const names = Object.keys(createRequire(import.meta.url)(standInPath));
  const source = [
    "import { createRequire } from 'node:module';",
    `const vscode = createRequire(${JSON.stringify(standInPath)})(${JSON.stringify(standInPath)});`,
    `export const { ${names.join(', ')} } = vscode;`,
  ].join('\n');
  return { format: 'module', source, shortCircuit: true };
}
