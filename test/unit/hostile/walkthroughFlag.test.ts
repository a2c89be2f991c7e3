import * as assert from 'node:assert/strict';
import { MemoryStorage } from '../../../src/core/store/keyValueStorage';
import { openWalkthroughOnFirstRun, WALKTHROUGH_OPENED_KEY } from '../../../src/walkthrough/firstRun';

/**
 * The first-run flag as another version, a settings sync or a hand-edited profile may leave it:
 * only `true` means "opened already"; anything else opens the walkthrough once and mends the flag.
 */
describe('Hostile: the walkthrough flag in globalState', () => {
  const ODD_VALUES: unknown[] = ['true', 1, 0, false, null, {}, [], 'x'.repeat(100_000), { opened: true }];

  for (const value of ODD_VALUES) {
    it(`opens once over ${JSON.stringify(value).slice(0, 40)}`, async () => {
      const state = new MemoryStorage({ [WALKTHROUGH_OPENED_KEY]: value });
      let opened = 0;
      const open = (): Promise<void> => {
        opened += 1;
        return Promise.resolve();
      };
      assert.equal(await openWalkthroughOnFirstRun(state, open), true);
      assert.equal(await openWalkthroughOnFirstRun(state, open), false);
      assert.equal(opened, 1);
      assert.equal(state.get(WALKTHROUGH_OPENED_KEY), true);
    });
  }
});
