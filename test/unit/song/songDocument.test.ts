import * as assert from 'node:assert/strict';
import { parseSongDocument, songField, songLyrics, type SongDocument } from '../../../src/core/song/songDocument';

const SONG = ['---', 'title: City Lights', 'style: "emotional punk, female vocals"  # the sound', '# a comment', '', 'model: chirp-auk', '---', '[Verse]', 'Neon rivers run', ''].join('\n');

/** The text at each entry's key and value span, to check the offsets. */
function spans(document: SongDocument): [string, string][] {
  return (document.frontMatter?.entries ?? []).map((entry) => [
    document.text.slice(entry.keySpan.start, entry.keySpan.end),
    document.text.slice(entry.valueSpan.start, entry.valueSpan.end),
  ]);
}

describe('parseSongDocument', () => {
  it('reads the front matter’s keys, values and lines, and the lyrics after it', () => {
    const document = parseSongDocument(SONG);
    assert.deepEqual(
      document.frontMatter?.entries.map((entry) => [entry.line, entry.key, entry.songKey, entry.value]),
      [
        [1, 'title', 'title', 'City Lights'],
        [2, 'style', 'style', 'emotional punk, female vocals'],
        [5, 'model', 'model', 'chirp-auk'],
      ],
    );
    assert.deepEqual(spans(document), [
      ['title', 'City Lights'],
      ['style', '"emotional punk, female vocals"'],
      ['model', 'chirp-auk'],
    ]);
    assert.equal(document.lyrics, '[Verse]\nNeon rivers run\n');
    assert.equal(document.text.slice(document.lyricsStart), document.lyrics);
    assert.deepEqual(document.frontMatter?.malformedLines, []);
    assert.equal(document.text.slice(document.frontMatter!.closeSpan!.start, document.frontMatter!.closeSpan!.end), '---');
  });

  it('takes a document without front matter as lyrics only', () => {
    const document = parseSongDocument('[Verse]\nNo front matter\n---\n');
    assert.equal(document.frontMatter, null);
    assert.equal(document.lyrics, '[Verse]\nNo front matter\n---\n');
    assert.equal(parseSongDocument('').lyrics, '');
    assert.equal(parseSongDocument(' ---\ntitle: x\n---\n').frontMatter, null, 'the fence must start the line');
    assert.equal(parseSongDocument('---').frontMatter, null, 'a lone fence with nothing after it is text');
  });

  it('reads CRLF documents with the same values and exact offsets', () => {
    const document = parseSongDocument(SONG.replaceAll('\n', '\r\n'));
    assert.deepEqual(spans(document), [
      ['title', 'City Lights'],
      ['style', '"emotional punk, female vocals"'],
      ['model', 'chirp-auk'],
    ]);
    assert.equal(document.lyrics, '[Verse]\r\nNeon rivers run\r\n');
    assert.equal(songLyrics(document), '[Verse]\nNeon rivers run');
    assert.equal(document.text.slice(document.frontMatter!.entries[0].lineSpan.start, document.frontMatter!.entries[0].lineSpan.end), 'title: City Lights\r\n');
  });

  it('skips a byte order mark before the front matter, keeping offsets in the text', () => {
    const document = parseSongDocument(`\uFEFF${SONG}`);
    assert.deepEqual(spans(document)[0], ['title', 'City Lights']);
    assert.equal(document.frontMatter?.openSpan.start, 1);
    assert.equal(parseSongDocument('\uFEFFla la').lyrics, 'la la');
  });

  it('accepts fences with trailing spaces and keys in another case, indented or not', () => {
    const document = parseSongDocument('--- \n  Title: x\nSTYLE:y\n---\t\nla');
    assert.deepEqual(
      document.frontMatter?.entries.map((entry) => [entry.key, entry.songKey, entry.value]),
      [
        ['Title', 'title', 'x'],
        ['STYLE', 'style', 'y'],
      ],
    );
    assert.equal(document.lyrics, 'la');
  });

  it('keeps unknown keys, empty values and every duplicate, the first one counting', () => {
    const document = parseSongDocument('---\ntags: rock\ntitle:\ntitle: Second\n---\n');
    assert.deepEqual(
      document.frontMatter?.entries.map((entry) => [entry.key, entry.songKey, entry.value]),
      [
        ['tags', null, 'rock'],
        ['title', 'title', ''],
        ['title', 'title', 'Second'],
      ],
    );
    assert.equal(songField(document, 'title')?.value, '');
    const empty = document.frontMatter!.entries[1].valueSpan;
    assert.equal(empty.start, empty.end, 'an empty value has an empty span at the end of its line');
  });

  it('reports lines of a closed block that are not entries', () => {
    const document = parseSongDocument('---\ntitle: x\njust words\nmy key: value\n: no key\n---\n');
    assert.deepEqual(
      document.frontMatter?.malformedLines.map((span) => document.text.slice(span.start, span.end)),
      ['just words', 'my key: value', ': no key'],
    );
  });

  it('ends an unclosed block at its first line that is not an entry, where the lyrics start', () => {
    const document = parseSongDocument('---\ntitle: x\n\n[Verse]\nla la\n');
    assert.equal(document.frontMatter?.closeSpan, null);
    assert.deepEqual(document.frontMatter?.entries.map((entry) => entry.value), ['x']);
    assert.equal(document.lyrics, '[Verse]\nla la\n');
    const onlyKeys = parseSongDocument('---\ntitle: x\n');
    assert.equal(onlyKeys.lyrics, '');
    assert.equal(onlyKeys.lyricsStart, onlyKeys.text.length);
  });

  it('reads a # inside a plain value as text, and after a quoted value as a comment', () => {
    const document = parseSongDocument('---\ntitle: Song #1\nstyle: "rock" # loud\n---\n');
    assert.equal(songField(document, 'title')?.value, 'Song #1');
    assert.equal(songField(document, 'style')?.value, 'rock');
  });

  it('records quoting problems', () => {
    const document = parseSongDocument('---\ntitle: "open\nstyle: "a" b\nexclude: "\\x"\nmodel: \'it\'\'s\'\n---\n');
    assert.deepEqual(
      document.frontMatter?.entries.map((entry) => [entry.value, entry.valueProblem]),
      [
        ['open', 'unclosed_quote'],
        ['a', 'text_after_quote'],
        ['\\x', 'bad_escape'],
        ["it's", null],
      ],
    );
  });
});
