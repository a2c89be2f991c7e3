/**
 * How each gateway dialect writes a task at its current stage (see PROTOCOL.md):
 *
 * - native: new-api envelope, native Suno clips (dialect A; NOT_START renders like D, data null).
 * - flat:   new-api envelope, flattened clips (dialect B). Deliberately sends its task status in
 *           lowercase and the clip `duration` as a string, as sloppier gateways do.
 * - goapi:  GoAPI / sunoapi.com (dialect C): numeric `code`, clips keyed by id, `input` as a JSON
 *           string, `error_message` on failure.
 * - newapi: the newer new-api task DTO (`task_…` ids, row id, platform, quota, properties, …),
 *           served as text/plain like CometAPI does.
 * - lyrics: an `action: "LYRICS"` task whose inner `data` is one object {id, text, title, status}.
 *
 * Media URLs point at the gateway's own `/media` and `/stream` routes.
 */
import type { ClipState, Dialect, ScriptedClip, ScriptedTask } from './scriptedTask';

interface RenderedBody {
  readonly contentType: string;
  readonly body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

/** Stands in for the Suno account that made the songs. */
const SUNO_USER_ID = 'a3b1c2d4-0000-4c0f-9e11-10ca1ba7e000';

function clipMediaUrls(baseUrl: string, clipId: string): {
  stream: string;
  audio: string;
  video: string;
  image: string;
  imageLarge: string;
} {
  const id = encodeURIComponent(clipId);
  return {
    stream: `${baseUrl}/stream/${id}`,
    audio: `${baseUrl}/media/${id}.wav`,
    video: `${baseUrl}/media/${id}.mp4`,
    image: `${baseUrl}/media/${id}.png`,
    imageLarge: `${baseUrl}/media/${id}-large.png`,
  };
}

function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** new-api's task fields shared by dialects A, B, D and the lyrics task. */
function newApiTaskFields(task: ScriptedTask): Record<string, unknown> {
  const finished = task.finishedAtMs > 0;
  return {
    task_id: task.id,
    action: task.dialect === 'lyrics' ? 'LYRICS' : 'MUSIC',
    status: task.stage,
    fail_reason: task.stage === 'FAILURE' ? task.failReason : '',
    submit_time: epochSeconds(task.createdAt),
    start_time: epochSeconds(task.createdAt),
    finish_time: finished ? Math.max(1, epochSeconds(task.finishedAtMs)) : 0,
    progress: finished ? '100%' : '0%',
  };
}

function nativeClip(task: ScriptedTask, clip: ScriptedClip, state: ClipState, baseUrl: string): Record<string, unknown> {
  const urls = clipMediaUrls(baseUrl, clip.id);
  const hasCover = state === 'streaming' || state === 'complete';
  return {
    id: clip.id,
    title: task.title,
    handle: 'localgateway',
    status: state,
    user_id: SUNO_USER_ID,
    is_liked: false,
    metadata: {
      tags: task.tags,
      type: 'gen',
      prompt: task.lyrics,
      stream: true,
      history: task.continuation === null ? null : [{ id: task.continuation.clipId, continue_at: task.continuation.at, type: 'gen', source: 'web' }],
      duration: state === 'complete' ? clip.durationSeconds : null,
      error_type: state === 'error' ? 'timeout' : null,
      error_message: state === 'error' ? task.failReason : null,
      concat_history: null,
      refund_credits: state === 'error',
      audio_prompt_id: null,
      gpt_description_prompt: task.description,
    },
    reaction: null,
    audio_url: state === 'streaming' ? urls.stream : state === 'complete' ? urls.audio : '',
    image_url: hasCover ? urls.image : null,
    is_public: false,
    video_url: state === 'complete' ? urls.video : '',
    created_at: isoTime(task.createdAt),
    is_trashed: false,
    model_name: task.model,
    play_count: 0,
    display_name: 'LocalGateway',
    upvote_count: 0,
    image_large_url: hasCover ? urls.imageLarge : null,
    is_video_pending: state === 'streaming',
    is_handle_updated: false,
    major_model_version: 'v4',
  };
}

function flatClip(task: ScriptedTask, clip: ScriptedClip, index: number, state: ClipState, baseUrl: string): Record<string, unknown> {
  const urls = clipMediaUrls(baseUrl, clip.id);
  const flatState =
    state === 'complete' ? 'succeeded' : state === 'error' ? 'failed' : state === 'streaming' ? 'running' : 'pending';
  return {
    id: clip.id,
    mv: task.model,
    msg: state === 'error' ? task.failReason : '',
    tags: task.tags,
    state: flatState,
    title: task.title,
    prompt: task.lyrics,
    status: state,
    clip_id: clip.id,
    task_id: `${task.id}_${index + 1}`,
    // A number sent as a string: some gateways do, and a tolerant parser copes.
    duration: state === 'complete' ? String(clip.durationSeconds) : null,
    audio_url: state === 'streaming' ? urls.stream : state === 'complete' ? urls.audio : '',
    image_url: state === 'streaming' || state === 'complete' ? urls.image : '',
    video_url: state === 'complete' ? urls.video : '',
    continue_at: task.continuation?.at ?? null,
    create_time: String(epochSeconds(task.createdAt)),
    update_time: String(epochSeconds(task.updatedAt)),
    image_large_url: state === 'streaming' || state === 'complete' ? urls.imageLarge : '',
    continue_clip_id: task.continuation?.clipId ?? null,
    gpt_description_prompt: task.description,
  };
}

function lyricsData(task: ScriptedTask): Record<string, unknown> | null {
  switch (task.stage) {
    case 'NOT_START':
    case 'SUBMITTED':
    case 'QUEUED':
      // Nothing from upstream yet: the gateway has only its own row.
      return null;
    case 'SUCCESS':
      return { id: task.lyricsId, text: task.lyrics, title: task.title, status: 'complete' };
    case 'FAILURE':
      return { id: task.lyricsId, text: '', title: '', status: 'error' };
    default:
      return { id: task.lyricsId, text: '', title: '', status: 'running' };
  }
}

function goApiStatus(task: ScriptedTask): string {
  switch (task.stage) {
    case 'IN_PROGRESS':
      return 'processing';
    case 'SUCCESS':
      return 'completed';
    case 'FAILURE':
      return 'failed';
    default:
      return 'pending';
  }
}

/** The task object (the envelope's `data`) in the task's own dialect. */
function renderTaskData(task: ScriptedTask, baseUrl: string): Record<string, unknown> {
  const state = task.clipState;
  switch (task.dialect) {
    case 'native':
      return {
        ...newApiTaskFields(task),
        data: state === null ? null : task.clips.map((clip) => nativeClip(task, clip, state, baseUrl)),
      };
    case 'flat': {
      const fields = newApiTaskFields(task);
      return {
        task_id: task.id,
        notify_hook: '',
        ...fields,
        status: String(fields.status).toLowerCase(),
        data: state === null ? [] : task.clips.map((clip, index) => flatClip(task, clip, index, state, baseUrl)),
      };
    }
    case 'goapi': {
      const clips: Record<string, unknown> = {};
      if (state !== null) {
        for (const clip of task.clips) {
          const native = nativeClip(task, clip, state, baseUrl);
          const metadata = native.metadata as Record<string, unknown>;
          // Another number sent as a string, as PHP-backed services often do.
          if (typeof metadata.duration === 'number') metadata.duration = String(metadata.duration);
          clips[clip.id] = native;
        }
      }
      const data: Record<string, unknown> = {
        task_id: task.id,
        status: goApiStatus(task),
        input: JSON.stringify({
          custom_mode: task.description === null,
          gpt_description_prompt: task.description ?? '',
          make_instrumental: false,
          prompt: task.lyrics,
          title: task.title,
          continue_at: task.continuation?.at ?? 0,
          continue_clip_id: task.continuation?.clipId ?? '',
          mv: task.model,
          tags: task.tags,
        }),
        clips,
      };
      if (task.stage === 'FAILURE') data.error_message = task.failReason;
      return data;
    }
    case 'newapi': {
      const fields = newApiTaskFields(task);
      const firstAudio = task.stage === 'SUCCESS' && task.clips.length > 0 ? clipMediaUrls(baseUrl, task.clips[0].id).audio : '';
      return {
        id: task.rowId,
        created_at: epochSeconds(task.createdAt),
        updated_at: epochSeconds(task.updatedAt),
        task_id: task.id,
        platform: 'suno',
        user_id: 1,
        group: 'default',
        channel_id: 3,
        quota: 100_000,
        ...fields,
        result_url: firstAudio,
        properties: { input: task.lyrics, origin_model_name: 'suno_music', upstream_model_name: task.model },
        data: state === null ? null : task.clips.map((clip) => nativeClip(task, clip, state, baseUrl)),
      };
    }
    case 'lyrics':
      return { ...newApiTaskFields(task), data: lyricsData(task) };
  }
}

function envelope(dialect: Dialect, data: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return dialect === 'goapi'
    ? { code: 200, data, message: 'success', ...extra }
    : { code: 'success', message: '', data, ...extra };
}

function contentTypeFor(dialect: Dialect): string {
  return dialect === 'newapi' ? TEXT_TYPE : JSON_TYPE;
}

/** The body of `GET /suno/fetch/{id}`. */
export function renderSingleBody(task: ScriptedTask, baseUrl: string): RenderedBody {
  const extra = task.dialect === 'goapi' && task.stage === 'FAILURE' ? { error_message: task.failReason } : {};
  return {
    contentType: contentTypeFor(task.dialect),
    body: JSON.stringify(envelope(task.dialect, renderTaskData(task, baseUrl), extra)),
  };
}

/**
 * The body of a batch fetch: each row in its own dialect, inside the envelope (and content type)
 * of the first row's dialect — a real gateway speaks one dialect, so mixing is a test convenience.
 */
export function renderBatchBody(tasks: readonly ScriptedTask[], baseUrl: string): RenderedBody {
  const dialect = tasks.length > 0 ? tasks[0].dialect : 'native';
  return {
    contentType: contentTypeFor(dialect),
    body: JSON.stringify(envelope(dialect, tasks.map((task) => renderTaskData(task, baseUrl)))),
  };
}
