import * as assert from 'node:assert/strict';
import { extendRefusal, isExtendable } from '../../../src/core/song/extendableClip';
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
      assert.match(String(extendRefusal(buildTask({ clips: [clip] }), clip)), /Only a finished clip/);
    }
    const clip = buildClip();
    assert.match(String(extendRefusal(buildTask({ action: 'lyrics', clips: [clip] }), clip)), /lyrics task/);
  });

  it('not ids a gateway would refuse', () => {
    const odd = buildClip({ id: '../clip' });
    assert.match(String(extendRefusal(buildTask({ clips: [odd] }), odd)), /no id a gateway would accept/);
    const clip = buildClip();
    assert.equal(isExtendable(buildTask({ id: 'a'.repeat(129), clips: [clip] }), clip), false);
  });
});
