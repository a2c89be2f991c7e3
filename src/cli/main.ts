/**
 * The `suno-task` executable (bundled to dist/cli.js): hands the real process to `main` and exits
 * with its code. All behaviour lives in cli.ts, where tests can reach it.
 */

import { errorText } from '../core/errorText';
import { main } from './cli';

main(process.argv.slice(2), { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`suno-task: ${errorText(error)}\n`);
    process.exitCode = 1;
  },
);
