import * as assert from 'node:assert/strict';
import { parseSongDocument } from '../../../src/core/song/songDocument';
import { DEFAULT_SONG_MODELS, type SongSettings } from '../../../src/core/song/songModels';
import { songTemplate, titlePlaceholder } from '../../../src/core/song/songTemplate';
import { hasBlockingProblem, MAX_SONG_PROBLEMS, validateSong, type SongProblem } from '../../../src/core/song/songValidation';

const SETTINGS: SongSettings = { models: DEFAULT_SONG_MODELS, defaultModel: 'chirp-auk' };

function problemsOf(text: string, settings = SETTINGS): SongProblem[] {
  return validateSong(parseSongDocument(text), settings);
}

/** Code, severity and the text each problem points at. */
function summary(text: string, settings = SETTINGS): [string, string, string][] {
  return problemsOf(text, settings).map((problem) => [problem.code, problem.severity, text.slice(problem.span.start, problem.span.end)]);
}

/** The text after applying the problem's fix. */
function fixed(text: string, problem: SongProblem): string {
  assert.ok(problem.fix, `${problem.code} has no fix`);
  return text.slice(0, problem.fix.span.start) + problem.fix.text + text.slice(problem.fix.span.end);
}

function only(text: string, code: string): SongProblem {
  const found = problemsOf(text).filter((problem) => problem.code === code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(summary(text))}`);
  return found[0];
}

function song(frontMatter: string[], lyrics = '[Verse]\nla la la\n'): string {
  return ['---', ...frontMatter, '---', lyrics].join('\n');
}

describe('validateSong', () => {
  it('finds nothing wrong with a complete song', () => {
    assert.deepEqual(summary(song(['title: City Lights', 'style: punk', 'exclude: metal', 'model: chirp-v4', 'instrumental: false'])), []);
    assert.deepEqual(summary('[Verse]\nJust lyrics, no front matter\n'), []);
    assert.deepEqual(summary(song(['style: ambient', 'instrumental: true'], '')), []);
  });

  describe('keys', () => {
    it('refuses an unknown key and offers the key it most likely means', () => {
      assert.deepEqual(summary(song(['styel: rock'])), [['unknown-key', 'error', 'styel']]);
      const text = song(['tags: rock']);
      const problem = only(text, 'unknown-key');
      assert.equal(problem.fix?.title, 'Change to "style"');
      assert.equal(fixed(text, problem), song(['style: rock']));
      assert.equal(only(song(['negative_tags: x']), 'unknown-key').fix?.text, 'exclude');
      assert.equal(only(song(['mv: chirp-v4']), 'unknown-key').fix?.text, 'model');
      assert.equal(only(song(['Make_Instrumental: true']), 'unknown-key').fix?.text, 'instrumental');
      assert.equal(only(song(['titel: x']), 'unknown-key').fix?.text, 'title');
    });

    it('offers no fix when no key is clearly meant', () => {
      assert.equal(only(song(['author: me']), 'unknown-key').fix, undefined);
    });

    it('warns about a key in another case and lowers it', () => {
      const text = song(['Title: x']);
      assert.deepEqual(summary(text), [['key-case', 'warning', 'Title']]);
      assert.equal(fixed(text, only(text, 'key-case')), song(['title: x']));
    });

    it('refuses a key set twice and offers to remove the later line', () => {
      const text = song(['title: One', 'style: rock', 'TITLE: Two']);
      assert.deepEqual(summary(text), [['duplicate-key', 'error', 'TITLE']]);
      assert.equal(fixed(text, only(text, 'duplicate-key')), song(['title: One', 'style: rock']));
    });

    it('refuses lines that are not entries', () => {
      assert.deepEqual(summary(song(['title: x', 'loose words'])), [['malformed-line', 'error', 'loose words']]);
    });

    it('refuses broken quotes', () => {
      assert.deepEqual(summary(song(['title: "open'])), [['bad-quote', 'error', '"open']]);
      assert.deepEqual(summary(song(['title: "a" b'])), [['bad-quote', 'error', '"a"']]);
    });
  });

  describe('front matter fences', () => {
    it('refuses an unclosed block and closes it where the lyrics start', () => {
      const text = '---\ntitle: x\n[Verse]\nla\n';
      assert.deepEqual(summary(text), [['unclosed-front-matter', 'error', '---']]);
      assert.equal(fixed(text, only(text, 'unclosed-front-matter')), '---\ntitle: x\n---\n[Verse]\nla\n');
    });

    it('closes an unclosed block at the end of a document, in its own line endings', () => {
      const text = '---\r\nstyle: rock\r\ninstrumental: true';
      assert.equal(fixed(text, only(text, 'unclosed-front-matter')), '---\r\nstyle: rock\r\ninstrumental: true\r\n---\r\n');
    });
  });

  describe('values', () => {
    it('refuses an instrumental that is not true or false, fixing the obvious words', () => {
      const text = song(['instrumental: yes', 'style: x']);
      const problem = only(text, 'not-boolean');
      assert.equal(problem.severity, 'error');
      assert.equal(fixed(text, problem), song(['instrumental: true', 'style: x']));
      assert.equal(only(song(['instrumental: off']), 'not-boolean').fix?.text, 'false');
      assert.equal(only(song(['instrumental: maybe']), 'not-boolean').fix, undefined);
      assert.equal(problemsOf(song(['instrumental: TRUE', 'style: x'], '')).length, 0, 'true and false in any case');
    });

    it('points at the key of an empty instrumental', () => {
      assert.deepEqual(summary(song(['instrumental:'])), [['not-boolean', 'error', 'instrumental']]);
    });
  });

  describe('models', () => {
    it('hints that an unlisted model is sent as written, unchecked, and offers a near listed one', () => {
      assert.deepEqual(summary(song(['model: chirp-v9000'])), [['unlisted-model', 'info', 'chirp-v9000']]);
      const text = song(['model: chirp-auc']);
      assert.equal(fixed(text, only(text, 'unlisted-model')), song(['model: chirp-auk']));
      assert.equal(hasBlockingProblem(problemsOf(text)), false);
    });

    it('checks no length for an unlisted model', () => {
      assert.deepEqual(summary(song(['model: mine'], 'x'.repeat(9000))).map(([code]) => code), ['unlisted-model']);
    });

    it('warns about a listed model in another case, with its limits, and fixes the case', () => {
      const text = song(['model: CHIRP-V4'], 'x'.repeat(3001));
      assert.deepEqual(summary(text).map(([code, severity]) => [code, severity]), [
        ['model-case', 'warning'],
        ['lyrics-too-long', 'error'],
      ]);
      assert.equal(fixed(text, only(text, 'model-case')), song(['model: chirp-v4'], 'x'.repeat(3001)));
    });

    it('refuses a model that is no id', () => {
      assert.deepEqual(summary(song(['model: chirp auk'])), [['invalid-model', 'error', 'chirp auk']]);
    });

    it('uses the default model’s limits when the song names none, and none when it is unlisted', () => {
      const lyrics = 'x'.repeat(4000);
      assert.deepEqual(summary(song([], lyrics)), []);
      assert.deepEqual(summary(song([], lyrics), { ...SETTINGS, defaultModel: 'chirp-v4' }).map(([code]) => code), ['lyrics-too-long']);
      assert.deepEqual(summary(song([], lyrics), { models: [], defaultModel: 'chirp-v4' }), []);
    });
  });

  describe('lengths', () => {
    it('refuses lyrics past the model’s limit and marks the part past it', () => {
      const lyrics = `${'a'.repeat(3000)}OVER`;
      assert.deepEqual(summary(song(['model: chirp-v4'], `\n\n${lyrics}\n\n`)), [['lyrics-too-long', 'error', 'OVER']]);
      assert.deepEqual(summary(song(['model: chirp-v4'], 'a'.repeat(3000))), [], 'exactly the limit is fine');
      assert.deepEqual(summary(song(['model: chirp-auk'], 'a'.repeat(5000))), []);
      assert.match(only(song(['model: chirp-auk'], 'a'.repeat(5001)), 'lyrics-too-long').message, /5001 characters; v4\.5 \(chirp-auk\) takes at most 5000/);
    });

    it('counts a CRLF line break as one character, as it is sent', () => {
      const lyrics = `${'ab\r\n'.repeat(1000)}c`; // 3,001 characters sent
      const text = song(['model: chirp-v4'], lyrics).replaceAll('\n---\n', '\r\n---\r\n');
      assert.deepEqual(summary(text).map(([code, , marked]) => [code, marked]), [['lyrics-too-long', 'c']]);
    });

    it('does not count the lyrics of an instrumental', () => {
      assert.deepEqual(summary(song(['model: chirp-v4', 'style: x', 'instrumental: true'], 'a'.repeat(4000))).map(([code]) => code), ['lyrics-ignored']);
    });

    it('refuses a style past the model’s limit', () => {
      assert.deepEqual(summary(song(['model: chirp-v4', `style: ${'s'.repeat(201)}`])).map(([code, severity]) => [code, severity]), [['style-too-long', 'error']]);
      assert.deepEqual(summary(song(['model: chirp-v4', `style: ${'s'.repeat(200)}`])), []);
      assert.deepEqual(summary(song(['model: chirp-auk', `style: ${'s'.repeat(1000)}`])), []);
    });
  });

  describe('content', () => {
    it('refuses a song with nothing to make it from', () => {
      assert.deepEqual(summary(song(['title: Empty'], '\n  \n')), [['empty-song', 'error', '---']]);
      assert.deepEqual(summary(''), [['empty-song', 'error', '']]);
      assert.deepEqual(summary(song(['instrumental: true'], '')).map(([code]) => code), ['empty-song']);
    });

    it('refuses a style without lyrics, which new-api answers with prompt_empty, and offers an instrumental', () => {
      const text = song(['style: ambient'], '');
      const problem = only(text, 'no-lyrics');
      assert.equal(problem.severity, 'error');
      assert.equal(fixed(text, problem), song(['style: ambient', 'instrumental: true'], ''));
      assert.equal(only(song(['style: ambient', 'instrumental: false'], ''), 'no-lyrics').fix, undefined, 'no second instrumental line');
    });

    it('warns that an instrumental’s lyrics are not sent', () => {
      assert.deepEqual(summary(song(['instrumental: true'])), [['lyrics-ignored', 'warning', 'true']]);
    });

    it('refuses the template’s placeholders, wherever they are left', () => {
      const codes = summary(songTemplate('chirp-auk'));
      assert.deepEqual(codes.map(([code, severity]) => [code, severity]), Array(6).fill(['placeholder', 'error']));
      assert.deepEqual(codes.map(([, , marked]) => marked).slice(0, 2), ['<Song title>', '<genre, mood, voice, instruments>']);
      assert.deepEqual(summary(song([], '[Verse]\n<my own brackets>\n')), [], 'angle brackets that are not the template’s');
    });

    it('writes the template’s placeholders in the display language, and knows them in it and in English', () => {
      const marked = (message: string): string => `«${message}»`;
      const text = songTemplate('chirp-auk', marked);
      assert.match(text, /^title: <«Song title»>$/m);
      assert.match(text, /^\[Verse\]\n<«A line of the verse»>$/m);
      const found = validateSong(parseSongDocument(text), SETTINGS, marked).filter((problem) => problem.code === 'placeholder');
      assert.equal(found.length, 6);
      const english = validateSong(parseSongDocument(songTemplate('chirp-auk')), SETTINGS, marked).filter((problem) => problem.code === 'placeholder');
      assert.equal(english.length, 6, 'a song started in English, checked in another language');
      assert.equal(titlePlaceholder(marked), '<«Song title»>');
    });
  });

  it('sorts problems by where they are and bounds their number', () => {
    const text = song(Array.from({ length: 500 }, (_, i) => `unknown${i}: x`));
    const problems = problemsOf(text);
    assert.equal(problems.length, MAX_SONG_PROBLEMS);
    const starts = problems.map((problem) => problem.span.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('hasBlockingProblem: errors block, warnings and hints do not', () => {
    assert.equal(hasBlockingProblem(problemsOf(song(['Title: x']))), false);
    assert.equal(hasBlockingProblem(problemsOf(song(['model: mine']))), false);
    assert.equal(hasBlockingProblem(problemsOf(song(['titel: x']))), true);
    assert.equal(hasBlockingProblem([]), false);
  });

  it('quotes document text in messages as one short inert line', () => {
    const [problem] = problemsOf(song(['[x](command:evil)$(alert)\u202e: 1']));
    assert.equal(problem.code, 'unknown-key');
    assert.equal(problem.message.includes(']('), false);
    assert.equal(problem.message.includes('$('), false);
    assert.equal(problem.message.includes('\u202e'), false);
  });
});
