/**
 * The keys of a JSON object body's top level, in order and with repeats. `JSON.parse` silently
 * keeps the last of two equal keys while other readers keep the first, so an answer that repeats
 * a key it matters which of is ambiguous; this lets a reader notice.
 */

/** Every top-level key of the JSON object `body`, repeats included; [] when it is no object. */
export function topLevelKeys(body: string): string[] {
  const text = body.trim();
  if (!text.startsWith('{')) return [];
  const keys: string[] = [];
  let depth = 0;
  let stringStart = -1;
  /** A string that just ended at the top level: a key when a ':' follows. */
  let closedString: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (stringStart !== -1) {
      if (character === '\\') {
        index++;
      } else if (character === '"') {
        closedString = depth === 1 ? text.slice(stringStart, index + 1) : null;
        stringStart = -1;
      }
      continue;
    }
    if (/\s/.test(character)) continue;
    if (character === ':' && closedString !== null) keys.push(decodeKey(closedString));
    closedString = null;
    if (character === '"') stringStart = index;
    else if (character === '{' || character === '[') depth++;
    else if (character === '}' || character === ']') depth--;
  }
  return keys;
}

function decodeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted;
  }
}
