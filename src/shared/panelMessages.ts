/**
 * What the task panel's page sends the extension host (src/panel/taskPanel.ts), and the state it
 * saves. The host validates what arrives with these schemas and ignores what does not fit, so a
 * stale page after an update, or a compromised one, can never make the host act on a malformed
 * message. The other direction is `hostMessages.ts`.
 */
import * as z from 'zod/mini';
import { isValidId } from '../core/task/idRules';
import { parseMessage, type Parsed } from './parsedMessage';

// ---- page → host -------------------------------------------------------------------------------

/** The id rules the parser applies: every clip id a task can carry is one the page may send back. */
const clipIdSchema = z.string().check(z.refine(isValidId, 'not a clip id'));

/**
 * One schema per message type. The host reads `type` first and then checks the message against
 * that type's schema: the same verdicts as a `z.discriminatedUnion`, which would cost the
 * extension's bundle about 3 kB more.
 */
const pageMessageSchemas = {
  /** The script is listening: send the current state. Sent on every (re)load of the page. */
  ready: z.object({ type: z.literal('ready') }),
  /** Open the lyrics as a document: of one clip, or of the task when no clip is named. */
  openLyrics: z.object({ type: z.literal('openLyrics'), clipId: z.optional(clipIdSchema) }),
  /** Copy the clip's audio URL to the clipboard (the page has no clipboard access of its own). */
  copyLink: z.object({ type: z.literal('copyLink'), clipId: clipIdSchema }),
  /**
   * Extend this clip (the Extend command asks the rest). Only the clip id travels; the host runs
   * the command on this panel's task, which checks the clip against the store.
   */
  extendClip: z.object({ type: z.literal('extendClip'), clipId: clipIdSchema }),
  /** Open the task as a new song document (Edit as New Song). */
  editAsNewSong: z.object({ type: z.literal('editAsNewSong') }),
  /** Run the Download command for one clip, or for the whole task. */
  download: z.object({ type: z.literal('download'), clipId: z.optional(clipIdSchema) }),
  /**
   * Open the clip's video in the system browser (offered when the panel cannot play it). Only the
   * clip id travels: the host opens the URL it has stored, never one the page names.
   */
  openVideo: z.object({ type: z.literal('openVideo'), clipId: clipIdSchema }),
  /**
   * Open the song document the task was generated from. It names nothing: the host opens the
   * origin it recorded for this panel's task, never a URI the page sends.
   */
  openSourceDocument: z.object({ type: z.literal('openSourceDocument') }),
  /** A player or image could not load its URL: worth a line in the log, not a notification. */
  mediaError: z.object({ type: z.literal('mediaError'), clipId: clipIdSchema, media: z.enum(['audio', 'video', 'image']) }),
};

type PageMessageType = keyof typeof pageMessageSchemas;

const pageMessageTypeSchema = z.object({
  type: z.enum(Object.keys(pageMessageSchemas) as [PageMessageType, ...PageMessageType[]]),
});

export type PageMessage = z.infer<(typeof pageMessageSchemas)[PageMessageType]>;

// ---- saved state -------------------------------------------------------------------------------

/**
 * What the page saves with `vscode.setState` and the panel serializer gets back after a reload:
 * the task id alone. The task itself is re-read from the store, which may have moved on.
 */
const panelStateSchema = z.object({ taskId: z.string().check(z.refine(isValidId, 'not a task id')) });

type PanelState = z.infer<typeof panelStateSchema>;

// ---- parsing -----------------------------------------------------------------------------------

/** A message the host received, or why it was ignored. */
export function parsePageMessage(value: unknown): Parsed<PageMessage> {
  const typed = parseMessage(pageMessageTypeSchema, value);
  return typed.ok ? parseMessage(pageMessageSchemas[typed.message.type], value) : typed;
}

/** The saved panel state, or undefined when it is missing or from another build. */
export function parsePanelState(value: unknown): PanelState | undefined {
  const result = panelStateSchema.safeParse(value);
  return result.success ? result.data : undefined;
}
