import * as assert from 'node:assert/strict';
import type { Clip, Task } from '../../src/core/task/model';
import { buildClip, buildTask } from './support/taskBuilders';
import { lyricsFileName, resolveLyrics } from '../../src/lyrics/lyricsSource';

function clip(id: string, overrides: Partial<Clip> = {}): Clip {
  return buildClip({ id, lyrics: `[Verse]\nlyrics of ${id}`, ...overrides });
}

function task(overrides: Partial<Task> = {}): Task {
  return buildTask({ id: 'abcdef12-3456-7890-abcd-ef1234567890', clips: [clip('clip-1'), clip('clip-2')], ...overrides });
}

describe('lyricsSource', () => {
  it('shows the named clip, numbering later clips in the file name', () => {
    const second = resolveLyrics(task(), 'clip-2');
    assert.equal(second.clip?.id, 'clip-2');
    assert.equal(second.text, '[Verse]\nlyrics of clip-2');
    assert.equal(second.fileName, 'City Lights - 2.lyrics');
    assert.equal(resolveLyrics(task(), 'clip-1').fileName, 'City Lights.lyrics');
  });

  it('picks the first clip with lyrics when no clip is named', () => {
    const source = resolveLyrics(task({ clips: [clip('clip-1', { lyrics: '  ' }), clip('clip-2')] }));
    assert.equal(source.clip?.id, 'clip-2');
    assert.equal(source.text, '[Verse]\nlyrics of clip-2');
  });

  it('shows a lyrics task its own text under its title', () => {
    const source = resolveLyrics(task({ action: 'lyrics', title: 'Night Drive', clips: [], lyrics: '[Chorus]\nla' }));
    assert.equal(source.clip, undefined);
    assert.equal(source.text, '[Chorus]\nla');
    assert.equal(source.fileName, 'Night Drive.lyrics');
  });

  it('has no text when nothing has lyrics, and for an unknown clip', () => {
    assert.equal(resolveLyrics(task({ clips: [clip('clip-1', { lyrics: null })] })).text, null);
    const unknown = resolveLyrics(task(), 'missing');
    assert.equal(unknown.clip, undefined);
    assert.equal(unknown.text, null);
  });

  it('keeps slashes, question marks and traversal out of the name', () => {
    const odd = task({ clips: [clip('clip-1', { title: '../AC/DC? #1' })] });
    assert.equal(lyricsFileName(odd, odd.clips[0]), 'AC-DC #1.lyrics');
    assert.equal(lyricsFileName(task({ title: null, clips: [] }), undefined), 'Suno task abcdef12.lyrics');
  });
});
