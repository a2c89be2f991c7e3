import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PANEL_SENTENCES } from '../../src/shared/panelSentences';

/**
 * Every string a user reads exists in English and in Simplified Chinese: the manifest's through
 * package.nls.json / package.nls.zh-cn.json, the code's through `vscode.l10n.t('…')` (or the
 * core's `localize('…')`) and l10n/bundle.l10n.zh-cn.json. A string added in one language only,
 * a translation nobody uses any more, or a translation that drops a `{0}` fails here.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');

// The scanner is plain Node (scripts/), shared with the pseudo-localisation build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scanL10nStrings } = require(path.join(ROOT, 'scripts', 'lib', 'l10nStrings.js')) as {
  scanL10nStrings: () => { messages: Map<string, string[]>; problems: string[] };
};

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
}

function stringTable(file: string): Record<string, string> {
  const table = readJson(file);
  assert.ok(table !== null && typeof table === 'object' && !Array.isArray(table), `${file} is not an object`);
  for (const [key, value] of Object.entries(table)) assert.equal(typeof value, 'string', `${file}: ${key} is not a string`);
  return table as Record<string, string>;
}

/** Every `%key%` a manifest string names. */
function manifestPlaceholders(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const key = /^%(.+)%$/.exec(value)?.[1];
    if (key !== undefined) found.add(key);
  } else if (Array.isArray(value)) {
    for (const item of value) manifestPlaceholders(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) manifestPlaceholders(item, found);
  }
  return found;
}

/** `{0}`, `{1}`… in order of number, each once. */
function argumentsOf(message: string): string[] {
  return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}

/** What must survive translation unchanged: arguments, codicons, code spans, setting ids, links' targets. */
function fixedParts(message: string): string[] {
  const codicons = message.match(/\$\([\w~-]+\)/g) ?? [];
  const code = message.match(/`[^`]+`/g) ?? [];
  const settings = message.match(/\bsuno\.[A-Za-z.]+/g) ?? [];
  const links = message.match(/\]\([^)]+\)/g) ?? [];
  return [...argumentsOf(message), ...codicons, ...code, ...settings, ...links].sort();
}

/** The source files a module imports, directly or not (relative imports only), as `src/…` paths. */
function modulesReachedFrom(entry: string): Set<string> {
  const reached = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() ?? '';
    if (reached.has(file)) continue;
    reached.add(file);
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const [, specifier] of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      pending.push(path.posix.join(path.posix.dirname(file), `${specifier}.ts`));
    }
  }
  return reached;
}

function difference(from: Iterable<string>, without: Iterable<string>): string[] {
  const excluded = new Set(without);
  return [...from].filter((item) => !excluded.has(item)).sort();
}

describe('Translations', () => {
  describe('the manifest (package.nls.*.json)', () => {
    const english = stringTable('package.nls.json');
    const chinese = stringTable('package.nls.zh-cn.json');
    const used = manifestPlaceholders(readJson('package.json'));

    it('has every %placeholder% of package.json in English, and no English string that none uses', () => {
      assert.deepEqual(difference(used, Object.keys(english)), [], 'placeholders without an English string');
      assert.deepEqual(difference(Object.keys(english), used), [], 'English strings no placeholder uses');
    });

    it('has the same keys in Chinese as in English', () => {
      assert.deepEqual(difference(Object.keys(english), Object.keys(chinese)), [], 'missing in package.nls.zh-cn.json');
      assert.deepEqual(difference(Object.keys(chinese), Object.keys(english)), [], 'only in package.nls.zh-cn.json');
    });

    it('keeps links, code, setting ids and arguments in every translation, and leaves none empty', () => {
      for (const [key, message] of Object.entries(english)) {
        const translation = chinese[key] ?? '';
        assert.notEqual(translation.trim(), '', `${key} is empty in Chinese`);
        assert.deepEqual(fixedParts(translation), fixedParts(message), `${key}: ${translation}`);
      }
    });

    it('leaves no user-visible manifest string in English only', () => {
      const manifest = readJson('package.json') as {
        description: string;
        contributes: {
          commands: { title: string; category: string }[];
          views: Record<string, { name: string; contextualTitle?: string }[]>;
          viewsContainers: { activitybar: { title: string }[] };
          viewsWelcome: { contents: string }[];
          configuration: { title: string; properties: Record<string, Record<string, unknown>> };
          languages: { aliases?: string[] }[];
        };
      };
      const { contributes } = manifest;
      const shown: [string, unknown][] = [
        ['description', manifest.description],
        ['configuration.title', contributes.configuration.title],
        ...contributes.commands.flatMap((command): [string, unknown][] => [[`${command.title} title`, command.title], [`${command.title} category`, command.category]]),
        ...Object.values(contributes.views).flat().flatMap((view): [string, unknown][] => [[view.name, view.name], [`${view.name} contextualTitle`, view.contextualTitle ?? '%%']]),
        ...contributes.viewsContainers.activitybar.map((container): [string, unknown] => [container.title, container.title]),
        ...contributes.viewsWelcome.map((welcome): [string, unknown] => [welcome.contents, welcome.contents]),
        ...contributes.languages.flatMap((language) => (language.aliases ?? []).map((alias): [string, unknown] => [alias, alias])),
        ...Object.entries(contributes.configuration.properties).flatMap(([id, setting]) =>
          ['description', 'markdownDescription', 'patternErrorMessage', 'enumDescriptions', 'markdownEnumDescriptions']
            .filter((field) => setting[field] !== undefined)
            .flatMap((field) => [setting[field]].flat().map((text): [string, unknown] => [`${id} ${field}`, text])),
        ),
      ];
      const literal = shown.filter(([, text]) => typeof text !== 'string' || !/^%.+%$/.test(text)).map(([where]) => where);
      assert.deepEqual(literal, [], 'manifest strings not taken from package.nls.json');
    });
  });

  describe('the code (l10n/bundle.l10n.zh-cn.json)', () => {
    const { messages, problems } = scanL10nStrings();
    const chinese = stringTable('l10n/bundle.l10n.zh-cn.json');

    it('finds the sentences to translate as string literals, and no English shown untranslated', () => {
      assert.ok(messages.size > 100, `only ${messages.size} sentences found: is the scanner still finding l10n.t calls?`);
      assert.deepEqual(problems, []);
    });

    it('has a Chinese translation of every sentence the code shows', () => {
      const missing = difference(messages.keys(), Object.keys(chinese)).map((message) => `${JSON.stringify(message)} (${messages.get(message)?.[0]})`);
      assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.zh-cn.json');
    });

    it('has no translation of a sentence the code no longer shows', () => {
      assert.deepEqual(difference(Object.keys(chinese), messages.keys()), [], 'remove these from l10n/bundle.l10n.zh-cn.json');
    });

    it('hands the panel every sentence its page shows, and only those', () => {
      const pageFiles = modulesReachedFrom('src/webview-ui/panel.ts');
      const onThePage = [...messages].filter(([, places]) => places.some((place) => pageFiles.has(place.replace(/:\d+$/, '')))).map(([message]) => message);
      assert.deepEqual(difference(onThePage, PANEL_SENTENCES), [], 'add these to src/shared/panelSentences.ts');
      assert.deepEqual(difference(PANEL_SENTENCES, onThePage), [], 'the page no longer shows these');
    });

    it('keeps every argument, codicon, code span and setting id, and leaves no translation empty', () => {
      for (const [message, translation] of Object.entries(chinese)) {
        assert.notEqual(translation.trim(), '', `${JSON.stringify(message)} is empty in Chinese`);
        assert.deepEqual(fixedParts(translation), fixedParts(message), `${JSON.stringify(message)} → ${JSON.stringify(translation)}`);
      }
    });
  });
});
