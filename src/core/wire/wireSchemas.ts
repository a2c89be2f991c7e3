/**
 * zod schemas for what gateways send back from `/suno/fetch`, one per dialect.
 *
 * Every field is lenient on its own: a number sent as a string, a `null` where a string belongs or
 * a field that is missing degrades that one field to null instead of failing the whole task. What
 * makes a body a Suno task at all is decided by its shape (see `parseTask.ts`), not by these
 * field types, so the schemas never reject an object; they only normalise it.
 */

import * as z from 'zod/mini';
import { toSafeUrl } from '../safeUrl';

// ---------------------------------------------------------------------------------------------
// Lenient field types. A transform accepts a missing key (it converts `undefined`) and anything
// that is present, and hands the builder one predictable type. Plain transforms, not pipes: a
// pipe costs the bundle about 1 kB and adds nothing to a transform that accepts any input.
// ---------------------------------------------------------------------------------------------

/** Text verbatim; numbers and booleans as their JSON spelling; anything else null. */
function toWireText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** Text that means something: null for missing, empty or blank. The text itself is kept verbatim. */
export function toMeaningfulText(value: unknown): string | null {
  const text = toWireText(value);
  return text !== null && text.trim().length > 0 ? text : null;
}

/** An identifier: a non-blank string (trimmed) or an integer sent as a number. */
export function toWireId(value: unknown): string | null {
  if (typeof value === 'string') {
    const id = value.trim();
    return id.length > 0 ? id : null;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A finite number, also when sent as a string (`"219"`); anything else null. */
function toWireNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!NUMERIC_TEXT.test(text)) return null;
    const parsed = Number(text);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** Epoch values above this are milliseconds (1e11 seconds is the year 5138). */
const MILLISECONDS_THRESHOLD = 1e11;
const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A point in time as ISO 8601, or null. Accepts epoch seconds or milliseconds (numbers or
 * numeric strings) and ISO-like date strings. `0`, negatives and garbage are null: new-api sends
 * `finish_time: 0` for "not yet".
 */
export function toWireTime(value: unknown): string | null {
  const epoch = toWireNumber(value);
  if (epoch !== null) {
    if (epoch <= 0) return null;
    return isoOrNull(epoch < MILLISECONDS_THRESHOLD ? epoch * 1000 : epoch);
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!ISO_DATE_PREFIX.test(text)) return null;
  // A date-time without a zone is read as UTC, so the result does not depend on where the
  // extension happens to run.
  const spelled = text.replace(' ', 'T');
  const withZone = spelled.includes('T') && !HAS_ZONE.test(spelled) ? `${spelled}Z` : spelled;
  return isoOrNull(Date.parse(withZone));
}

function isoOrNull(milliseconds: number): string | null {
  if (!Number.isFinite(milliseconds)) return null;
  const date = new Date(milliseconds);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const PERCENT_TEXT = /^(\d+(?:\.\d+)?)\s*%?$/;

/** `"45%"`, `"45"` or `45` as a number clamped to 0–100; anything else null. */
export function toWirePercent(value: unknown): number | null {
  let figure: number | null = null;
  if (typeof value === 'number') figure = Number.isFinite(value) ? value : null;
  else if (typeof value === 'string') {
    const match = PERCENT_TEXT.exec(value.trim());
    figure = match ? Number(match[1]) : null;
  }
  if (figure === null || Number.isNaN(figure)) return null;
  return Math.min(100, Math.max(0, figure));
}

/** `true`/`false`, also spelled as strings; anything else null. */
function toWireBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

const lenient = <T>(convert: (value: unknown) => T) => z.transform(convert);

const wireText = lenient(toWireText);
const wireId = lenient(toWireId);
const wireNumber = lenient(toWireNumber);
const wireTime = lenient(toWireTime);
const wirePercent = lenient(toWirePercent);
const wireBoolean = lenient(toWireBoolean);
/** Only absolute http(s) URLs survive. */
const wireUrl = lenient(toSafeUrl);
/** A field whose JSON type the parser branches on; kept as it came. */
const wireAny = z.optional(z.unknown());

/** A nested object that may be missing, null or of the wrong type: then it is null. */
function toNestedObject<T extends z.ZodMiniType>(schema: T, value: unknown): z.output<T> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

function optionalObject<T extends z.ZodMiniType>(schema: T) {
  return lenient((value) => toNestedObject(schema, value));
}

// ---------------------------------------------------------------------------------------------
// Clips
// ---------------------------------------------------------------------------------------------

/** `metadata` of a native Suno clip (dialects A and C). */
const nativeClipMetadataSchema = z.looseObject({
  tags: wireText,
  /** The lyrics. */
  prompt: wireText,
  gpt_description_prompt: wireText,
  type: wireText,
  /** Seconds; null while the clip streams. */
  duration: wireNumber,
  stream: wireBoolean,
  error_type: wireText,
  error_message: wireText,
});

/** A native Suno clip: dialect A's `data[]` and the values of dialect C's `clips` map. */
const nativeClipSchema = z.looseObject({
  id: wireId,
  title: wireText,
  status: wireText,
  audio_url: wireUrl,
  video_url: wireUrl,
  image_url: wireUrl,
  image_large_url: wireUrl,
  is_video_pending: wireBoolean,
  created_at: wireTime,
  model_name: wireText,
  major_model_version: wireText,
  metadata: optionalObject(nativeClipMetadataSchema),
});

/** A clip flattened by the gateway (dialect B): metadata lifted to the top, `task_id` is `<uuid>_1`. */
const flatClipSchema = z.looseObject({
  id: wireId,
  clip_id: wireId,
  task_id: wireId,
  /** The model, e.g. `chirp-v4`. */
  mv: wireText,
  /** Failure text. */
  msg: wireText,
  tags: wireText,
  state: wireText,
  title: wireText,
  /** The lyrics. */
  prompt: wireText,
  status: wireText,
  duration: wireNumber,
  audio_url: wireUrl,
  image_url: wireUrl,
  video_url: wireUrl,
  image_large_url: wireUrl,
  /** Epoch seconds, usually as a string. */
  create_time: wireTime,
  update_time: wireTime,
  gpt_description_prompt: wireText,
});

/**
 * Any clip. Gateways mix the two shapes (a flattened clip with a `metadata`, a native clip with
 * `mv`), so one schema carries the fields of both and the builder takes whichever is present.
 */
export const wireClipSchema = z.looseObject({
  ...flatClipSchema.shape,
  ...nativeClipSchema.shape,
  /** Some gateways spell the model this way. */
  model: wireText,
  error_message: wireText,
});
export type WireClip = z.output<typeof wireClipSchema>;

// ---------------------------------------------------------------------------------------------
// Lyrics
// ---------------------------------------------------------------------------------------------

/** The inner `data` of a lyrics task: one object instead of a clip array. */
export const lyricsResultSchema = z.looseObject({
  id: wireId,
  text: wireText,
  title: wireText,
  status: wireText,
  error_message: wireText,
});
export type WireLyricsResult = z.output<typeof lyricsResultSchema>;

// ---------------------------------------------------------------------------------------------
// Tasks
// ---------------------------------------------------------------------------------------------

/** new-api's task (dialects A, B, D and the newer builds' extra fields). */
const newApiTaskSchema = z.looseObject({
  task_id: wireId,
  action: wireText,
  status: wireText,
  fail_reason: wireText,
  submit_time: wireTime,
  start_time: wireTime,
  finish_time: wireTime,
  /** `"0%"` … `"100%"`; see progress.ts for why it is rarely believed. */
  progress: wirePercent,
  notify_hook: wireText,
  /** Clip array, lyrics object or null: the parser branches on its JSON type. */
  data: wireAny,
  // Newer new-api builds. `id` is then the database row number, not the task id.
  id: wireAny,
  created_at: wireTime,
  updated_at: wireTime,
  platform: wireText,
  user_id: wireAny,
  group: wireText,
  channel_id: wireAny,
  quota: wireNumber,
  result_url: wireUrl,
  properties: wireAny,
});

/** What GoAPI's `input` (a JSON document inside a string) tells about the request. */
const goApiInputSchema = z.looseObject({
  custom_mode: wireBoolean,
  gpt_description_prompt: wireText,
  make_instrumental: wireBoolean,
  prompt: wireText,
  title: wireText,
  tags: wireText,
  mv: wireText,
  continue_at: wireNumber,
  continue_clip_id: wireText,
});

function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

/** GoAPI / sunoapi.com's task (dialect C): `input` as a JSON string, `clips` as a map by clip id. */
const goApiTaskSchema = z.looseObject({
  task_id: wireId,
  status: wireText,
  input: lenient((value) => toNestedObject(goApiInputSchema, parseJsonText(value))),
  /** A map from clip id to native clip (some builds send an array). */
  clips: wireAny,
  error_message: wireText,
});

/** Any task: the union of the dialects' fields, each lenient. */
export const wireTaskSchema = z.looseObject({ ...newApiTaskSchema.shape, ...goApiTaskSchema.shape });
export type WireTask = z.output<typeof wireTaskSchema>;

// ---------------------------------------------------------------------------------------------
// Envelopes and errors
// ---------------------------------------------------------------------------------------------

/** The OpenAI-style error new-api and CometAPI send for auth, rate limit and quota problems. */
export const openAiErrorSchema = z.looseObject({
  message: wireText,
  type: wireText,
  code: wireText,
});

/**
 * The envelope around a task: new-api's `{code:"success", message, data}` (A, B, D) and GoAPI's
 * `{code:200, message:"success", data}` (C). `code` is kept as sent because the error codes
 * (`task_not_exist`, `get_task_failed`) are strings while success may be either.
 */
export const wireEnvelopeSchema = z.looseObject({
  code: lenient((value) => (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : null)),
  message: wireText,
  msg: wireText,
  data: wireAny,
  /** GoAPI may put a failure text next to `data`. */
  error_message: wireText,
  error: wireAny,
});
