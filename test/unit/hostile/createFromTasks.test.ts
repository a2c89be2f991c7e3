// Hostile input to Edit as New Song, Generate Lyrics and Extend: gateway text in the songs they
// write and the names they show, what a person or a script types as the moment to continue
// from, and what another build may have left in the memory of opened lyrics.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { createTexts } from '../../../src/create/createTexts';
import { DeliveredLyricsResults } from '../../../src/create/deliveredLyricsResults';
import { parseContinueAt } from '../../../src/core/song/continueAt';
import { GENERATE_LYRICS_ACTION, LYRICS_RESULT_MAX_AGE_MS, lyricsResultOf } from '../../../src/core/song/lyricsResults';
import { parseSongDocument, songField } from '../../../src/core/song/songDocument';
import { songFromTask } from '../../../src/core/song/songFromTask';
import { buildClip, buildTask } from '../support/taskBuilders';
import { rendersIcon, rendersLink } from '../support/workbenchMarkup';

const NOW = Date.UTC(2025, 0, 1);
const MARKUP = '[Open](command:workbench.action.quit) $(alert) \u202e\u2066 <b>x</b>';

/** A Memento over a plain map, holding whatever a test puts in it. */
function memento(initial: Record<string, unknown> = {}): vscode.Memento & { values: Map<string, unknown> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T): T => (values.has(key) ? (values.get(key) as T) : (fallback as T)),
    update: (key: string, value: unknown) => {
      values.set(key, value);
      return Promise.resolve();
    },
  } as vscode.Memento & { values: Map<string, unknown> };
}

describe('Hostile input to the create commands', () => {
  it('a chosen clip’s title, style and lyrics stay values of the song, however they are written', () => {
    const clip = buildClip({ id: 'b', title: `---\nmodel: chirp-v3-5\n${MARKUP}`, tags: '"\n---', lyrics: '---\ninstrumental: true\n---\n' + 'la\n'.repeat(100_000) });
    const song = parseSongDocument(songFromTask(buildTask({ clips: [buildClip({ id: 'a' }), clip] }), { clipId: 'b', defaultModel: 'chirp-auk' }));
    assert.equal(songField(song, 'title')?.value, clip.title);
    assert.equal(songField(song, 'style')?.value, clip.tags);
    assert.equal(songField(song, 'instrumental'), undefined);
    assert.equal(song.lyrics, clip.lyrics);
  });

  it('a lyrics task’s origin from another build: odd times and actions open nothing', () => {
    const task = buildTask({ action: 'lyrics', clips: [], lyrics: 'la' });
    const origin = { documentUri: null, action: GENERATE_LYRICS_ACTION };
    for (const submittedAt of [Number.NaN, -Infinity, NOW - LYRICS_RESULT_MAX_AGE_MS - 1]) {
      assert.equal(lyricsResultOf(task, { ...origin, submittedAt }, 'chirp-auk', NOW), null, String(submittedAt));
    }
    for (const action of ['GenerateLyrics', 'generateLyrics ', '__proto__', '']) {
      assert.equal(lyricsResultOf(task, { ...origin, action, submittedAt: NOW }, 'chirp-auk', NOW), null, action);
    }
  });

  it('names in the notifications are the caller’s inert text; the prompt is made inert and short here', () => {
    const what = createTexts().lyricsWhat(`${MARKUP}\n${'x'.repeat(10_000)}`);
    assert.equal(rendersLink(what), false);
    assert.equal(rendersIcon(what), false);
    assert.ok(what.length < 100, what);
    assert.doesNotMatch(what, /[\n\u202e\u2066]/);
  });

  it('a moment to continue from: typed digits of other scripts, signs, exponents, bidi and megabytes are no time', () => {
    for (const input of ['٨٠', '８０', '+80', '80\u202e', '\u202d80', '0x50', '8e1', '80 ', '1:20\n5', '1'.repeat(1_000_000), `${'1:'.repeat(100_000)}1`]) {
      const result = parseContinueAt(input, 200);
      if (input === '80 ') {
        assert.deepEqual(result, { ok: true, seconds: 80 }, 'spaces around are trimmed');
        continue;
      }
      assert.equal(result.ok, false, JSON.stringify(input.slice(0, 20)));
    }
  });

  it('the memory of opened lyrics survives what another build or a broken write left there', async () => {
    for (const stored of [undefined, null, 'a string', 42, ['task-1'], { 'task-1': 'yesterday' }, { 'task-1': Number.NaN }]) {
      const delivered = new DeliveredLyricsResults(memento({ 'suno.deliveredLyricsResults': stored }), () => NOW);
      assert.equal(delivered.has('task-1'), false, JSON.stringify(stored));
      delivered.remember('task-1');
      assert.equal(delivered.has('task-1'), true);
    }
    const state = memento({ 'suno.deliveredLyricsResults': { __proto__: NOW, toString: NOW, old: NOW - 3 * LYRICS_RESULT_MAX_AGE_MS } });
    const delivered = new DeliveredLyricsResults(state, () => NOW);
    assert.equal(delivered.has('constructor'), false, 'no id is found on the prototype');
    assert.equal(delivered.has('old'), false, 'forgotten after two days');
    assert.equal(delivered.has('toString'), true);
  });

  it('the memory of opened lyrics stays bounded however many are opened', () => {
    const state = memento();
    const delivered = new DeliveredLyricsResults(state, () => NOW);
    for (let index = 0; index < 600; index++) delivered.remember(`task-${index}`);
    const stored = state.values.get('suno.deliveredLyricsResults') as Record<string, number>;
    assert.equal(Object.keys(stored).length, 500);
    assert.ok(Object.hasOwn(stored, 'task-599'), 'the newest kept');
    assert.equal(new DeliveredLyricsResults(state, () => NOW).has('task-0'), false, 'the oldest dropped');
  });
});
