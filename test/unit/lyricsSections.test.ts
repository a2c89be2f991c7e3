import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseSectionTag, splitLines, splitLyricsSections } from '../../src/core/task/lyricsSections';

const SONG = [
  '[Verse]', //          0
  'Neon rivers run', //  1
  'Through the night', // 2
  '', //                 3
  '[Chorus]', //         4
  'City lights (city lights)', // 5
  '', //                 6
  '', //                 7
  '[Verse 2]', //        8
  'Second verse', //     9
  '[Bridge]', //         10
  '[Outro]', //          11
  'Fade away', //        12
  '', //                 13
].join('\n');

describe('lyricsSections', () => {
  describe('parseSectionTag', () => {
    it('reads the label of a tag line', () => {
      assert.equal(parseSectionTag('[Verse]'), 'Verse');
      assert.equal(parseSectionTag('  [Verse 2]  '), 'Verse 2');
      assert.equal(parseSectionTag('[Pre-Chorus]'), 'Pre-Chorus');
      assert.equal(parseSectionTag('[ Instrumental   Break ]'), 'Instrumental Break');
    });

    it('treats lyrics, empty brackets and inline brackets as lyrics', () => {
      assert.equal(parseSectionTag('City lights'), null);
      assert.equal(parseSectionTag('[]'), null);
      assert.equal(parseSectionTag('[   ]'), null);
      assert.equal(parseSectionTag('[Verse] and then some words'), null);
      assert.equal(parseSectionTag('words [Chorus]'), null);
      assert.equal(parseSectionTag('[[Chorus]]'), null);
      assert.equal(parseSectionTag(`[${'x'.repeat(61)}]`), null);
    });
  });

  describe('splitLines', () => {
    it('splits on every line ending editors know', () => {
      assert.deepEqual(splitLines('a\r\nb\rc\nd'), ['a', 'b', 'c', 'd']);
    });
  });

  describe('splitLyricsSections', () => {
    it('finds each tagged section with its line range, trailing blank lines excluded', () => {
      const sections = splitLyricsSections(SONG);
      assert.deepEqual(
        sections.map((section) => [section.tag, section.headerLine, section.startLine, section.endLine]),
        [
          ['Verse', 0, 0, 2],
          ['Chorus', 4, 4, 5],
          ['Verse 2', 8, 8, 9],
          ['Bridge', 10, 10, 10],
          ['Outro', 11, 11, 12],
        ],
      );
      assert.deepEqual(sections[0].lines, ['Neon rivers run', 'Through the night']);
      assert.deepEqual(sections[3].lines, []);
    });

    it('keeps blank lines inside a section', () => {
      const sections = splitLyricsSections('[Verse]\na\n\nb\n');
      assert.deepEqual(sections[0].lines, ['a', '', 'b']);
      assert.equal(sections[0].endLine, 3);
    });

    it('gives untagged text before the first tag its own section', () => {
      const sections = splitLyricsSections('\nTitle line\nmore\n\n[Chorus]\nla');
      assert.deepEqual(
        sections.map((section) => [section.tag, section.headerLine, section.startLine, section.endLine]),
        [
          [null, null, 1, 2],
          ['Chorus', 4, 4, 5],
        ],
      );
    });

    it('gives lyrics without tags one untagged section, and blank text none', () => {
      assert.deepEqual(splitLyricsSections('one\ntwo'), [
        { tag: null, headerLine: null, startLine: 0, endLine: 1, lines: ['one', 'two'] },
      ]);
      assert.deepEqual(splitLyricsSections(''), []);
      assert.deepEqual(splitLyricsSections('\n  \n'), []);
    });

    it('handles Windows line endings', () => {
      const sections = splitLyricsSections('[Verse]\r\na\r\n[Chorus]\r\nb\r\n');
      assert.deepEqual(
        sections.map((section) => [section.tag, section.startLine, section.endLine, section.lines]),
        [
          ['Verse', 0, 1, ['a']],
          ['Chorus', 2, 3, ['b']],
        ],
      );
    });

    it('covers every non-blank line exactly once, in order, for any text', () => {
      const line = fc.oneof(
        fc.constantFrom('[Verse]', '[Chorus]', '', '  ', 'la la', '[Verse 2]', '(ooh)'),
        fc.string({ maxLength: 12 }),
      );
      fc.assert(
        fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
          const text = lines.join(eol);
          const all = splitLines(text);
          const sections = splitLyricsSections(text);
          let previousEnd = -1;
          const covered = new Set<number>();
          for (const section of sections) {
            assert.ok(section.startLine > previousEnd, 'sections are ordered and disjoint');
            assert.ok(section.endLine >= section.startLine);
            for (let index = section.startLine; index <= section.endLine; index += 1) covered.add(index);
            previousEnd = section.endLine;
          }
          all.forEach((text, index) => {
            if (text.trim() !== '') assert.ok(covered.has(index), `line ${index} is in a section`);
          });
          assert.equal(
            sections.filter((section) => section.tag !== null).length,
            all.filter((text) => parseSectionTag(text) !== null).length,
          );
        }),
      );
    });
  });
});
