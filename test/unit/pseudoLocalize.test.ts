import * as assert from 'node:assert/strict';
import * as path from 'node:path';

// The generator is plain Node (scripts/), run by `npm run build`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pseudoLocalize } = require(path.resolve(__dirname, '..', '..', '..', 'scripts', 'pseudoLocalize.js')) as {
  pseudoLocalize: (text: string) => string;
};

describe('pseudoLocalize', () => {
  it('accents the words between full-width markers', () => {
    assert.equal(pseudoLocalize('Open Task'), '［Öþéñ Ţàšķ］');
  });

  it('keeps arguments, codicons, code spans, URLs, setting ids and product names', () => {
    const text = pseudoLocalize('$(key) Saved {0} to `mv` at https://api.gpt.ge with suno.baseUrl in Suno');
    for (const kept of ['$(key)', '{0}', '`mv`', 'https://api.gpt.ge', 'suno.baseUrl', 'Suno']) assert.ok(text.includes(kept), `${kept} in ${text}`);
    assert.doesNotMatch(text, /Saved|with/);
  });

  it('marks each line, and a link alone on its line inside its text, so a welcome button stays a button', () => {
    assert.equal(
      pseudoLocalize('No tasks.\n[Fetch Task](command:suno.fetchTask)'),
      '［Ñö ţàšķš.］\n[［Ƒéţçĥ Ţàšķ］](command:suno.fetchTask)',
    );
  });
});
