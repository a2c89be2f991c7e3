/**
 * Task ids from whatever a user pastes: a bare id, a fetch URL, the JSON a submit call returned,
 * a list copied from a chat or a spreadsheet.
 *
 * Ids are opaque and kept exactly as given (a flattened clip's `<uuid>_1` stays as it is). Where
 * the text says "this is an id" (a JSON `task_id`, a `…/suno/fetch/<id>` URL) any id-shaped
 * string is taken. In free text only unmistakable ids are picked out (UUIDs and new-api's
 * `task_…`), so the words around them are not mistaken for ids; other opaque ids are accepted
 * when the text consists of ids alone.
 *
 * What counts as an id at all is `idRules.ts`'s to say; this file only finds candidates. A bare
 * word is held to a stricter shape (no dots, at least 8 characters) because in free text a dot
 * ends a sentence and a short word is a word.
 */

import { inertText } from '../inertText';
import { english, type Localize } from '../localize';
import { explainIdProblem } from './idProblemText';
import { MAX_ID_LENGTH, isValidId } from './idRules';

const EXAMPLE_ID = '2a145658-3342-4228-b779-b8323a2b77df';
const MIN_BARE_LENGTH = 8;

/** Letters, digits, '-' and '_': what a bare id in free text is made of. */
const ID_CHARACTERS = /^[A-Za-z0-9_-]+$/;
const BARE_ID = new RegExp(`^[A-Za-z0-9_-]{${MIN_BARE_LENGTH},${MAX_ID_LENGTH}}$`);

const UUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?:_\\d+)?';
const NEW_API_ID = 'task_[A-Za-z0-9]{32}';
/** An unmistakable id that stands on its own (not part of a longer run of id characters). */
const STRONG_ID = new RegExp(`(?<![A-Za-z0-9_-])(?:${UUID}|${NEW_API_ID})(?![A-Za-z0-9_-])`, 'g');

/** `"task_id": "…"`, `"taskId": "…"` and `"data": "…"` (a submit answer) in a JSON fragment. */
const JSON_ID_PAIR = /"(?:task_id|taskId|data)"\s*:\s*"([^"\\]*)"/g;
/** `"ids": ["…", "…"]` as sent to the batch endpoint. */
const JSON_ID_LIST = /"ids"\s*:\s*\[([^\]]*)\]/g;
const QUOTED = /"([^"\\]*)"/g;
const URL_PATTERN = /https?:\/\/[^\s,;"'<>]+/gi;
const FETCH_SEGMENT = /\/fetch\/([^/?#\s]+)/;
const KEY_VALUE = /^(?:task_?id|taskId|id)[=:](.+)$/i;
const TOKEN = /[^\s,;]+/g;
const WRAPPING_START = /^["'`([{<]+/;
const WRAPPING_END = /["'`)\]}>.:]+$/;

interface Found {
  readonly index: number;
  readonly id: string;
}

/** Why a candidate is not an id, when the generic "not a task id" would mislead; worded when shown. */
type InvalidReason =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'json_without_id' }
  | { readonly kind: 'url_without_id'; readonly url: string };

interface Invalid {
  readonly text: string;
  readonly reason?: InvalidReason;
}

interface Analysis {
  readonly ids: string[];
  readonly invalid: Invalid[];
}

/** The task ids in `text`, in the order they appear, each once. */
export function extractTaskIds(text: string): string[] {
  return analyse(text).ids;
}

/**
 * null when `text` names at least one task id and nothing else; otherwise why not, for the input
 * box, worded by `localize`.
 */
export function validateTaskIdInput(text: string, localize: Localize = english): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return localize('Enter a task id, e.g. {0}', EXAMPLE_ID);
  const { ids, invalid } = analyse(trimmed);
  if (ids.length > 0 && invalid.length === 0) return null;
  const first: Invalid = ids.length === 0 && invalid.length !== 1 ? { text: trimmed } : (invalid[0] ?? { text: trimmed });
  // The reason quotes what was pasted, and an input box reads links and icons out of its message.
  return inertText(first.reason === undefined ? reasonFor(first.text, localize) : explainReason(first.reason, localize));
}

function reasonFor(text: string, localize: Localize): string {
  const quoted = shorten(text);
  if (!ID_CHARACTERS.test(text)) return localize("'{0}' is not a task id: ids are letters, digits, '-' and '_'", quoted);
  if (text.length < MIN_BARE_LENGTH) return localize("'{0}' is too short for a task id: ids have {1} to {2} characters", quoted, MIN_BARE_LENGTH, MAX_ID_LENGTH);
  if (text.length > MAX_ID_LENGTH) return localize("'{0}' is too long for a task id: ids have {1} to {2} characters", quoted, MIN_BARE_LENGTH, MAX_ID_LENGTH);
  return localize("'{0}' is not a task id", quoted);
}

function explainReason(reason: InvalidReason, localize: Localize): string {
  switch (reason.kind) {
    case 'id':
      return explainIdProblem(reason.id, 'task id', localize) ?? localize("'{0}' is not a task id", shorten(reason.id));
    case 'json_without_id':
      return localize('No task id in this JSON: expected a "task_id", "data" or "ids" field');
    case 'url_without_id':
      return localize("'{0}' has no task id in it: paste the id or its …/suno/fetch/<id> URL", shorten(reason.url));
  }
}

/** Where the text says "this is an id", the id rules say what is wrong with it. */
function contextIdInvalid(id: string): Invalid {
  return { text: id, reason: { kind: 'id', id } };
}

function shorten(text: string): string {
  const characters = Array.from(text);
  return characters.length > 40 ? `${characters.slice(0, 39).join('')}…` : text;
}

function analyse(text: string): Analysis {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ids: [], invalid: [] };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const fromJson = analyseJson(trimmed);
    if (fromJson !== null) return fromJson;
  }
  return analyseText(text);
}

/** A whole JSON document: a submit answer, a fetch answer, a batch request body, an array of ids. */
function analyseJson(text: string): Analysis | null {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return null;
  }
  const candidates: string[] = [];
  collectJsonIds(value, candidates, 0);
  const ids = candidates.filter((id) => isValidId(id));
  const invalid: Invalid[] = candidates.filter((id) => !isValidId(id)).map(contextIdInvalid);
  if (candidates.length === 0) {
    invalid.push({ text, reason: { kind: 'json_without_id' } });
  }
  return { ids: unique(ids), invalid };
}

const MAX_JSON_DEPTH = 8;

function collectJsonIds(value: unknown, out: string[], depth: number): void {
  if (depth > MAX_JSON_DEPTH) return;
  if (typeof value === 'string') {
    out.push(value.trim());
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectJsonIds(item, out, depth + 1);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  for (const key of ['task_id', 'taskId']) {
    const id = object[key];
    if (typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id))) {
      // A task's own id: its clips (whose ids are not task ids) are not looked into.
      out.push(String(id).trim());
      return;
    }
  }
  if (Array.isArray(object['ids'])) {
    for (const id of object['ids']) if (typeof id === 'string') out.push(id.trim());
    return;
  }
  if (object['data'] !== undefined && object['data'] !== null) {
    collectJsonIds(object['data'], out, depth + 1);
    return;
  }
  if (typeof object['id'] === 'string') out.push(object['id'].trim());
}

/** Free text: masks what it recognises (JSON pairs, URLs), then reads what is left word by word. */
function analyseText(text: string): Analysis {
  const found: Found[] = [];
  const invalid: Invalid[] = [];
  let rest = text;
  const mask = (index: number, length: number): void => {
    rest = rest.slice(0, index) + ' '.repeat(length) + rest.slice(index + length);
  };
  const takeContextId = (index: number, value: string, original: string): void => {
    const id = value.trim();
    if (isValidId(id)) found.push({ index, id });
    else invalid.push({ ...contextIdInvalid(id), text: original });
  };

  for (const match of text.matchAll(JSON_ID_LIST)) {
    for (const quoted of (match[1] ?? '').matchAll(QUOTED)) {
      takeContextId(match.index + (quoted.index ?? 0), quoted[1] ?? '', quoted[0]);
    }
    mask(match.index, match[0].length);
  }
  for (const match of text.matchAll(JSON_ID_PAIR)) {
    takeContextId(match.index, match[1] ?? '', match[0]);
    mask(match.index, match[0].length);
  }
  for (const match of rest.matchAll(URL_PATTERN)) {
    const url = stripWrapping(match[0]);
    const fromUrl = idsInUrl(url);
    if (fromUrl.length > 0) fromUrl.forEach((id) => found.push({ index: match.index, id }));
    else invalid.push({ text: url, reason: { kind: 'url_without_id', url } });
    mask(match.index, match[0].length);
  }

  const bare: Found[] = [];
  let proseSeen = false;
  for (const match of rest.matchAll(TOKEN)) {
    const token = match[0];
    const word = stripWrapping(token);
    if (word.length === 0 || !/[A-Za-z0-9]/.test(word)) continue;
    const keyValue = KEY_VALUE.exec(word);
    const candidate = keyValue ? stripWrapping(keyValue[1] ?? '') : word;
    if (candidate.includes('/fetch/')) {
      const fromPath = idsInUrl(candidate);
      if (fromPath.length > 0) {
        fromPath.forEach((id) => found.push({ index: match.index, id }));
        continue;
      }
    }
    if (BARE_ID.test(candidate)) {
      bare.push({ index: match.index, id: candidate });
      continue;
    }
    const strong = [...candidate.matchAll(STRONG_ID)];
    if (strong.length > 0) {
      strong.forEach((hit) => found.push({ index: match.index + (hit.index ?? 0), id: hit[0] }));
      continue;
    }
    proseSeen = true;
    invalid.push({ text: token });
  }
  for (const candidate of bare) {
    // Among words, only unmistakable ids count: "generated" is not an id even though it could be.
    if (!proseSeen || new RegExp(STRONG_ID.source).test(candidate.id)) found.push(candidate);
    else invalid.push({ text: candidate.id });
  }

  found.sort((a, b) => a.index - b.index);
  return { ids: unique(found.map((entry) => entry.id)), invalid };
}

function idsInUrl(url: string): string[] {
  const segment = FETCH_SEGMENT.exec(url)?.[1];
  if (segment !== undefined) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      decoded = segment;
    }
    if (isValidId(decoded)) return [decoded];
  }
  return [...url.matchAll(STRONG_ID)].map((hit) => hit[0]);
}

function stripWrapping(token: string): string {
  return token.replace(WRAPPING_START, '').replace(WRAPPING_END, '');
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
