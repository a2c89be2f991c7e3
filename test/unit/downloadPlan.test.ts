import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { availableDownloadKinds, chooseExtension, extensionFromUrl, planDownloads } from '../../src/core/task/downloadPlan';
import { candidateFileName, sanitiseFileName } from '../../src/core/task/safeFileName';
import type { Clip, Task } from '../../src/core/task/model';
import { buildClip, buildTask } from './support/taskBuilders';

function clip(overrides: Partial<Clip> = {}): Clip {
  return buildClip({
    audioUrl: 'https://cdn1.suno.ai/clip-1.mp3',
    videoUrl: 'https://cdn1.suno.ai/clip-1.mp4',
    imageUrl: 'https://cdn2.suno.ai/image_clip-1.jpeg',
    imageLargeUrl: 'https://cdn2.suno.ai/image_large_clip-1.png',
    durationSeconds: 120,
    tags: 'synthwave',
    model: 'chirp-v4',
    lyrics: '[Verse]\nNeon rivers',
    createdAt: '2024-12-09T04:13:19Z',
    ...overrides,
  });
}

function task(overrides: Partial<Task> = {}): Task {
  return buildTask({ id: '0b4a2f4e-1111-2222-3333-444455556666', clips: [clip()], ...overrides });
}

describe('downloadPlan', () => {
  describe('sanitiseFileName', () => {
    it('keeps ordinary titles as they are', () => {
      assert.equal(sanitiseFileName('City Lights', 'x'), 'City Lights');
      assert.equal(sanitiseFileName('夜の街 (Remix)', 'x'), '夜の街 (Remix)');
    });

    it('removes path separators and traversal', () => {
      assert.equal(sanitiseFileName('../../etc/passwd', 'x'), 'etc-passwd');
      assert.equal(sanitiseFileName('AC/DC\\Live', 'x'), 'AC-DC-Live');
      assert.equal(sanitiseFileName('..', 'fallback'), 'fallback');
      assert.equal(sanitiseFileName('.hidden', 'x'), 'hidden');
    });

    it('removes characters file systems refuse and trailing dots and spaces', () => {
      assert.equal(sanitiseFileName('What? <Now> "Yes" *', 'x'), 'What Now Yes');
      assert.equal(sanitiseFileName('Time: 10 | 11', 'x'), 'Time- 10 - 11');
      assert.equal(sanitiseFileName('tab\there\nnewline...', 'x'), 'tab here newline');
    });

    it('avoids reserved device names and over-long names', () => {
      assert.equal(sanitiseFileName('CON', 'x'), '_CON');
      assert.equal(sanitiseFileName('lpt1.song', 'x'), '_lpt1.song');
      assert.equal(sanitiseFileName('é'.repeat(300), 'x'), 'é'.repeat(100));
      assert.equal(Buffer.byteLength(sanitiseFileName('a'.repeat(300), 'x')), 200);
    });

    it('falls back when nothing is left', () => {
      assert.equal(sanitiseFileName('???', 'Suno task 0b4a2f4e'), 'Suno task 0b4a2f4e');
      assert.equal(sanitiseFileName('', ''), 'untitled');
    });

    it('never yields a name with a separator, a leading dot or a traversal, for any text', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
          const name = sanitiseFileName(text, 'fallback');
          assert.ok(name.length > 0);
          // eslint-disable-next-line no-control-regex
          assert.ok(!/[/\\<>:"|?*\u0000-\u001f]/.test(name), name);
          assert.ok(!name.startsWith('.'), name);
          assert.ok(!/[. ]$/.test(name), name);
          assert.ok(Buffer.byteLength(name) <= 201, name);
          assert.ok(!/\p{Cf}/u.test(name), name);
        }),
      );
    });
  });

  describe('candidateFileName', () => {
    it('numbers later attempts like a file manager does', () => {
      assert.equal(candidateFileName('City Lights', '.mp3', 1), 'City Lights.mp3');
      assert.equal(candidateFileName('City Lights', '.mp3', 2), 'City Lights (2).mp3');
      assert.equal(candidateFileName('City Lights', '.mp3', 3), 'City Lights (3).mp3');
    });
  });

  describe('extensions', () => {
    it('reads the extension from the URL path, not the query', () => {
      assert.equal(extensionFromUrl('https://cdn1.suno.ai/abc.MP3'), '.mp3');
      assert.equal(extensionFromUrl('https://audiopipe.suno.ai/?item_id=abc.mp3'), null);
      assert.equal(extensionFromUrl('not a url'), null);
      assert.equal(extensionFromUrl('http://127.0.0.1:4000/media/abc'), null);
    });

    it('chooses the URL extension, else the content type, else the usual one for the kind', () => {
      assert.equal(chooseExtension('audio', 'https://cdn1.suno.ai/a.mp3', 'audio/wav'), '.mp3');
      assert.equal(chooseExtension('audio', 'http://127.0.0.1:1/media/a', 'audio/wav; charset=binary'), '.wav');
      assert.equal(chooseExtension('audio', 'http://127.0.0.1:1/media/a', null), '.mp3');
      assert.equal(chooseExtension('cover', 'https://x.test/image.php', 'image/png'), '.png');
      assert.equal(chooseExtension('cover', 'https://x.test/image.php', 'text/html'), '.jpeg');
      assert.equal(chooseExtension('video', 'https://cdn1.suno.ai/a.mp4', null), '.mp4');
      assert.equal(chooseExtension('lyrics', null, null), '.txt');
    });
  });

  describe('planDownloads', () => {
    it('plans the chosen files of a single-clip task under its title', () => {
      const plan = planDownloads(task(), undefined, ['audio', 'video', 'cover', 'lyrics']);
      assert.deepEqual(
        plan.items.map((item) => [item.kind, item.stem, item.url ?? item.text]),
        [
          ['audio', 'City Lights', 'https://cdn1.suno.ai/clip-1.mp3'],
          ['video', 'City Lights', 'https://cdn1.suno.ai/clip-1.mp4'],
          ['cover', 'City Lights - cover', 'https://cdn2.suno.ai/image_large_clip-1.png'],
          ['lyrics', 'City Lights - lyrics', '[Verse]\nNeon rivers'],
        ],
      );
      assert.deepEqual(plan.skipped, []);
    });

    it('numbers the clips of a multi-clip task by their place, whether one or all are downloaded', () => {
      const twoClips = task({ clips: [clip(), clip({ id: 'clip-2', audioUrl: 'https://cdn1.suno.ai/clip-2.mp3' })] });
      const all = planDownloads(twoClips, undefined, ['audio']);
      assert.deepEqual(all.items.map((item) => [item.clipId, item.stem]), [
        ['clip-1', 'City Lights - 1'],
        ['clip-2', 'City Lights - 2'],
      ]);
      const second = planDownloads(twoClips, 'clip-2', ['audio']);
      assert.deepEqual(second.items.map((item) => [item.clipId, item.stem]), [['clip-2', 'City Lights - 2']]);
    });

    it('writes lyrics shared by every clip once, and different lyrics per clip', () => {
      const same = task({ clips: [clip(), clip({ id: 'clip-2' })] });
      assert.deepEqual(planDownloads(same, undefined, ['lyrics']).items.map((item) => [item.clipId, item.stem]), [
        [null, 'City Lights - lyrics'],
      ]);
      const different = task({ clips: [clip(), clip({ id: 'clip-2', lyrics: 'Other words' })] });
      assert.deepEqual(planDownloads(different, undefined, ['lyrics']).items.map((item) => [item.clipId, item.stem]), [
        ['clip-1', 'City Lights - 1 - lyrics'],
        ['clip-2', 'City Lights - 2 - lyrics'],
      ]);
    });

    it('skips what is not ready, saying why', () => {
      const streaming = task({
        status: 'running',
        clips: [clip({ isStreaming: true, videoUrl: null, imageUrl: null, imageLargeUrl: null, lyrics: null })],
      });
      const plan = planDownloads(streaming, undefined, ['audio', 'video', 'cover', 'lyrics']);
      assert.deepEqual(plan.items, []);
      assert.deepEqual(
        plan.skipped.map((skip) => [skip.kind, skip.reason]),
        [
          ['audio', 'the audio is still streaming'],
          ['video', 'no video yet'],
          ['cover', 'no cover art yet'],
          ['lyrics', 'no lyrics yet'],
        ],
      );
      assert.deepEqual(availableDownloadKinds(streaming), []);
    });

    it('plans a lyrics task as one text file under its title', () => {
      const lyricsTask = task({ action: 'lyrics', title: 'Night/Day', clips: [], lyrics: '[Verse]\nla' });
      const plan = planDownloads(lyricsTask, undefined, ['audio', 'lyrics']);
      assert.deepEqual(plan.items.map((item) => [item.kind, item.stem, item.text]), [['lyrics', 'Night-Day - lyrics', '[Verse]\nla']]);
      assert.deepEqual(plan.skipped.map((skip) => skip.kind), ['audio']);
      assert.deepEqual(availableDownloadKinds(lyricsTask), ['lyrics']);
    });

    it('falls back to the task id for an untitled task', () => {
      const untitled = task({ title: null, clips: [clip({ title: null })] });
      assert.equal(planDownloads(untitled, undefined, ['audio']).items[0].stem, 'Suno task 0b4a2f4e');
    });

    it('says so when the clip is gone', () => {
      const plan = planDownloads(task(), 'missing', ['audio']);
      assert.deepEqual(plan.items, []);
      assert.equal(plan.skipped[0].reason, 'the clip is no longer part of the task');
    });
  });
});
