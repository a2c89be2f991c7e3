/**
 * The version printed by `suno-task --version`: read at run time from the package.json next to
 * the code (one directory up from dist/cli.js, three from the compiled tests), so the bundle does
 * not carry a copy of the manifest and the number is never out of date.
 */

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'suno-tasks';

export function packageVersion(startDirectory: string = __dirname): string {
  let directory = startDirectory;
  for (let depth = 0; depth < 6; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No (readable) package.json here: look further up.
    }
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return 'unknown';
}
