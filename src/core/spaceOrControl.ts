/**
 * Characters that never belong in a value pasted as one token (a base URL, a task id). One
 * definition, so that the base-URL normaliser and the task-id check refuse exactly the same text.
 */

/** Whitespace (including Unicode spaces) or an ASCII control character. */
export function hasSpaceOrControl(text: string): boolean {
  if (/\s/.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
