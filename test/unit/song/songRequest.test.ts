import * as assert from 'node:assert/strict';
import { parseSongDocument } from '../../../src/core/song/songDocument';
import { DEFAULT_SONG_MODELS, type SongSettings } from '../../../src/core/song/songModels';
import {
  customSongBody,
  descriptionSongBody,
  DESCRIPTION_LIMIT,
  extendSongBody,
  lyricsBody,
  LYRICS_PROMPT_LIMIT,
  type BodyResult,
} from '../../../src/core/song/songRequest';
import type { CustomSongBody } from '../../../src/core/wire/submitBodies';
import { buildClip, buildTask } from '../support/taskBuilders';

const SETTINGS: SongSettings = { models: DEFAULT_SONG_MODELS, defaultModel: 'chirp-auk' };

function body<T>(result: BodyResult<T>): T {
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.body;
}

function reason<T>(result: BodyResult<T>): string {
  assert.equal(result.ok, false, 'expected a refusal');
  return result.ok ? '' : result.reason;
}

function custom(text: string, settings = SETTINGS): BodyResult<CustomSongBody> {
  return customSongBody(parseSongDocument(text), settings);
}

describe('song request bodies', () => {
  describe('customSongBody', () => {
    it('sends every field of a song, the lyrics trimmed with \\n line breaks', () => {
      const text = '---\r\ntitle: City Lights\r\nstyle: emotional punk\r\nexclude: metal\r\nmodel: chirp-v4\r\ninstrumental: false\r\n---\r\n\r\n[Verse]\r\nNeon\r\n\r\n';
      assert.deepEqual(body(custom(text)), {
        prompt: '[Verse]\nNeon',
        mv: 'chirp-v4',
        title: 'City Lights',
        tags: 'emotional punk',
        make_instrumental: false,
        negative_tags: 'metal',
      });
    });

    it('always sends a model: the default one when the song names none', () => {
      assert.deepEqual(body(custom('[Verse]\nla')), { prompt: '[Verse]\nla', mv: 'chirp-auk', title: '', tags: '', make_instrumental: false });
      assert.equal(body(custom('---\nmodel:\n---\nla')).mv, 'chirp-auk');
      assert.equal(body(custom('la', { ...SETTINGS, defaultModel: 'chirp-crow' })).mv, 'chirp-crow');
    });

    it('sends an unlisted model as written', () => {
      assert.equal(body(custom('---\nmodel: chirp-v5\n---\nla')).mv, 'chirp-v5');
    });

    it('leaves negative_tags out when exclude is empty', () => {
      assert.equal('negative_tags' in body(custom('---\nexclude: "  "\n---\nla')), false);
    });

    it('sends an instrumental with an empty prompt', () => {
      assert.deepEqual(body(custom('---\nstyle: heavy metal\ninstrumental: True\ntitle: Beijing\n---\nwords not sent')), {
        prompt: '',
        mv: 'chirp-auk',
        title: 'Beijing',
        tags: 'heavy metal',
        make_instrumental: true,
      });
    });

    it('refuses a document with errors, with the first one and the count, and builds despite warnings', () => {
      const result = custom('---\ntitel: x\nstyle: "open\ninstrumental: maybe\n---\n');
      assert.equal(result.ok, false);
      assert.match(reason(result), /^Unknown key "titel".*\(and 3 more problems\)$/);
      assert.equal(result.ok ? 0 : result.problems.length, 4);
      assert.equal(custom('---\nTitle: x\nmodel: mine\n---\nla').ok, true);
    });
  });

  describe('descriptionSongBody', () => {
    it('sends the description, the instrumental switch and a model', () => {
      assert.deepEqual(body(descriptionSongBody({ description: '  nostalgia  ', instrumental: false }, SETTINGS)), {
        gpt_description_prompt: 'nostalgia',
        mv: 'chirp-auk',
        make_instrumental: false,
      });
      assert.equal(body(descriptionSongBody({ description: 'x', instrumental: true, model: 'chirp-v4' }, SETTINGS)).mv, 'chirp-v4');
    });

    it('refuses an empty or too long description and a model that is no id', () => {
      assert.match(reason(descriptionSongBody({ description: ' \n ', instrumental: false }, SETTINGS)), /Write a description/);
      assert.equal(descriptionSongBody({ description: 'd'.repeat(DESCRIPTION_LIMIT), instrumental: false }, SETTINGS).ok, true);
      assert.match(reason(descriptionSongBody({ description: 'd'.repeat(DESCRIPTION_LIMIT + 1), instrumental: false }, SETTINGS)), /501 characters; at most 500/);
      assert.match(reason(descriptionSongBody({ description: 'x', instrumental: false, model: 'a b' }, SETTINGS)), /not a model id/);
    });
  });

  describe('lyricsBody', () => {
    it('sends the trimmed prompt and refuses an empty or huge one', () => {
      assert.deepEqual(body(lyricsBody(' a bright pop song about the sea ')), { prompt: 'a bright pop song about the sea' });
      assert.match(reason(lyricsBody('   ')), /Write what the lyrics/);
      assert.equal(lyricsBody('p'.repeat(LYRICS_PROMPT_LIMIT)).ok, true);
      assert.equal(lyricsBody('p'.repeat(LYRICS_PROMPT_LIMIT + 1)).ok, false);
    });
  });

  describe('extendSongBody', () => {
    const task = buildTask({
      id: '469a479492f64ff4bb8d2ac3a85396f8',
      title: 'Task title',
      clips: [buildClip({ id: 'clip-a', title: 'Clip A', tags: 'rap', model: 'chirp-v3-5', durationSeconds: 120 }), buildClip({ id: 'clip-b', model: null, title: null, tags: null })],
    });

    it('continues a clip without vocals, in its own title, style and model, when no document is given', () => {
      // new-api refuses an empty prompt (prompt_empty) unless the song is instrumental.
      assert.deepEqual(body(extendSongBody({ task, clipId: 'clip-a', continueAt: 80 }, SETTINGS)), {
        prompt: '',
        mv: 'chirp-v3-5',
        title: 'Clip A',
        tags: 'rap',
        make_instrumental: true,
        task_id: '469a479492f64ff4bb8d2ac3a85396f8',
        continue_clip_id: 'clip-a',
        continue_at: 80,
      });
      const other = body(extendSongBody({ task, clipId: 'clip-b', continueAt: 0 }, SETTINGS));
      assert.deepEqual([other.mv, other.title, other.tags], ['chirp-auk', 'Task title', '']);
    });

    it('takes the lyrics and fields of a document, the clip filling what it leaves out', () => {
      const document = parseSongDocument('---\nexclude: pop\n---\n[Verse 3]\nMore');
      assert.deepEqual(body(extendSongBody({ task, clipId: 'clip-a', continueAt: 119.5, document }, SETTINGS)), {
        prompt: '[Verse 3]\nMore',
        mv: 'chirp-v3-5',
        title: 'Clip A',
        tags: 'rap',
        make_instrumental: false,
        negative_tags: 'pop',
        task_id: task.id,
        continue_clip_id: 'clip-a',
        continue_at: 119.5,
      });
      const withModel = parseSongDocument('---\nmodel: chirp-crow\ntitle: New\n---\nla');
      const built = body(extendSongBody({ task, clipId: 'clip-a', continueAt: 1, document: withModel }, SETTINGS));
      assert.deepEqual([built.mv, built.title], ['chirp-crow', 'New']);
    });

    it('refuses a document with errors, checked against the clip’s model', () => {
      const document = parseSongDocument(`---\nstyle: x\n---\n${'a'.repeat(3001)}`);
      const result = extendSongBody({ task, clipId: 'clip-a', continueAt: 1, document }, SETTINGS);
      assert.match(reason(result), /v3\.5 \(chirp-v3-5\) takes at most 3000/);
    });

    it('refuses a moment outside the clip, and no number at all', () => {
      for (const continueAt of [-1, Number.NaN, Number.POSITIVE_INFINITY, 120.01, '80' as unknown as number]) {
        assert.equal(extendSongBody({ task, clipId: 'clip-a', continueAt }, SETTINGS).ok, false, String(continueAt));
      }
      assert.equal(extendSongBody({ task, clipId: 'clip-a', continueAt: 120 }, SETTINGS).ok, true, 'the very end');
      assert.equal(extendSongBody({ task, clipId: 'clip-b', continueAt: 10_000 }, SETTINGS).ok, true, 'no duration known');
    });

    it('refuses a clip that is not the task’s, and ids that are not ids', () => {
      assert.match(reason(extendSongBody({ task, clipId: 'clip-z', continueAt: 1 }, SETTINGS)), /not one of the task’s clips/);
      const broken = buildTask({ id: '../x', clips: [buildClip({ id: 'clip-a' })] });
      assert.equal(extendSongBody({ task: broken, clipId: 'clip-a', continueAt: 1 }, SETTINGS).ok, false);
    });
  });
});
