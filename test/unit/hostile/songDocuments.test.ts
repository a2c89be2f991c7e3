// Hostile song documents: what a pasted, generated or malicious document may hold, and what the
// parser, the validator and the body builder make of it. Sizes are far past anything typed by
// hand; a parser that is not linear would take minutes here and fail on the suite's timeout.
import * as assert from 'node:assert/strict';
import { parseSongDocument, songField } from '../../../src/core/song/songDocument';
import { DEFAULT_SONG_MODELS, type SongSettings } from '../../../src/core/song/songModels';
import { customSongBody } from '../../../src/core/song/songRequest';
import { MAX_SONG_PROBLEMS, validateSong } from '../../../src/core/song/songValidation';
import { rendersIcon, rendersLink } from '../support/workbenchMarkup';

const SETTINGS: SongSettings = { models: DEFAULT_SONG_MODELS, defaultModel: 'chirp-auk' };
const MEGABYTE = 1024 * 1024;

function check(text: string): ReturnType<typeof validateSong> {
  return validateSong(parseSongDocument(text), SETTINGS);
}

describe('Hostile song documents: sizes', () => {
  it('10 MB of lyrics: one problem marking the part past the limit', () => {
    const text = `---\nstyle: x\n---\n${'la la la\n'.repeat((10 * MEGABYTE) / 9)}`;
    const problems = check(text);
    assert.deepEqual(problems.map((problem) => problem.code), ['lyrics-too-long']);
    assert.equal(problems[0].span.end, text.length - 1);
  });

  it('a front matter that never closes, 10 MB of entries long', () => {
    const problems = check(`---\n${'title: x\n'.repeat((10 * MEGABYTE) / 9)}`);
    assert.equal(problems.length, MAX_SONG_PROBLEMS);
    assert.equal(problems[0].code, 'unclosed-front-matter');
  });

  it('a closed front matter of a million lines that are not entries', () => {
    const problems = check(`---\n${'words\n'.repeat(MEGABYTE)}---\nla`);
    assert.equal(problems.length, MAX_SONG_PROBLEMS);
    assert.ok(problems.every((problem) => problem.code === 'malformed-line'));
  });

  it('one line of 10 MB without a colon, of colons, and of spaces (a blank line)', () => {
    for (const line of ['x'.repeat(10 * MEGABYTE), ':'.repeat(10 * MEGABYTE)]) {
      const problems = check(`---\n${line}\n---\nla`);
      assert.deepEqual(problems.map((problem) => problem.code), ['malformed-line']);
    }
    assert.deepEqual(check(`---\n${' '.repeat(10 * MEGABYTE)}\n---\nla`), []);
  });

  it('a key of a megabyte: unknown, quoted short in the message, no suggestion computed', () => {
    const [problem] = check(`---\n${'k'.repeat(MEGABYTE)}: v\n---\nla`);
    assert.equal(problem.code, 'unknown-key');
    assert.ok(problem.message.length < 300);
    assert.equal(problem.fix, undefined);
  });

  it('a quoted value of 10 MB full of escapes, and one never closed', () => {
    const escaped = check(`---\nstyle: "${'\\"'.repeat(5 * MEGABYTE)}"\n---\nla`);
    assert.deepEqual(escaped.map((problem) => problem.code), ['style-too-long']);
    const open = check(`---\ntitle: "${'\\'.repeat(10 * MEGABYTE)}\n---\nla`);
    assert.deepEqual(open.map((problem) => problem.code), ['bad-quote']);
  });

  it('half a million template placeholders are reported a hundred times', () => {
    assert.equal(check('<Song title>'.repeat(500_000)).length, MAX_SONG_PROBLEMS);
  });
});

describe('Hostile song documents: text', () => {
  it('markup, codicons and bidi controls in keys reach messages inert', () => {
    for (const key of ['[x](command:suno.clearApiKey)', '$(alert)', 'ti\u202Etle', '[a](https://evil.example)']) {
      const [problem] = check(`---\n${key}: 1\n---\nla`);
      assert.equal(rendersLink(problem.message), false, problem.message);
      assert.equal(rendersIcon(problem.message), false, problem.message);
      assert.doesNotMatch(problem.message, /[\u202E\n]/);
    }
  });

  it('markup in values is sent as the text it is', () => {
    const result = customSongBody(parseSongDocument('---\ntitle: [x](command:evil) $(alert)\nstyle: <b>rock</b>\n---\nla'), SETTINGS);
    assert.ok(result.ok);
    assert.equal(result.body.title, '[x](command:evil) $(alert)');
    assert.equal(result.body.tags, '<b>rock</b>');
  });

  it('NUL bytes, lone surrogates and a BOM in the middle are text', () => {
    const document = parseSongDocument('---\ntitle: a\u0000b\uD800\n---\nla\uFEFFla');
    assert.equal(songField(document, 'title')?.value, 'a\u0000b\uD800');
    assert.equal(document.lyrics, 'la\uFEFFla');
  });

  it('fences inside the lyrics, a second front matter and fences of other lengths are lyrics', () => {
    const document = parseSongDocument('---\ntitle: x\n---\n---\nmodel: chirp-v3-5\n---\n----\n');
    assert.equal(songField(document, 'model'), undefined);
    assert.equal(document.lyrics, '---\nmodel: chirp-v3-5\n---\n----\n');
    assert.equal(parseSongDocument('----\ntitle: x\n----\n').frontMatter, null);
  });

  it('only line breaks, only fences, a lone carriage return', () => {
    assert.deepEqual(check('\n\n\r\n\r').map((problem) => problem.code), ['empty-song']);
    assert.deepEqual(check('---\n---').map((problem) => problem.code), ['empty-song']);
    assert.deepEqual(check('---\r---\rla').map((problem) => problem.code), []);
  });
});
