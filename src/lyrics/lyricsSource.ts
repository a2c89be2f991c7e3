/**
 * Which lyrics a lyrics document shows and what its tab is called. Pure (no `vscode`), so the
 * choice is unit-tested; src/lyrics/lyricsUri.ts turns the result into a URI.
 */
import { sanitiseFileName } from '../core/task/safeFileName';
import type { Clip, Task } from '../core/task/model';
import { untitledTaskName } from '../core/task/taskLabel';

interface LyricsSource {
  /** The clip whose lyrics these are; undefined for a lyrics task's own text. */
  readonly clip: Clip | undefined;
  /** The text, or null when there is none (yet). */
  readonly text: string | null;
  /** The document's file name, which becomes the tab title: `City Lights.lyrics`. */
  readonly fileName: string;
}

const LYRICS_FILE_EXTENSION = '.lyrics';

function hasText(text: string | null | undefined): text is string {
  return text != null && text.trim() !== '';
}

/**
 * The lyrics of `clipId`, or when no clip is named, those of the first clip that has any (a
 * lyrics task: its own text). A clip without lyrics of its own falls back to the task's text.
 */
export function resolveLyrics(task: Task, clipId?: string): LyricsSource {
  const clip =
    clipId !== undefined
      ? task.clips.find((candidate) => candidate.id === clipId)
      : (task.clips.find((candidate) => hasText(candidate.lyrics)) ?? task.clips[0]);
  const text = hasText(clip?.lyrics) ? clip.lyrics : hasText(task.lyrics) ? task.lyrics : null;
  return { clip, text, fileName: lyricsFileName(task, clip) };
}

/**
 * `City Lights.lyrics`; the second and later clips of a task are numbered (`City Lights - 2`) so
 * that two open documents of one task have different tab titles. The title is sanitised like a
 * file name: no `/` that would add path segments, no `?` or `#` that would read as a query.
 */
export function lyricsFileName(task: Task, clip: Clip | undefined): string {
  const fallback = untitledTaskName(task.id);
  const stem = sanitiseFileName(clip?.title ?? task.title ?? fallback, fallback);
  const index = clip === undefined ? -1 : task.clips.indexOf(clip);
  const numbered = index > 0 ? `${stem} - ${index + 1}` : stem;
  return `${numbered}${LYRICS_FILE_EXTENSION}`;
}
