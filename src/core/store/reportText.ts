/** An id or value as a problem report quotes it: at most 80 characters, so one report stays one line's worth. */
export function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
