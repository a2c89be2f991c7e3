/**
 * What the extension host sends the task panel's page. The host checks every message with this
 * schema just before posting it and sends nothing that does not fit, so the page never receives
 * a shape it does not know. The page itself checks only the envelope (`hostMessageEnvelope.ts`)
 * and bundles no zod: see there for why.
 *
 * A file of its own, apart from what the page sends back (`panelMessages.ts`): zod/mini schemas
 * left unused in an imported file are not dropped from a bundle.
 */
import * as z from 'zod/mini';
import { INERT_LABEL_MAX_LENGTH } from '../core/inertText';
import { taskSchema } from '../core/task/taskSchema';
import { parseMessage, type Parsed } from './parsedMessage';

/**
 * The whole current task. The page patches its DOM from it in place (keyed by clip id), so one
 * message kind covers the first render, every update and the re-send to a panel that was hidden.
 * The task schema is the store's (`core/task/taskSchema.ts`): it refuses any URL that is not absolute
 * http(s), so nothing else reaches a `src`.
 *
 * The only kind, so a plain object; a second kind also needs a case in the page's envelope check
 * (`hostMessageEnvelope.ts`).
 */
const hostMessageSchema = z.object({
  type: z.literal('update'),
  task: taskSchema,
  /**
   * The name of the song document the task was generated from (inert text), when it was: the
   * page offers to open it. Only the name travels; the host opens the origin it recorded.
   */
  sourceDocument: z.optional(z.string().check(z.maxLength(INERT_LABEL_MAX_LENGTH))),
});

export type HostMessage = z.infer<typeof hostMessageSchema>;

/** A message the host may post to the page, or why it may not. */
export function parseHostMessage(value: unknown): Parsed<HostMessage> {
  return parseMessage(hostMessageSchema, value);
}
