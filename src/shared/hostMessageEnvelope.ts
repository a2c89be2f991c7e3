/**
 * The page's check of what the extension host sends it: the envelope, not the task.
 *
 * A webview receives messages from one sender only, the extension host that owns its panel, and
 * that host checks every message with the one task schema (`parseHostMessage` in
 * `hostMessages.ts`) just before posting it. Checking the task again on the page would mean
 * bundling zod into the page (about 20 kB, most of the page's script) to re-check what our own
 * host just checked. So the page checks only what it needs to act on a message at all (an
 * `update` with a task object, its id and its clip list) and still guards what matters on its own:
 * text is set with `textContent`, and media URLs pass `mediaUrlForGateway` before they reach a
 * `src`. The other direction is different: the host validates everything the page sends
 * (`panelMessages.ts`), because a page runs gateway data and must not be able to steer the host.
 *
 * This file imports no zod (only types), so the page's bundle carries none.
 */
import type { HostMessage } from './hostMessages';
import type { Parsed } from './parsedMessage';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A message the page received, or why it was ignored. */
export function readHostMessage(value: unknown): Parsed<HostMessage> {
  if (!isRecord(value)) return { ok: false, reason: 'not an object' };
  if (value.type !== 'update') return { ok: false, reason: 'type: not a message the page knows' };
  const task = value.task;
  if (!isRecord(task)) return { ok: false, reason: 'task: not an object' };
  if (typeof task.id !== 'string' || task.id.length === 0) return { ok: false, reason: 'task.id: not a task id' };
  if (!Array.isArray(task.clips) || !task.clips.every(isRecord)) return { ok: false, reason: 'task.clips: not a list of clips' };
  // The host checked the whole message with the task schema before posting it (see above).
  return { ok: true, message: value as HostMessage };
}
