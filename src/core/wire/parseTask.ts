/**
 * Turns what a gateway answered on `/suno/fetch` into the one task model.
 *
 * Gateways speak several dialects (see the wire schemas) and differ in small ways, so the parser
 * decides by shape: a body is a task when it carries a task id and task fields, whatever its
 * `code` or `Content-Type` claim. Fields are read leniently; a body that is not a Suno fetch answer
 * at all is rejected with a message that shows what arrived. The only error thrown is
 * `GatewayError`.
 */

import { describeResponse } from './describeResponse';
import { GatewayError } from '../gatewayError';
import { MAX_ID_LENGTH, isValidId } from '../task/idRules';
import type { Clip, Task, TaskAction, TaskStatus } from '../task/model';
import { deriveProgress, type ProgressPart } from '../task/progress';
import { gatewayMessageOf, isTaskNotExist } from './answerBody';
import { normaliseTaskStatus, resolveTaskStatus } from '../task/taskStatus';
import {
  lyricsResultSchema,
  openAiErrorSchema,
  toMeaningfulText,
  toWireId,
  wireClipSchema,
  wireEnvelopeSchema,
  wireTaskSchema,
  type WireClip,
  type WireLyricsResult,
  type WireTask,
} from './wireSchemas';

/** What the caller knows about the HTTP answer, for messages and for the tasks' provenance. */
export interface ResponseContext {
  /** The normalised gateway origin; copied into every task. */
  readonly baseUrl: string;
  /** The URL that was called. */
  readonly url: string;
  readonly httpStatus: number;
  readonly contentType: string | null;
  /** ISO 8601. */
  readonly fetchedAt: string;
}

type JsonObject = Record<string, unknown>;

/** Parses the answer to `GET {base}/suno/fetch/{id}`. */
export function parseTaskResponse(body: string, context: ResponseContext): Task {
  return onlyGatewayErrors(() => {
    const json = parseJson(body, context);
    const candidate = findSingleTask(json);
    if (candidate !== null) {
      return buildTask(candidate.task, context.baseUrl, context.fetchedAt, candidate.envelopeFailReason);
    }
    throw explainRejection(json, body, context);
  }, context);
}

/** Parses the answer to `POST {base}/suno/fetch` with `{ids: […]}`: one task per row, in the gateway's order. */
export function parseBatchResponse(body: string, context: ResponseContext): Task[] {
  return onlyGatewayErrors(() => {
    const json = parseJson(body, context);
    const found = findBatchRows(json);
    if (found === null) throw explainRejection(json, body, context);
    // A row whose id breaks the id rules cannot answer any id that was asked for: left out.
    const rows = found.filter((row) => !hasUnusableTaskId(row));
    rows.forEach((row, index) => {
      if (!isTaskShaped(row)) {
        throw rejection(context, body, `row ${index + 1} of ${rows.length} is not a task`);
      }
    });
    const envelopeFailReason = isObject(json) ? toMeaningfulText(json['error_message']) : null;
    return rows.map((row) => buildTask(row as JsonObject, context.baseUrl, context.fetchedAt, envelopeFailReason));
  }, context);
}

/** Parses one task object that is already out of its envelope (a stored raw answer, a test). */
export function parseTaskData(data: unknown, baseUrl: string, fetchedAt: string): Task {
  if (!isTaskShaped(data)) {
    let preview: string;
    try {
      preview = JSON.stringify(data) ?? String(data);
    } catch {
      preview = String(data);
    }
    throw new GatewayError('bad_response', `This is not a Suno task: ${JSON.stringify(preview.slice(0, 200))}`);
  }
  return onlyGatewayErrors(() => buildTask(data, baseUrl, fetchedAt, null), null);
}

/**
 * Callers rely on the parser throwing nothing but GatewayError. The builders are written not to
 * throw at all; should one ever do so, the caller still gets an error it knows how to handle.
 */
function onlyGatewayErrors<T>(parse: () => T, context: ResponseContext | null): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    const where = context === null ? '' : ` from ${context.url}`;
    throw new GatewayError('bad_response', `The answer${where} could not be read as a Suno task: ${String(error)}`, {
      url: context?.url ?? null,
      httpStatus: context?.httpStatus ?? null,
      cause: error,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Finding the task in a body
// ---------------------------------------------------------------------------------------------

function parseJson(body: string, context: ResponseContext): unknown {
  // A byte order mark is legal in front of JSON served as text/plain and JSON.parse rejects it.
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const trimmed = text.trimStart();
    const reason =
      trimmed.length === 0
        ? 'the body is empty'
        : trimmed.startsWith('<')
          ? 'it is an HTML or XML page, not JSON (is the gateway URL right?)'
          : trimmed.startsWith('{') || trimmed.startsWith('[')
            ? 'it is not valid JSON (cut off or malformed)'
            : 'it is not JSON';
    throw rejection(context, body, reason, cause);
  }
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Fields only a task has: one of them next to a `task_id` makes an object a task. */
const TASK_FIELDS = ['status', 'action', 'progress', 'submit_time', 'start_time', 'finish_time', 'fail_reason', 'clips', 'input', 'data'];

/** The task id as the gateway wrote it (trimmed), whether or not it follows the id rules. */
function claimedTaskIdOf(value: JsonObject): string | null {
  const fromTaskId = toWireId(value['task_id']);
  if (fromTaskId !== null) return fromTaskId;
  // Without `task_id`, a string `id` may be the task id (newer new-api's numeric `id` is a
  // database row number and never is).
  const id = value['id'];
  if (typeof id !== 'string') return null;
  const trimmed = id.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** The task id when it follows the id rules (see idRules.ts), else null: then it is no task. */
function taskIdOf(value: JsonObject): string | null {
  const id = claimedTaskIdOf(value);
  return id !== null && isValidId(id) ? id : null;
}

/** An object that claims a task id the id rules refuse (`..`, a slash, markup, megabytes). */
function hasUnusableTaskId(value: unknown): boolean {
  if (!isObject(value)) return false;
  const id = claimedTaskIdOf(value);
  return id !== null && !isValidId(id);
}

/**
 * A task is an object with a task id and task fields. With only an `id` (which any API's objects
 * have) it takes a status and one more task field, so another API's JSON is not mistaken for one.
 */
function isTaskShaped(value: unknown): value is JsonObject {
  if (!isObject(value) || taskIdOf(value) === null) return false;
  const present = TASK_FIELDS.filter((field) => value[field] !== undefined);
  if (toWireId(value['task_id']) !== null) return present.length > 0;
  return present.includes('status') && present.filter((field) => field !== 'data').length >= 2;
}

interface SingleTask {
  readonly task: JsonObject;
  readonly envelopeFailReason: string | null;
}

function findSingleTask(json: unknown): SingleTask | null {
  // A gateway that answers a single fetch with a bare one-row batch.
  if (Array.isArray(json) && json.length === 1 && isTaskShaped(json[0])) return { task: json[0], envelopeFailReason: null };
  if (!isObject(json)) return null;
  // A bare task without an envelope.
  if (json['task_id'] !== undefined && isTaskShaped(json)) return { task: json, envelopeFailReason: null };
  const data = json['data'];
  const envelopeFailReason = toMeaningfulText(json['error_message']);
  if (isTaskShaped(data)) return { task: data, envelopeFailReason };
  // A gateway that answers a single fetch in the batch shape.
  if (Array.isArray(data) && data.length === 1 && isTaskShaped(data[0])) return { task: data[0], envelopeFailReason };
  return null;
}

function findBatchRows(json: unknown): unknown[] | null {
  if (Array.isArray(json)) {
    // A bare array is only believed when its rows prove it: `[]` could be anything.
    return json.length > 0 && json.every(isTaskShaped) ? json : null;
  }
  if (!isObject(json)) return null;
  const data = json['data'];
  if (Array.isArray(data)) {
    if (data.length > 0) return data;
    // An empty batch (no id known) is fine, but only from an envelope that says success.
    const envelope = wireEnvelopeSchema.parse(json);
    return isSuccessCode(envelope.code) ? data : null;
  }
  if (isTaskShaped(data)) return [data];
  if (json['task_id'] !== undefined && isTaskShaped(json)) return [json];
  return null;
}

function isSuccessCode(code: string | number | null): boolean {
  if (typeof code === 'number') return code === 200 || code === 0;
  return code !== null && ['success', 'ok'].includes(code.trim().toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

function rejection(context: ResponseContext, body: string, reason: string, cause?: unknown, gatewayMessage?: string | null): GatewayError {
  return new GatewayError(
    'bad_response',
    `The answer from ${context.url} is not a Suno task: ${reason}. ${describeResponse(context.httpStatus, context.contentType, body)}`,
    { url: context.url, httpStatus: context.httpStatus, gatewayMessage: gatewayMessage ?? null, cause },
  );
}

/** Why a parsed body holds no task: `not_found` for `task_not_exist`, else `bad_response`. */
function explainRejection(json: unknown, body: string, context: ResponseContext): GatewayError {
  if (!isObject(json)) {
    return rejection(context, body, Array.isArray(json) ? 'it is a JSON array without tasks' : 'it is a bare JSON value');
  }
  const envelope = wireEnvelopeSchema.parse(json);
  const error = isObject(envelope.error) ? openAiErrorSchema.parse(envelope.error) : null;
  const errorString = typeof envelope.error === 'string' ? toMeaningfulText(envelope.error) : null;
  const codeText = typeof envelope.code === 'string' ? envelope.code : null;
  const gatewayMessage = gatewayMessageOf(body);
  if (isTaskNotExist(body)) {
    return new GatewayError(
      'not_found',
      `Task not found at ${context.url}: the gateway does not know this id, or it belongs to another key's user (${gatewayMessage ?? 'task_not_exist'}).`,
      { url: context.url, httpStatus: context.httpStatus, gatewayMessage },
    );
  }
  const data = envelope.data;
  let reason: string;
  if (error !== null || errorString !== null) reason = `the gateway answered with an error: ${JSON.stringify(gatewayMessage ?? '')}`;
  else if (typeof data === 'string') reason = 'its data is a bare string (an answer to a submit request?)';
  else if (codeText !== null && !isSuccessCode(codeText) && gatewayMessage !== null) {
    reason = `the gateway answered ${JSON.stringify(codeText)}: ${JSON.stringify(gatewayMessage)}`;
  } else if (data === undefined) reason = 'it has no data';
  else if (data === null) reason = gatewayMessage === null ? 'its data is null' : `its data is null (${JSON.stringify(gatewayMessage)})`;
  else if (hasUnusableTaskId(data)) reason = 'its task id is not a usable id';
  else reason = 'its data holds no task';
  return rejection(context, body, reason, undefined, gatewayMessage);
}

// ---------------------------------------------------------------------------------------------
// Building the model
// ---------------------------------------------------------------------------------------------

function firstText(...values: (string | null | undefined)[]): string | null {
  for (const value of values) {
    const text = toMeaningfulText(value);
    if (text !== null) return text;
  }
  return null;
}

interface RawClip {
  readonly value: unknown;
  /** The key a clip had in GoAPI's `clips` map: its id when the clip itself has none. */
  readonly key: string | null;
}

/** A single clip sent where a lyrics object or a clip array would be. */
function looksLikeClip(value: JsonObject): boolean {
  return value['text'] === undefined && (value['audio_url'] !== undefined || value['metadata'] !== undefined);
}

function collectClips(task: WireTask): { clips: RawClip[]; lyrics: WireLyricsResult | null } {
  const clips: RawClip[] = [];
  let lyrics: WireLyricsResult | null = null;
  // Branch on the JSON type of `data`, never on `action`: a gateway's docs label a clip array
  // as LYRICS.
  const inner = task.data;
  if (Array.isArray(inner)) {
    for (const value of inner) clips.push({ value, key: null });
  } else if (isObject(inner)) {
    if (looksLikeClip(inner)) clips.push({ value: inner, key: null });
    else lyrics = lyricsResultSchema.parse(inner);
  }
  const map = task.clips;
  if (Array.isArray(map)) {
    for (const value of map) clips.push({ value, key: null });
  } else if (isObject(map)) {
    for (const [key, value] of Object.entries(map)) clips.push({ value, key });
  }
  return { clips, lyrics };
}

const STREAM_HOST = /^audiopipe\./i;
const STREAM_PATH = /stream/i;

/** `https://audiopipe.suno.ai/?item_id=…` and other live-stream addresses (no final file yet). */
function isStreamUrl(url: string | null): boolean {
  if (url === null) return false;
  const parsed = new URL(url);
  return STREAM_HOST.test(parsed.hostname) || STREAM_PATH.test(parsed.pathname) || parsed.searchParams.has('item_id');
}

function positiveOrNull(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}

function buildClip(raw: RawClip, index: number, taskId: string, fallbackModel: string | null): Clip | null {
  if (!isObject(raw.value)) return null;
  const clip: WireClip = wireClipSchema.parse(raw.value);
  const meta = clip.metadata;
  const rawStatus = firstText(clip.status, clip.state);
  let status = normaliseTaskStatus(rawStatus);
  const audioUrl = clip.audio_url;
  const finished = status === 'succeeded' || status === 'failed';
  const isStreaming = rawStatus?.trim().toLowerCase() === 'streaming' || (!finished && isStreamUrl(audioUrl));
  // Audio on a stream address is under way whatever the word says.
  if (isStreaming && (status === 'pending' || status === 'unknown')) status = 'running';
  return {
    id: firstValidId(clip.id, clip.clip_id, toWireId(raw.key), clip.task_id) ?? fallbackClipId(taskId, index),
    title: firstText(clip.title),
    status,
    rawStatus,
    audioUrl,
    videoUrl: clip.video_url,
    imageUrl: clip.image_url,
    imageLargeUrl: clip.image_large_url,
    // A streaming clip has no length yet, whatever a gateway puts there.
    durationSeconds: isStreaming ? null : positiveOrNull(meta?.duration ?? clip.duration),
    tags: firstText(meta?.tags, clip.tags),
    model: firstText(clip.model_name, clip.mv, clip.model, fallbackModel),
    lyrics: firstText(meta?.prompt, clip.prompt),
    description: firstText(meta?.gpt_description_prompt, clip.gpt_description_prompt),
    createdAt: clip.created_at ?? clip.create_time,
    errorMessage: firstText(meta?.error_message, clip.msg, clip.error_message),
    isStreaming,
  };
}

function firstValidId(...candidates: (string | null)[]): string | null {
  return candidates.find((candidate): candidate is string => candidate !== null && isValidId(candidate)) ?? null;
}

/** For a clip without a usable id of its own: derived from the task id and its place, within the id rules. */
function fallbackClipId(taskId: string, index: number): string {
  const suffix = `-clip${index + 1}`;
  return `${taskId.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
}

/**
 * Clip ids made unique within the task, because the tree and the panel key clips by id: a
 * second copy of the same clip (same id, same content) is dropped; a different clip under an id
 * already taken gets the id with `-2`, `-3`… on the end, so that it stays visible.
 */
function withUniqueClipIds(clips: readonly Clip[]): Clip[] {
  const taken = new Set<string>();
  const contentsById = new Map<string, Set<string>>();
  const unique: Clip[] = [];
  for (const clip of clips) {
    const content = JSON.stringify(clip);
    const contents = contentsById.get(clip.id) ?? new Set<string>();
    if (contents.has(content)) continue;
    contents.add(content);
    contentsById.set(clip.id, contents);
    const id = taken.has(clip.id) ? freeId(clip.id, taken) : clip.id;
    taken.add(id);
    unique.push(id === clip.id ? clip : { ...clip, id });
  }
  return unique;
}

function freeId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${id.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function declaredAction(word: string | null): TaskAction | null {
  if (word === null) return null;
  const key = word.trim().toLowerCase();
  if (key === 'music') return 'music';
  if (key === 'lyrics') return 'lyrics';
  return 'other';
}

function buildTask(object: JsonObject, baseUrl: string, fetchedAt: string, envelopeFailReason: string | null): Task {
  const wire = wireTaskSchema.parse(object);
  // isTaskShaped() has been checked by every caller, so there is an id.
  const id = taskIdOf(object) ?? '';
  const input = wire.input;
  const { clips: rawClips, lyrics: lyricsResult } = collectClips(wire);
  const clips = withUniqueClipIds(
    rawClips.map((raw, index) => buildClip(raw, index, id, firstText(input?.mv))).filter((clip): clip is Clip => clip !== null),
  );

  const declared = declaredAction(firstText(wire.action));
  let action: TaskAction;
  if (lyricsResult !== null) action = 'lyrics';
  else if (clips.length > 0) action = declared === null || declared === 'lyrics' ? 'music' : declared;
  else action = declared ?? (input !== null ? 'music' : 'other');

  const rawStatus = firstText(wire.status);
  const taskFailReason = firstText(wire.fail_reason, wire.error_message, envelopeFailReason);
  const lyricsRawStatus = firstText(lyricsResult?.status);
  const lyricsPart: ProgressPart | null =
    lyricsResult !== null && lyricsRawStatus !== null
      ? { status: normaliseTaskStatus(lyricsRawStatus), rawStatus: lyricsRawStatus, isStreaming: false }
      : null;
  const parts: ProgressPart[] =
    clips.length > 0
      ? clips.map((clip) => ({ status: clip.status, rawStatus: clip.rawStatus, isStreaming: clip.isStreaming }))
      : lyricsPart !== null
        ? [lyricsPart]
        : [];
  const status: TaskStatus = resolveTaskStatus({
    reported: rawStatus === null ? null : normaliseTaskStatus(rawStatus),
    finished: wire.finish_time !== null,
    hasFailReason: taskFailReason !== null,
    parts,
  });
  const progress = deriveProgress({
    status,
    gatewayPercent: wire.progress,
    task: { status, rawStatus, isStreaming: false },
    parts,
  });

  return {
    id,
    baseUrl,
    action,
    title: firstText(...clips.map((clip) => clip.title), lyricsResult?.title, input?.title),
    status,
    rawStatus,
    progress,
    failReason:
      taskFailReason ??
      firstText(...clips.filter((clip) => clip.status === 'failed').map((clip) => clip.errorMessage)) ??
      firstText(...clips.map((clip) => clip.errorMessage), lyricsResult?.error_message),
    submittedAt: wire.submit_time ?? wire.created_at,
    startedAt: wire.start_time,
    finishedAt: wire.finish_time,
    clips,
    lyrics: firstText(lyricsResult?.text),
    fetchedAt,
  };
}

