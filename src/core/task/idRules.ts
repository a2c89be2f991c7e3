/**
 * What a task id and a clip id may be: the one definition that the parser, the client, the CLI,
 * the commands and the panel's messages all apply, so that an id one of them accepts is never
 * refused by another.
 *
 * Ids are opaque, but every gateway's ids are UUIDs, new-api's `task_…` or a flattened clip's
 * `<uuid>_1`. So an id is 1 to `MAX_ID_LENGTH` letters, digits, `-`, `_` and `.`, and not made of
 * dots alone: `.` and `..` would be read as path segments and leave `/suno/fetch/{id}`, whatever
 * escaping the URL gets. Nothing else is needed, and everything else (slashes, `%`, spaces,
 * control characters, markup, other scripts) has been seen only in broken or hostile answers.
 *
 * Case: ids are compared exactly. A gateway that answers with the same id in another case (some
 * upper-case UUIDs) is matched case-insensitively only where that is unambiguous; see
 * `taskIdMatching.ts`.
 *
 * Imports nothing, so that the webview bundle can share it.
 */

/** Longer than any id a gateway hands out (UUIDs have 36 characters, `<uuid>_1` 38). */
export const MAX_ID_LENGTH = 128;

/** The rule in words, for messages that must not echo what they refused. */
export const ID_RULE_TEXT = `1 to ${MAX_ID_LENGTH} letters, digits, '-', '_' and '.', not dots alone`;

const ID_CHARACTERS = /^[A-Za-z0-9._-]+$/;
const ONLY_DOTS = /^\.+$/;

export type IdProblem = 'empty' | 'too_long' | 'characters' | 'dots';

/** Why `id` is not an id, or null when it is one. The value is taken as it is (not trimmed). */
export function idProblem(id: string): IdProblem | null {
  if (id.length === 0) return 'empty';
  if (id.length > MAX_ID_LENGTH) return 'too_long';
  if (!ID_CHARACTERS.test(id)) return 'characters';
  if (ONLY_DOTS.test(id)) return 'dots';
  return null;
}

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && idProblem(id) === null;
}

/** The id quoted on one line and shortened; JSON escaping keeps control characters visible. */
export function previewId(id: string): string {
  const characters = Array.from(id);
  const shown = characters.length > 40 ? `${characters.slice(0, 39).join('')}…` : id;
  return JSON.stringify(shown);
}
