import * as assert from 'node:assert/strict';
import {
  MAX_CLIPS_SHOWN,
  PRELOADED_PLAYERS,
  firstCharacters,
  firstItems,
  moreCharactersNotShown,
  moreClipsNotShown,
} from '../../src/core/task/displayLimits';

describe('displayLimits', () => {
  it('shows every item up to the limit and counts the rest', () => {
    const items = Array.from({ length: 1000 }, (_, index) => index);
    assert.deepEqual(firstItems(items.slice(0, 3), 5), { shown: [0, 1, 2], notShown: 0 });
    const capped = firstItems(items, MAX_CLIPS_SHOWN);
    assert.equal(capped.shown.length, MAX_CLIPS_SHOWN);
    assert.equal(capped.shown[MAX_CLIPS_SHOWN - 1], MAX_CLIPS_SHOWN - 1);
    assert.equal(capped.notShown, 1000 - MAX_CLIPS_SHOWN);
  });

  it('preloads fewer players than it shows clips', () => {
    assert.ok(PRELOADED_PLAYERS >= 1 && PRELOADED_PLAYERS < MAX_CLIPS_SHOWN);
  });

  it('cuts text to the limit and counts the characters left out', () => {
    assert.deepEqual(firstCharacters('short', 10), { text: 'short', notShownCharacters: 0 });
    assert.deepEqual(firstCharacters('abcdefghij', 4), { text: 'abcd', notShownCharacters: 6 });
  });

  it('never cuts a surrogate pair in half, and counts an emoji as one character', () => {
    // 'a' then two emoji (two UTF-16 units each): a cut after 2 units would split the first one.
    assert.deepEqual(firstCharacters('a😀😀', 2), { text: 'a', notShownCharacters: 2 });
    assert.deepEqual(firstCharacters('a😀😀', 3), { text: 'a😀', notShownCharacters: 1 });
  });

  it('says how much is not shown, in words', () => {
    assert.equal(moreClipsNotShown(1), '1 more clip not shown');
    assert.equal(moreClipsNotShown(950), '950 more clips not shown');
    assert.equal(moreCharactersNotShown(1234567), '… 1,234,567 more characters not shown');
    assert.equal(moreCharactersNotShown(1), '… 1 more character not shown');
  });
});
