import * as assert from 'node:assert/strict';
import { MemoryStorage } from '../../src/core/store/keyValueStorage';
import { openWalkthroughOnFirstRun, WALKTHROUGH_OPENED_KEY } from '../../src/walkthrough/firstRun';

/** Counts the walkthroughs "opened". */
function opener(): { open: () => Promise<void>; readonly count: () => number } {
  let opened = 0;
  return {
    open: () => {
      opened += 1;
      return Promise.resolve();
    },
    count: () => opened,
  };
}

describe('The walkthrough on the first run', () => {
  it('opens on the first activation and sets the flag', async () => {
    const state = new MemoryStorage();
    const walkthrough = opener();
    assert.equal(await openWalkthroughOnFirstRun(state, walkthrough.open), true);
    assert.equal(walkthrough.count(), 1);
    assert.equal(state.get(WALKTHROUGH_OPENED_KEY), true);
  });

  it('does not open again on later activations', async () => {
    const state = new MemoryStorage();
    const walkthrough = opener();
    await openWalkthroughOnFirstRun(state, walkthrough.open);
    assert.equal(await openWalkthroughOnFirstRun(state, walkthrough.open), false);
    assert.equal(await openWalkthroughOnFirstRun(state, walkthrough.open), false);
    assert.equal(walkthrough.count(), 1);
  });

  it('does not open for a user who saw it already', async () => {
    const walkthrough = opener();
    assert.equal(await openWalkthroughOnFirstRun(new MemoryStorage({ [WALKTHROUGH_OPENED_KEY]: true }), walkthrough.open), false);
    assert.equal(walkthrough.count(), 0);
  });

  it('sets the flag before opening, so that a walkthrough that fails to open is not retried', async () => {
    const state = new MemoryStorage();
    let flagWhenOpened: unknown;
    await assert.rejects(
      openWalkthroughOnFirstRun(state, () => {
        flagWhenOpened = state.get(WALKTHROUGH_OPENED_KEY);
        return Promise.reject(new Error("command 'workbench.action.openWalkthrough' not found"));
      }),
      /not found/,
    );
    assert.equal(flagWhenOpened, true);
    const walkthrough = opener();
    assert.equal(await openWalkthroughOnFirstRun(state, walkthrough.open), false);
    assert.equal(walkthrough.count(), 0);
  });
});
