import type { KeyValueStorage } from '../core/store/keyValueStorage';

/** The `globalState` flag that says the walkthrough was opened for this user once already. */
export const WALKTHROUGH_OPENED_KEY = 'suno.walkthroughOpened';

/**
 * Opens the walkthrough the first time the extension runs for this user, and never again: the
 * flag is set before `open` runs, so that a walkthrough that fails to open is not retried on
 * every activation, and a later activation (another window, a reload, an update) finds it set.
 * Only `true` counts as set; anything else in its place opens the walkthrough once and mends it.
 * Resolves to whether it opened the walkthrough.
 */
export async function openWalkthroughOnFirstRun(state: KeyValueStorage, open: () => PromiseLike<unknown>): Promise<boolean> {
  if (state.get(WALKTHROUGH_OPENED_KEY) === true) return false;
  await state.update(WALKTHROUGH_OPENED_KEY, true);
  await open();
  return true;
}
