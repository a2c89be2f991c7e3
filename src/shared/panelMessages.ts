/**
 * The task panel's message protocol, imported by both sides: the extension host
 * (src/panel/taskPanel.ts) and the page script (src/webview-ui/panel.ts). Each side validates what
 * arrives with these schemas and ignores what does not fit, so a stale page after an update, or a
 * compromised one, can never make the host act on a malformed message.
 *
 * Written with `zod/mini` rather than classic `zod`: the page bundles this file, and classic zod
 * brings its locales along (about 450 kB minified against about 20 kB).
 */
import * as z from 'zod/mini';
import { isValidId } from '../core/idRules';
import { taskSchema } from '../core/taskSchema';

// ---- host → page -------------------------------------------------------------------------------

/**
 * The whole current task. The page patches its DOM from it in place (keyed by clip id), so one
 * message kind covers the first render, every update and the re-send to a panel that was hidden.
 * The task schema is the store's (`core/taskSchema.ts`): it refuses any URL that is not absolute
 * http(s), so nothing else reaches a `src`.
 */
const updateMessageSchema = z.object({ type: z.literal('update'), task: taskSchema });

export const hostMessageSchema = z.discriminatedUnion('type', [updateMessageSchema]);

export type HostMessage = z.infer<typeof hostMessageSchema>;

// ---- page → host -------------------------------------------------------------------------------

/** The id rules the parser applies: every clip id a task can carry is one the page may send back. */
const clipIdSchema = z.string().check(z.refine(isValidId, 'not a clip id'));

export const pageMessageSchema = z.discriminatedUnion('type', [
  /** The script is listening: send the current state. Sent on every (re)load of the page. */
  z.object({ type: z.literal('ready') }),
  /** Open the lyrics as a document: of one clip, or of the task when no clip is named. */
  z.object({ type: z.literal('openLyrics'), clipId: z.optional(clipIdSchema) }),
  /** Copy the clip's audio URL to the clipboard (the page has no clipboard access of its own). */
  z.object({ type: z.literal('copyLink'), clipId: clipIdSchema }),
  /** Run the Download command for one clip, or for the whole task. */
  z.object({ type: z.literal('download'), clipId: z.optional(clipIdSchema) }),
  /**
   * Open the clip's video in the system browser (offered when the panel cannot play it). Only the
   * clip id travels: the host opens the URL it has stored, never one the page names.
   */
  z.object({ type: z.literal('openVideo'), clipId: clipIdSchema }),
  /** A player or image could not load its URL: worth a line in the log, not a notification. */
  z.object({ type: z.literal('mediaError'), clipId: clipIdSchema, media: z.enum(['audio', 'video', 'image']) }),
]);

export type PageMessage = z.infer<typeof pageMessageSchema>;

// ---- saved state -------------------------------------------------------------------------------

/**
 * What the page saves with `vscode.setState` and the panel serializer gets back after a reload:
 * the task id alone. The task itself is re-read from the store, which may have moved on.
 */
export const panelStateSchema = z.object({ taskId: z.string().check(z.refine(isValidId, 'not a task id')) });

export type PanelState = z.infer<typeof panelStateSchema>;

// ---- parsing -----------------------------------------------------------------------------------

export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

function describeFailure(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid message';
  const where = issue.path.length === 0 ? '' : `${issue.path.map(String).join('.')}: `;
  // zod/mini carries no locale, so its messages are terse; the issue code says more.
  return `${where}${issue.message} (${issue.code})`;
}

/** A message the page received, or why it was ignored. */
export function parseHostMessage(value: unknown): Parsed<HostMessage> {
  const result = hostMessageSchema.safeParse(value);
  return result.success ? { ok: true, message: result.data } : { ok: false, reason: describeFailure(result.error) };
}

/** A message the host received, or why it was ignored. */
export function parsePageMessage(value: unknown): Parsed<PageMessage> {
  const result = pageMessageSchema.safeParse(value);
  return result.success ? { ok: true, message: result.data } : { ok: false, reason: describeFailure(result.error) };
}

/** The saved panel state, or undefined when it is missing or from another build. */
export function parsePanelState(value: unknown): PanelState | undefined {
  const result = panelStateSchema.safeParse(value);
  return result.success ? result.data : undefined;
}
