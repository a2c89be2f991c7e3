/**
 * The `suno-task` executable (bundled to dist/cli.js): hands the real process to `main` and exits
 * with its code. All behaviour lives in cli.ts, where tests can reach it.
 */

import * as path from 'node:path';
import { errorText } from '../core/errorText';
import { main } from './cli';
import { readTemplateLanguages } from './templateLanguages';

// dist/cli.js reads the extension's translations in l10n/, beside dist/.
const templateLanguages = readTemplateLanguages(path.join(__dirname, '..', 'l10n'));

main(process.argv.slice(2), { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, templateLanguages }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`suno-task: ${errorText(error)}\n`);
    process.exitCode = 1;
  },
);
