import * as assert from 'node:assert/strict';
import { modelEdit } from '../../../src/core/song/modelEdit';
import { parseSongDocument, songField } from '../../../src/core/song/songDocument';

function applied(text: string, modelId: string): string {
  const edit = modelEdit(parseSongDocument(text), modelId);
  assert.ok(edit, 'no edit');
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

function modelOf(text: string): string | undefined {
  return songField(parseSongDocument(text), 'model')?.value;
}

describe('modelEdit', () => {
  it('replaces the value of the model line and nothing else', () => {
    const text = '---\ntitle: City Lights\nmodel: "chirp-v4"  # older\n---\n[Verse]\nla\n';
    const result = applied(text, 'chirp-auk');
    assert.equal(result, '---\ntitle: City Lights\nmodel: chirp-auk  # older\n---\n[Verse]\nla\n');
  });

  it('fills a model line without a value', () => {
    assert.equal(modelOf(applied('---\nmodel:\n---\nla\n', 'chirp-crow')), 'chirp-crow');
  });

  it('adds a model line to a front matter without one, keeping its line breaks', () => {
    const result = applied('---\r\ntitle: x\r\n---\r\nla\r\n', 'chirp-auk');
    assert.equal(result, '---\r\ntitle: x\r\nmodel: chirp-auk\r\n---\r\nla\r\n');
  });

  it('adds a front matter to a song without one', () => {
    const result = applied('[Verse]\nla\n', 'chirp-auk');
    assert.equal(modelOf(result), 'chirp-auk');
    assert.equal(parseSongDocument(result).lyrics, '[Verse]\nla\n');
  });

  it('quotes a model id that a plain value could not hold, and reads it back', () => {
    assert.equal(modelOf(applied('---\nmodel: a\n---\n', 'v5 # "new"')), 'v5 # "new"');
  });

  it('leaves a front matter that is never closed alone', () => {
    assert.equal(modelEdit(parseSongDocument('---\ntitle: x\n[Verse]\nla\n'), 'chirp-auk'), null);
  });
});
