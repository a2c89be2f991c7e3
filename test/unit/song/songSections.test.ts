import * as assert from 'node:assert/strict';
import { parseSongDocument } from '../../../src/core/song/songDocument';
import { songSections } from '../../../src/core/song/songSections';

describe('songSections', () => {
  it('counts the lyrics’ sections in the lines of the whole document, front matter skipped', () => {
    const text = ['---', 'title: x', '# [Not a section]', '---', '[Verse]', 'la', '', '[Chorus]', 'oh'].join('\r\n');
    assert.deepEqual(
      songSections(parseSongDocument(text)).map((section) => [section.tag, section.headerLine, section.startLine, section.endLine]),
      [
        ['Verse', 4, 4, 5],
        ['Chorus', 7, 7, 8],
      ],
    );
  });

  it('reads a song without front matter like lyrics, and has none for a front matter alone', () => {
    assert.deepEqual(songSections(parseSongDocument('\uFEFFintro\n[Verse]\nla')).map((section) => [section.tag, section.startLine]), [
      [null, 0],
      ['Verse', 1],
    ]);
    assert.deepEqual(songSections(parseSongDocument('---\ntitle: x\n---\n')), []);
  });
});
