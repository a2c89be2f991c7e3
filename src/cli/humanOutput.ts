/**
 * What `suno-task` prints for people (without --json): one line per task, then for a finished
 * music task one indented line per clip, and for a lyrics task its text.
 *
 *   2a145658-3342-4228-b779-b8323a2b77df  succeeded  100%  "Happy Weekend"  2 clips
 *       "Happy Weekend"  2:09  chirp-v3  https://cdn1.suno.ai/3435e194-….mp3
 *
 * Everything the gateway sent goes through `terminalLine`/`terminalBlock` first.
 */

import { formatCount, formatDuration, formatProgress, formatStatus } from '../core/task/format';
import { isFinished, type Clip, type Task } from '../core/task/model';
import { terminalBlock, terminalLine } from './terminalText';

const GAP = '  ';
const INDENT = '    ';

function quoted(text: string | null): string {
  if (text === null) return '';
  const line = terminalLine(text);
  return line === '' ? '' : `"${line}"`;
}

/** The one summary line of a task. */
export function formatTaskLine(task: Task): string {
  const parts = [terminalLine(task.id), formatStatus(task.status, task.rawStatus && terminalLine(task.rawStatus))];
  // A failed task's "100%" says nothing but "it ended".
  if (task.status !== 'failed') parts.push(formatProgress(task.progress));
  parts.push(quoted(task.title));
  if (task.action === 'lyrics') parts.push('lyrics');
  else if (task.clips.length > 0) parts.push(formatCount(task.clips.length, 'clip'));
  if (task.status === 'failed' && task.failReason !== null) {
    const reason = terminalLine(task.failReason);
    if (reason !== '') parts.push(`— ${reason}`);
  }
  return parts.filter((part) => part !== '').join(GAP);
}

/** One indented line for a clip: title, duration, model, audio URL (and its state while not complete). */
export function formatClipLine(clip: Clip, taskFailReason: string | null = null): string {
  const parts = [
    quoted(clip.title) || terminalLine(clip.id),
    clip.status === 'succeeded' ? '' : clip.isStreaming ? 'streaming' : formatStatus(clip.status, clip.rawStatus && terminalLine(clip.rawStatus)),
    formatDuration(clip.durationSeconds),
    clip.model === null ? '' : terminalLine(clip.model),
    clip.audioUrl === null ? '' : terminalLine(clip.audioUrl),
  ];
  if (clip.status === 'failed' && clip.errorMessage !== null && clip.errorMessage !== taskFailReason) parts.push(`— ${terminalLine(clip.errorMessage)}`);
  return `${INDENT}${parts.filter((part) => part !== '').join(GAP)}`;
}

/**
 * The task line, and for a finished task its details: a line per clip, or the lyrics' text.
 * `details: false` gives the summary line alone (watch prints details only once a task ends).
 */
export function formatTask(task: Task, details = isFinished(task.status)): string[] {
  const lines = [formatTaskLine(task)];
  if (!details) return lines;
  for (const clip of task.clips) lines.push(formatClipLine(clip, task.failReason));
  if (task.action === 'lyrics' && task.lyrics !== null) {
    for (const line of terminalBlock(task.lyrics).split('\n')) lines.push(line === '' ? '' : `${INDENT}${line}`);
  }
  return lines;
}
