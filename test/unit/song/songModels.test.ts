import * as assert from 'node:assert/strict';
import { DEFAULT_MODEL_ID, defaultModelFromSetting, isModelId } from '../../../src/core/song/modelId';
import { DEFAULT_SONG_MODELS, lookUpModel, songModelsFromSetting } from '../../../src/core/song/songModels';

describe('song models', () => {
  it('lists the models of the gateways with Suno’s limits, the default among them', () => {
    const limits = DEFAULT_SONG_MODELS.map((model) => [model.id, model.lyricsLimit, model.styleLimit]);
    assert.deepEqual(limits, [
      ['chirp-v3-5', 3000, 200],
      ['chirp-v4', 3000, 200],
      ['chirp-auk', 5000, 1000],
      ['chirp-auk-turbo', 5000, 1000],
      ['chirp-bluejay', 5000, 1000],
      ['chirp-crow', 5000, 1000],
      ['chirp-fenix', 5000, 1000],
    ]);
    assert.equal(lookUpModel(DEFAULT_SONG_MODELS, DEFAULT_MODEL_ID).kind, 'listed');
    assert.equal(DEFAULT_SONG_MODELS.find((model) => model.id === 'chirp-auk')?.label, 'v4.5 (chirp-auk)');
  });

  describe('lookUpModel', () => {
    it('finds a listed id exactly', () => {
      assert.deepEqual(lookUpModel(DEFAULT_SONG_MODELS, 'chirp-v4'), { kind: 'listed', model: DEFAULT_SONG_MODELS[1] });
    });

    it('knows a listed id written in another case, and says so', () => {
      assert.deepEqual(lookUpModel(DEFAULT_SONG_MODELS, 'CHIRP-V4'), { kind: 'otherCase', model: DEFAULT_SONG_MODELS[1] });
    });

    it('leaves an id nobody listed unlisted', () => {
      assert.deepEqual(lookUpModel(DEFAULT_SONG_MODELS, 'chirp-v5'), { kind: 'unlisted' });
      assert.deepEqual(lookUpModel([], 'chirp-auk'), { kind: 'unlisted' });
    });
  });

  describe('songModelsFromSetting', () => {
    it('reads well-formed entries, a missing label being the id', () => {
      const models = songModelsFromSetting([
        { id: 'chirp-v5', label: 'v5', lyricsLimit: 5000, styleLimit: 1000 },
        { id: 'suno-v4', lyricsLimit: 3000, styleLimit: 200 },
      ]);
      assert.deepEqual(models, [
        { id: 'chirp-v5', label: 'v5', lyricsLimit: 5000, styleLimit: 1000 },
        { id: 'suno-v4', label: 'suno-v4', lyricsLimit: 3000, styleLimit: 200 },
      ]);
    });

    it('skips bad entries and keeps the rest', () => {
      const good = { id: 'ok', label: 'OK', lyricsLimit: 10, styleLimit: 5 };
      const models = songModelsFromSetting([
        null,
        'chirp-auk',
        { id: 'chirp auk', lyricsLimit: 10, styleLimit: 5 },
        { id: '', lyricsLimit: 10, styleLimit: 5 },
        { id: 'zero', lyricsLimit: 0, styleLimit: 5 },
        { id: 'negative', lyricsLimit: -1, styleLimit: 5 },
        { id: 'fraction', lyricsLimit: 1.5, styleLimit: 5 },
        { id: 'string', lyricsLimit: '3000', styleLimit: 5 },
        { id: 'nan', lyricsLimit: Number.NaN, styleLimit: 5 },
        { id: 'missing', lyricsLimit: 10 },
        { id: 'line\nbreak', lyricsLimit: 10, styleLimit: 5 },
        good,
        { ...good, label: 'second with the same id' },
      ]);
      assert.deepEqual(models, [good]);
    });

    it('gives the defaults for anything but an array, and nothing for an empty list', () => {
      assert.deepEqual(songModelsFromSetting(undefined), DEFAULT_SONG_MODELS);
      assert.deepEqual(songModelsFromSetting({ id: 'x' }), DEFAULT_SONG_MODELS);
      assert.deepEqual(songModelsFromSetting([]), []);
    });

    it('makes labels one inert line', () => {
      const [model] = songModelsFromSetting([{ id: 'x', label: '$(alert) [x](command:y)\nnext', lyricsLimit: 1, styleLimit: 1 }]);
      assert.equal(model.label.includes('$('), false);
      assert.equal(model.label.includes(']('), false);
      assert.equal(model.label.includes('\n'), false);
    });
  });

  it('defaultModelFromSetting takes an id as written and falls back otherwise', () => {
    assert.equal(defaultModelFromSetting(' chirp-crow '), 'chirp-crow');
    assert.equal(defaultModelFromSetting('my-own-model'), 'my-own-model');
    assert.equal(defaultModelFromSetting(''), DEFAULT_MODEL_ID);
    assert.equal(defaultModelFromSetting('two words'), DEFAULT_MODEL_ID);
    assert.equal(defaultModelFromSetting(42), DEFAULT_MODEL_ID);
  });

  it('isModelId takes one token of printable ASCII', () => {
    for (const id of ['chirp-auk', 'chirp-v3-5', 'suno/v4.5', 'v5:beta', 'A1']) assert.equal(isModelId(id), true, id);
    for (const id of ['', ' chirp', 'chirp auk', '-x', 'chirp\n', 'x'.repeat(101), 'модель', '"x"']) assert.equal(isModelId(id), false, id);
  });
});
