import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { formatSongDocument, songFromTask, type SongFields } from '../../../src/core/song/songFromTask';
import { parseSongDocument, songField, type SongDocument } from '../../../src/core/song/songDocument';
import { DEFAULT_SONG_MODELS } from '../../../src/core/song/songModels';
import { validateSong } from '../../../src/core/song/songValidation';
import { awkwardCharacter } from '../support/awkwardText';
import { buildClip, buildTask } from '../support/taskBuilders';

function fieldsOf(document: SongDocument): SongFields {
  const value = (key: 'title' | 'style' | 'exclude' | 'model'): string | undefined => songField(document, key)?.value;
  const instrumental = songField(document, 'instrumental')?.value;
  return {
    ...(value('title') !== undefined && { title: value('title') }),
    ...(value('style') !== undefined && { style: value('style') }),
    ...(value('exclude') !== undefined && { exclude: value('exclude') }),
    ...(value('model') !== undefined && { model: value('model') }),
    ...(instrumental !== undefined && { instrumental: instrumental === 'true' }),
    lyrics: document.lyrics,
  };
}

describe('song documents from values', () => {
  it('writes the front matter and the lyrics', () => {
    const text = formatSongDocument({ title: 'City Lights', style: 'punk', model: 'chirp-v4', instrumental: false, lyrics: '[Verse]\nla' });
    assert.equal(text, '---\ntitle: City Lights\nstyle: punk\nmodel: chirp-v4\ninstrumental: false\n---\n[Verse]\nla');
  });

  it('reads back exactly the values it wrote, whatever they hold', () => {
    const text = fc.string({ unit: awkwardCharacter, maxLength: 30 });
    const fields = fc.record(
      { title: text, style: text, exclude: text, model: text, instrumental: fc.boolean(), lyrics: fc.oneof(text, fc.constantFrom('---\n---', '\r\n---\r\n', '\uFEFF---')) },
      { requiredKeys: ['lyrics'] },
    );
    fc.assert(
      fc.property(fields, (written) => {
        const document = parseSongDocument(formatSongDocument(written));
        assert.deepEqual(fieldsOf(document), { ...written });
        const syntax = validateSong(document, { models: DEFAULT_SONG_MODELS, defaultModel: 'chirp-auk' }).filter((problem) =>
          ['unclosed-front-matter', 'malformed-line', 'bad-quote', 'duplicate-key', 'unknown-key'].includes(problem.code),
        );
        assert.deepEqual(syntax, []);
      }),
      { numRuns: 300 },
    );
  });

  describe('songFromTask', () => {
    it('takes the title, the first style and model, and the first clip’s lyrics', () => {
      const task = buildTask({
        title: 'City Lights',
        clips: [
          buildClip({ id: 'a', tags: null, model: null, lyrics: null }),
          buildClip({ id: 'b', tags: 'emotional punk', model: 'chirp-v4', lyrics: '[Verse]\nNeon' }),
          buildClip({ id: 'c', tags: 'other', model: 'chirp-auk', lyrics: 'other' }),
        ],
      });
      assert.equal(songFromTask(task), '---\ntitle: City Lights\nstyle: emotional punk\nmodel: chirp-v4\n---\n[Verse]\nNeon');
    });

    it('takes a lyrics task’s own text and leaves out what the task does not tell', () => {
      const task = buildTask({ action: 'lyrics', title: null, clips: [], lyrics: '[Verse]\nSea' });
      assert.equal(songFromTask(task), '---\n---\n[Verse]\nSea');
      assert.equal(songFromTask(buildTask({ title: null, clips: [buildClip({ title: 'Clip title' })] })), '---\ntitle: Clip title\n---\n');
    });

    it('takes a chosen clip first, and the other clips only for what it lacks', () => {
      const task = buildTask({
        title: 'Task title',
        clips: [
          buildClip({ id: 'a', title: 'First', tags: 'rock', model: 'chirp-v4', lyrics: 'first lyrics' }),
          buildClip({ id: 'b', title: 'Second', tags: null, model: 'chirp-auk', lyrics: 'second lyrics' }),
        ],
      });
      assert.equal(songFromTask(task, { clipId: 'b' }), '---\ntitle: Second\nstyle: rock\nmodel: chirp-auk\n---\nsecond lyrics');
      const withoutLyrics = buildTask({ clips: [buildClip({ id: 'a', lyrics: 'la' }), buildClip({ id: 'b', lyrics: null })] });
      assert.match(songFromTask(withoutLyrics, { clipId: 'b' }), /\n---\nla$/, 'the first clip with lyrics');
      assert.equal(songFromTask(task, { clipId: 'no-such-clip' }), songFromTask(task), 'an unknown clip changes nothing');
    });

    it('writes the default model when the task names none, and never over the clip’s own', () => {
      const lyricsTask = buildTask({ action: 'lyrics', title: 'Sea', clips: [], lyrics: '[Verse]\nSea' });
      assert.equal(songFromTask(lyricsTask, { defaultModel: 'chirp-crow' }), '---\ntitle: Sea\nmodel: chirp-crow\n---\n[Verse]\nSea');
      const song = buildTask({ clips: [buildClip({ model: 'chirp-v4' })] });
      assert.match(songFromTask(song, { defaultModel: 'chirp-crow' }), /\nmodel: chirp-v4\n/);
      assert.doesNotMatch(songFromTask(lyricsTask, { defaultModel: 'not a model\n---' }), /model/, 'a default that is no id is left out');
    });

    it('keeps gateway text that would break the front matter inside its values', () => {
      const title = 'Evil\n---\nmodel: chirp-v3-5\n"';
      const task = buildTask({ title, clips: [buildClip({ tags: '---', model: 'chirp v4\nx', lyrics: '---\ninstrumental: true\n---' })] });
      const document = parseSongDocument(songFromTask(task));
      assert.equal(songField(document, 'title')?.value, title);
      assert.equal(songField(document, 'style')?.value, '---');
      assert.equal(songField(document, 'model'), undefined, 'a model that is no id is left out');
      assert.equal(songField(document, 'instrumental'), undefined);
      assert.equal(document.lyrics, '---\ninstrumental: true\n---');
    });
  });
});
