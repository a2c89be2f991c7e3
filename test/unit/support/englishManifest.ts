import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * package.json as VS Code shows it in English: every `%key%` string replaced by its text in
 * package.nls.json. Tests of what the manifest says read this, not the placeholders.
 */
export function englishManifest(): unknown {
  const english = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const text = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  return JSON.parse(text, (_key, value: unknown) => {
    const key = typeof value === 'string' ? /^%(.+)%$/.exec(value)?.[1] : undefined;
    return key === undefined ? value : (english[key] ?? value);
  });
}
