#!/usr/bin/env node
/**
 * Writes the pseudo-localised (`qps-ploc`) strings of the extension from its English ones:
 *   package.nls.qps-ploc.json         from package.nls.json
 *   l10n/bundle.l10n.qps-ploc.json    from every sentence the code shows (scripts/lib/l10nStrings.js)
 *
 * Each line reads `［Ŝéţ ÀÞÎ Ķéý…］`: accented, so that text that skipped translation stands out,
 * and between full-width brackets, so that a test can tell a translated string from an English
 * one (and see when one is cut). Arguments (`{0}`), codicons (`$(key)`), code spans, link targets,
 * URLs and setting ids are kept as they are, since VS Code or the user reads them literally.
 *
 * Both files are generated and git-ignored, never shipped: `npm run build` writes them, and a
 * VS Code started with the display language `qps-ploc` shows them (test/ui/pseudoLocale.test.ts).
 *
 * Usage: node scripts/pseudoLocalize.js
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { scanL10nStrings, ROOT } = require('./lib/l10nStrings');

const ACCENTED = {
  a: 'à', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ʠ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ḿ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** What must reach the user unchanged. */
const KEPT = /\{\d+\}|\$\([\w~-]+\)|`[^`]*`|\]\([^)]*\)|https?:\/\/[^\s)]+|#?suno\.[A-Za-z.]+#?|\bSuno\b|\bVS Code\b/g;

function accent(text) {
  return text.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter] ?? letter);
}

/** One line, accented between markers, with the kept parts as they were. */
function pseudoLine(line) {
  if (line.trim() === '') return line;
  let result = '';
  let last = 0;
  for (const match of line.matchAll(KEPT)) {
    result += accent(line.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return `［${result}${accent(line.slice(last))}］`;
}

/**
 * Every line on its own: a welcome view shows each line of its contents as a paragraph, and a
 * line that is a link alone as a button, so such a line gets its markers inside the link.
 */
function pseudoLocalize(text) {
  return text
    .split('\n')
    .map((line) => {
      const button = /^\[([^\]]*)\]\(([^)]*)\)$/.exec(line);
      return button === null ? pseudoLine(line) : `[${pseudoLine(button[1])}](${button[2]})`;
    })
    .join('\n');
}

function writeJson(file, table) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`);
}

function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
  writeJson(
    path.join(ROOT, 'package.nls.qps-ploc.json'),
    Object.fromEntries(Object.entries(manifest).map(([key, value]) => [key, pseudoLocalize(value)])),
  );
  const { messages } = scanL10nStrings();
  writeJson(
    path.join(ROOT, 'l10n', 'bundle.l10n.qps-ploc.json'),
    Object.fromEntries([...messages.keys()].sort().map((message) => [message, pseudoLocalize(message)])),
  );
}

if (require.main === module) main();

module.exports = { pseudoLocalize };
