import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { awkwardCharacter } from '../support/awkwardText';
import { formatFrontMatterValue, parseFrontMatterValue } from '../../../src/core/song/frontMatterValue';

function read(raw: string): string {
  const parsed = parseFrontMatterValue(raw, 0);
  assert.equal(parsed.problem, null, `a problem reading ${JSON.stringify(raw)}`);
  return parsed.value;
}

describe('front matter values', () => {
  it('reads plain, double-quoted and single-quoted values', () => {
    assert.equal(read('  City Lights  '), 'City Lights');
    assert.equal(read(' "a \\"b\\" \\n \\u00e9"'), 'a "b" \n é');
    assert.equal(read(" 'it''s'"), "it's");
    assert.equal(read(' "" # empty'), '');
    assert.equal(read(''), '');
  });

  it('gives the span of the value as written, quotes included, from the offset of the raw text', () => {
    assert.deepEqual(parseFrontMatterValue('  "x" # c', 10).span, { start: 12, end: 15 });
    assert.deepEqual(parseFrontMatterValue(' plain ', 3).span, { start: 4, end: 9 });
  });

  it('writes plain text whenever it reads back the same', () => {
    for (const value of ['City Lights', 'Song #1', 'a: b', '---', 'rock, "punk"', '夜空中最亮的星']) {
      assert.equal(formatFrontMatterValue(value), value);
    }
  });

  it('quotes what plain text cannot hold', () => {
    assert.equal(formatFrontMatterValue(''), '""');
    assert.equal(formatFrontMatterValue(' padded '), '" padded "');
    assert.equal(formatFrontMatterValue('"quoted"'), '"\\"quoted\\""');
    assert.equal(formatFrontMatterValue("'single"), '"\'single"');
    assert.equal(formatFrontMatterValue('two\nlines'), '"two\\nlines"');
    assert.equal(formatFrontMatterValue('a\u202Eb'), '"a\\u202eb"');
    assert.equal(formatFrontMatterValue('a\u2028b'), '"a\\u2028b"');
    assert.equal(formatFrontMatterValue('tag\u{E0041}'), '"tag\\udb40\\udc41"');
  });

  it('reads back every string it writes, on one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: awkwardCharacter, maxLength: 40 }), (value) => {
        const written = formatFrontMatterValue(value);
        assert.equal(/[\r\n\u2028\u2029]/.test(written), false);
        const parsed = parseFrontMatterValue(` ${written}`, 0);
        assert.equal(parsed.problem, null);
        assert.equal(parsed.value, value);
      }),
      { numRuns: 500 },
    );
  });
});
