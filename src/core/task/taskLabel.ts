/**
 * How a task is named where its full id would be too long to read: the first eight characters
 * of the id (a UUID's first group), and one name for a task without a title, so that the tab,
 * the saved files and the tree all call it the same.
 */

const SHORT_ID_LENGTH = 8;

/** `0b4a2f4e-…` → `0b4a2f4e`. */
export function shortTaskId(id: string): string {
  return id.slice(0, SHORT_ID_LENGTH);
}

/** The name of a task that has no title: `Suno task 0b4a2f4e`. */
export function untitledTaskName(id: string): string {
  return `Suno task ${shortTaskId(id)}`;
}
