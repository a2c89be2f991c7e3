// The CLI's languages for the New Song template: read from the extension's l10n bundles, each as
// a Localize, the pseudo-locale and unreadable files left out.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readTemplateLanguages } from '../../src/cli/templateLanguages';
import { bundleLocalize } from '../../src/core/localize';
import { isTemplatePlaceholder } from '../../src/core/song/songTemplate';

describe('bundleLocalize', () => {
  it('translates a sentence given as a string or as { message }, with its arguments in place', () => {
    const localize = bundleLocalize({ 'Song title': '歌曲标题', 'Hello {0}': { message: '你好 {0}', comment: ['a name'] } });
    assert.equal(localize('Song title'), '歌曲标题');
    assert.equal(localize('Hello {0}', 'Ada'), '你好 Ada');
  });

  it('keeps English for a sentence the bundle lacks or holds in an unusable shape, and for inherited keys', () => {
    const localize = bundleLocalize({ Broken: 42, Empty: { message: null } });
    assert.equal(localize('Missing {0}', 1), 'Missing 1');
    assert.equal(localize('Broken'), 'Broken');
    assert.equal(localize('Empty'), 'Empty');
    assert.equal(localize('constructor'), 'constructor');
    assert.equal(localize('toString'), 'toString');
    for (const bundle of [null, 'text', 7, []]) assert.equal(bundleLocalize(bundle)('Song title'), 'Song title');
  });
});

describe('readTemplateLanguages', () => {
  let folder = '';
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'suno-l10n-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reads each bundle of a language, and neither the pseudo-locale nor a file that is no bundle or no JSON', () => {
    writeFileSync(path.join(folder, 'bundle.l10n.zh-cn.json'), JSON.stringify({ 'Song title': '歌曲标题' }));
    writeFileSync(path.join(folder, 'bundle.l10n.ja.json'), JSON.stringify({ 'Song title': '曲名' }));
    writeFileSync(path.join(folder, 'bundle.l10n.qps-ploc.json'), JSON.stringify({ 'Song title': '[Šöñĝ ţîţļé]' }));
    writeFileSync(path.join(folder, 'bundle.l10n.de.json'), '{ not json');
    writeFileSync(path.join(folder, 'notes.json'), JSON.stringify({ 'Song title': 'Liedtitel' }));

    const languages = readTemplateLanguages(folder);
    assert.deepEqual(languages.map((localize) => localize('Song title')).sort(), ['曲名', '歌曲标题']);
    assert.equal(isTemplatePlaceholder('歌曲标题', languages), true);
    assert.equal(isTemplatePlaceholder('Song title', languages), true, 'English always');
    assert.equal(isTemplatePlaceholder('[Šöñĝ ţîţļé]', languages), false);
    assert.equal(isTemplatePlaceholder('Liedtitel', languages), false);
  });

  it('knows no other language when the folder is missing', () => {
    assert.deepEqual(readTemplateLanguages(path.join(folder, 'missing')), []);
  });
});
