import * as z from 'zod/mini';
import { english, type Localize } from '../localize';

/**
 * Where a task tracked by this extension came from: the document it was generated from and
 * what was done. The store keeps it beside the task (not in it: the gateway knows nothing of it
 * and a poll must not lose it), so the panel and the tree can lead back to the song.
 */
export interface TaskOrigin {
  /** The source document's URI as VS Code prints it (`file:`, `untitled:`…); null when none (a description). */
  readonly documentUri: string | null;
  /** What was submitted, e.g. `generateSong`; any word a newer build may use. */
  readonly action: string;
  /** When it was submitted, in milliseconds since the epoch. */
  readonly submittedAt: number;
}

/** Far beyond any real URI; a longer one is no origin worth keeping. */
const MAX_ORIGIN_URI_LENGTH = 8192;

/**
 * The origin as it is stored. Loose: a newer build's extra fields survive a rewrite by this one,
 * and a field this build does not know is never a reason to drop the task.
 */
export const taskOriginSchema = z.looseObject({
  documentUri: z.nullable(z.string().check(z.minLength(1), z.maxLength(MAX_ORIGIN_URI_LENGTH))),
  action: z.string().check(z.minLength(1), z.maxLength(100)),
  submittedAt: z.number().check(z.gte(0)),
});

/**
 * How each action a task's origin may name is shown, in the display language; a word this build
 * does not know is shown as it is. A function, not a table: each name is asked of `localize`.
 */
export function originActionName(origin: TaskOrigin, localize: Localize = english): string {
  switch (origin.action) {
    case 'generateSong':
      return localize('Generate Song');
    case 'generateFromDescription':
      return localize('Generate from Description');
    case 'generateLyrics':
      return localize('Generate Lyrics');
    case 'extend':
      return localize('Extend');
    default:
      return origin.action;
  }
}

/**
 * The name of the origin's document as an editor tab would show it: the last segment of its
 * path (`City Lights.suno`, `Untitled-1`), decoded; null when there is no document. Raw: the
 * caller makes it inert for its surface.
 */
export function originDocumentName(origin: TaskOrigin): string | null {
  if (origin.documentUri === null) return null;
  const path = origin.documentUri.replace(/[?#].*$/s, '');
  const slash = path.lastIndexOf('/');
  // `untitled:Untitled-1` has no slash: its name follows the scheme.
  const segment = (slash >= 0 ? path.slice(slash + 1) : path.slice(path.indexOf(':') + 1)) || path;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
