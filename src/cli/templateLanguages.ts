import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { bundleLocalize, type Localize } from '../core/localize';

/** The extension's bundles of translated sentences; the pseudo-locale is a test build, no language. */
const BUNDLE_NAME = /^bundle\.l10n\.(?!qps-ploc\.)[a-z]{2,3}(-[a-z0-9]+)*\.json$/i;

/** Far beyond a real bundle (about 50 KB); a bigger file is not read. */
const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;

/**
 * The languages the extension ships besides English, read from its l10n bundles in `folder`, so
 * that the CLI finds the placeholders of a song started from the New Song template in any of
 * them. A missing folder, or a bundle that cannot be read or parsed, leaves that language out:
 * the check then knows fewer placeholders, and says nothing of it.
 */
export function readTemplateLanguages(folder: string): Localize[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => BUNDLE_NAME.test(name)).sort();
  } catch {
    return [];
  }
  const languages: Localize[] = [];
  for (const name of names) {
    try {
      const file = path.join(folder, name);
      if (statSync(file).size > MAX_BUNDLE_BYTES) continue;
      languages.push(bundleLocalize(JSON.parse(readFileSync(file, 'utf8'))));
    } catch {
      continue;
    }
  }
  return languages;
}
