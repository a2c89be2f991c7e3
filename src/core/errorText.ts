/**
 * The text of anything thrown: an Error's message, or the value itself as a string (a rejected
 * promise may carry a string, a number or undefined). Log lines and notifications use it so that
 * a thrown non-Error never reads "[object Object]" in one place and its message in another.
 */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
