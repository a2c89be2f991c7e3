/**
 * What a download writes and under which names: pure decisions, so that the rules that keep a
 * download safe (no path traversal, no reserved names, never overwriting) are unit-tested and the
 * command only moves bytes.
 */
import { english, type Localize } from '../localize';
import type { Clip, Task } from './model';
import { sanitiseFileName } from './safeFileName';
import { untitledTaskName } from './taskLabel';

export type DownloadKind = 'audio' | 'video' | 'cover' | 'lyrics';

export const DOWNLOAD_KINDS: readonly DownloadKind[] = ['audio', 'video', 'cover', 'lyrics'];

export interface DownloadItem {
  readonly kind: DownloadKind;
  readonly clipId: string | null;
  /** The file name without its extension, already safe to join to a folder. */
  readonly stem: string;
  /** Where the bytes come from (audio, video, cover)… */
  readonly url: string | null;
  /** …or the text to write (lyrics). */
  readonly text: string | null;
}

export interface SkippedDownload {
  readonly kind: DownloadKind;
  readonly clipId: string | null;
  /** Why, for the user: "the audio is still streaming". */
  readonly reason: string;
}

interface DownloadPlan {
  readonly items: readonly DownloadItem[];
  readonly skipped: readonly SkippedDownload[];
}

const EXTENSIONS: Record<DownloadKind, { fallback: string; allowed: readonly string[] }> = {
  audio: { fallback: '.mp3', allowed: ['.mp3', '.wav', '.m4a', '.ogg', '.oga', '.flac', '.aac', '.opus', '.webm'] },
  video: { fallback: '.mp4', allowed: ['.mp4', '.webm', '.mov', '.m4v'] },
  cover: { fallback: '.jpeg', allowed: ['.jpeg', '.jpg', '.png', '.webp', '.gif'] },
  lyrics: { fallback: '.txt', allowed: ['.txt'] },
};

const CONTENT_TYPES: Record<string, string> = {
  'audio/mpeg': '.mp3',
  'audio/mp3': '.mp3',
  'audio/wav': '.wav',
  'audio/wave': '.wav',
  'audio/x-wav': '.wav',
  'audio/vnd.wave': '.wav',
  'audio/mp4': '.m4a',
  'audio/ogg': '.ogg',
  'audio/flac': '.flac',
  'audio/aac': '.aac',
  'audio/webm': '.webm',
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'video/quicktime': '.mov',
  'image/jpeg': '.jpeg',
  'image/png': '.png',
  'image/webp': '.webp',
  'image/gif': '.gif',
  'text/plain': '.txt',
};

/** The lower-case extension (with its dot) at the end of a URL's path, or null. */
export function extensionFromUrl(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = /\.([a-z0-9]{1,5})$/i.exec(pathname);
  return match ? `.${match[1].toLowerCase()}` : null;
}

/**
 * The extension a downloaded file gets: the URL's own when it is one this kind of file can have,
 * else the one the response's Content-Type names, else the kind's usual one. A URL ending in `.php`
 * never makes a cover `.php`.
 */
export function chooseExtension(kind: DownloadKind, url: string | null, contentType: string | null): string {
  const { fallback, allowed } = EXTENSIONS[kind];
  const fromUrl = url === null ? null : extensionFromUrl(url);
  if (fromUrl !== null && allowed.includes(fromUrl)) return fromUrl;
  const mime = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  const fromType = CONTENT_TYPES[mime];
  if (fromType !== undefined && allowed.includes(fromType)) return fromType;
  return fallback;
}

function titleStem(task: Task, clip: Clip | undefined): string {
  const fallback = untitledTaskName(task.id);
  return sanitiseFileName(clip?.title ?? task.title ?? fallback, fallback);
}

/**
 * The files a download of `kinds` writes for one clip (`clipId`) or for the whole task. Clips of a
 * task with several clips are numbered by their place in the task (`City Lights - 2`), so one clip
 * gets the same name whether it is downloaded alone or with the others. Lyrics shared by every clip
 * are written once. What cannot be downloaded yet is listed in `skipped` with a reason, worded by
 * `localize`.
 */
export function planDownloads(
  task: Task,
  clipId: string | undefined,
  kinds: readonly DownloadKind[],
  localize: Localize = english,
): DownloadPlan {
  const items: DownloadItem[] = [];
  const skipped: SkippedDownload[] = [];
  const wanted = DOWNLOAD_KINDS.filter((kind) => kinds.includes(kind));
  const numbered = task.clips.length > 1;
  const clips = task.clips
    .map((clip, index) => ({ clip, stem: numbered ? `${titleStem(task, clip)} - ${index + 1}` : titleStem(task, clip) }))
    .filter(({ clip }) => clipId === undefined || clip.id === clipId);

  if (clipId !== undefined && clips.length === 0) {
    for (const kind of wanted) skipped.push({ kind, clipId, reason: localize('the clip is no longer part of the task') });
    return { items, skipped };
  }

  for (const kind of wanted) {
    if (kind === 'lyrics') {
      planLyrics(task, clips, items, skipped, localize);
      continue;
    }
    if (clips.length === 0) {
      skipped.push({ kind, clipId: null, reason: noMediaReason(kind, localize) });
      continue;
    }
    for (const { clip, stem } of clips) {
      const item = mediaItem(kind, clip, stem, localize);
      if ('reason' in item) skipped.push(item);
      else items.push(item);
    }
  }
  return { items, skipped };
}

/** Why a task without clips has nothing of `kind`. */
function noMediaReason(kind: Exclude<DownloadKind, 'lyrics'>, localize: Localize): string {
  switch (kind) {
    case 'audio':
      return localize('the task has no audio');
    case 'video':
      return localize('the task has no video');
    case 'cover':
      return localize('the task has no cover art');
  }
}

function mediaItem(kind: Exclude<DownloadKind, 'lyrics'>, clip: Clip, stem: string, localize: Localize): DownloadItem | SkippedDownload {
  const clipId = clip.id;
  switch (kind) {
    case 'audio':
      if (clip.audioUrl === null) return { kind, clipId, reason: localize('no audio yet') };
      // A streaming URL is a live stream without an end: downloading it would never finish.
      if (clip.isStreaming) return { kind, clipId, reason: localize('the audio is still streaming') };
      return { kind, clipId, stem, url: clip.audioUrl, text: null };
    case 'video':
      if (clip.videoUrl === null) return { kind, clipId, reason: localize('no video yet') };
      return { kind, clipId, stem, url: clip.videoUrl, text: null };
    case 'cover': {
      const url = clip.imageLargeUrl ?? clip.imageUrl;
      if (url === null) return { kind, clipId, reason: localize('no cover art yet') };
      return { kind, clipId, stem: `${stem} - cover`, url, text: null };
    }
  }
}

function planLyrics(
  task: Task,
  clips: readonly { clip: Clip; stem: string }[],
  items: DownloadItem[],
  skipped: SkippedDownload[],
  localize: Localize,
): void {
  const withText = clips.filter(({ clip }) => hasText(clip.lyrics));
  if (withText.length === 0) {
    // A lyrics task keeps its text on the task; a music task may too when its clips say nothing.
    if (hasText(task.lyrics) && (clips.length === 0 || clips.length === task.clips.length)) {
      items.push({ kind: 'lyrics', clipId: null, stem: `${titleStem(task, undefined)} - lyrics`, url: null, text: task.lyrics });
    } else {
      skipped.push({ kind: 'lyrics', clipId: clips.length === 1 ? clips[0].clip.id : null, reason: localize('no lyrics yet') });
    }
    return;
  }
  const distinct = new Set(withText.map(({ clip }) => clip.lyrics));
  if (withText.length > 1 && distinct.size === 1) {
    items.push({ kind: 'lyrics', clipId: null, stem: `${titleStem(task, withText[0].clip)} - lyrics`, url: null, text: withText[0].clip.lyrics });
    return;
  }
  for (const { clip, stem } of withText) {
    items.push({ kind: 'lyrics', clipId: clip.id, stem: `${stem} - lyrics`, url: null, text: clip.lyrics });
  }
}

function hasText(text: string | null): text is string {
  return text !== null && text.trim() !== '';
}

/** The kinds a download of this clip (or the whole task) can offer right now. */
export function availableDownloadKinds(task: Task, clipId?: string): DownloadKind[] {
  const { items } = planDownloads(task, clipId, DOWNLOAD_KINDS);
  return DOWNLOAD_KINDS.filter((kind) => items.some((item) => item.kind === kind));
}
