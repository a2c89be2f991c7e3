import * as vscode from 'vscode';
import { LYRICS_SCHEME } from '../contributionIds';
import type { Task } from '../core/task/model';
import { resolveLyrics } from './lyricsSource';

export interface LyricsReference {
  readonly taskId: string;
  /** Absent for a lyrics task's own text. */
  readonly clipId?: string;
}

/**
 * `suno-lyrics:/City Lights.lyrics?task=<id>&clip=<clip id>`: the readable name in the path (it
 * becomes the tab title), the ids in the query. The clip is resolved first, so one clip's lyrics
 * always have one URI however they were opened.
 */
export function lyricsUri(task: Task, clipId?: string): vscode.Uri {
  const { clip, fileName } = resolveLyrics(task, clipId);
  const query = new URLSearchParams({ task: task.id });
  if (clip !== undefined) query.set('clip', clip.id);
  return vscode.Uri.from({ scheme: LYRICS_SCHEME, path: `/${fileName}`, query: query.toString() });
}

/** The task and clip a lyrics URI names, or undefined for any other URI. */
export function parseLyricsUri(uri: vscode.Uri): LyricsReference | undefined {
  if (uri.scheme !== LYRICS_SCHEME) return undefined;
  const query = new URLSearchParams(uri.query);
  const taskId = query.get('task');
  if (taskId === null || taskId === '') return undefined;
  const clipId = query.get('clip');
  return clipId === null || clipId === '' ? { taskId } : { taskId, clipId };
}
