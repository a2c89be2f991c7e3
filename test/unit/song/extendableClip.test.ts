import * as assert from 'node:assert/strict';
import { extendProblem, isExtendable } from '../../../src/core/song/extendableClip';
import { createTexts } from '../../../src/create/createTexts';
import { buildClip, buildTask } from '../support/taskBuilders';

describe('which clips can be extended', () => {
  it('a finished clip of a song', () => {
    const clip = buildClip({ id: 'clip-a' });
    assert.equal(isExtendable(buildTask({ clips: [clip] }), clip), true);
    const unlabelled = buildTask({ action: 'other', clips: [clip] });
    assert.equal(isExtendable(unlabelled, clip), true, 'a dialect that does not say the action');
  });

  it('not a clip still running, streaming or failed, nor a lyrics task', () => {
    for (const clip of [buildClip({ status: 'running' }), buildClip({ status: 'failed' }), buildClip({ status: 'unknown' }), buildClip({ isStreaming: true })]) {
      assert.equal(extendProblem(buildTask({ clips: [clip] }), clip), 'unfinished');
    }
    const clip = buildClip();
    assert.equal(extendProblem(buildTask({ action: 'lyrics', clips: [clip] }), clip), 'lyrics_task');
  });

  it('not ids a gateway would refuse', () => {
    const odd = buildClip({ id: '../clip' });
    assert.equal(extendProblem(buildTask({ clips: [odd] }), odd), 'unusable_id');
    const clip = buildClip();
    assert.equal(isExtendable(buildTask({ id: 'a'.repeat(129), clips: [clip] }), clip), false);
  });

  it('says each refusal in a sentence of the display language', () => {
    const texts = createTexts();
    assert.match(texts.extendRefusal('unfinished'), /^Only a finished clip can be extended/);
    assert.match(texts.extendRefusal('lyrics_task'), /^A lyrics task has no song to extend/);
    assert.match(texts.extendRefusal('unusable_id'), /no id a gateway would accept/);
    const marked = createTexts((message) => `«${message}»`);
    assert.equal(marked.extendRefusal('unfinished'), '«Only a finished clip can be extended: wait until it is complete.»');
  });
});
