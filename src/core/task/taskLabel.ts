/**
 * How a task is named where its full id would be too long to read: the first eight characters
 * of the id (a UUID's first group), and one name for a task without a title, so that the tab,
 * the saved files and the tree all call it the same.
 */

import { english, type Localize } from '../localize';

const SHORT_ID_LENGTH = 8;

/** `0b4a2f4e-…` → `0b4a2f4e`. */
export function shortTaskId(id: string): string {
  return id.slice(0, SHORT_ID_LENGTH);
}

/**
 * The name of a task that has no title: `Suno task 0b4a2f4e`. Saved files keep the English name;
 * the tab and the panel pass the display language's `localize`.
 */
export function untitledTaskName(id: string, localize: Localize = english): string {
  return localize('Suno task {0}', shortTaskId(id));
}
