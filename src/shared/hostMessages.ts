/**
 * What the extension host sends the task panel's page. The page validates every message with this
 * schema and ignores what does not fit, so a stale page after an update never renders a shape it
 * does not know.
 *
 * A file of its own, apart from what the page sends back (`panelMessages.ts`): the page bundles
 * only the schemas it parses, and zod/mini schemas left unused in an imported file are not
 * dropped from the bundle.
 */
import * as z from 'zod/mini';
import { taskSchema } from '../core/task/taskSchema';
import { parseMessage, type Parsed } from './parsedMessage';

/**
 * The whole current task. The page patches its DOM from it in place (keyed by clip id), so one
 * message kind covers the first render, every update and the re-send to a panel that was hidden.
 * The task schema is the store's (`core/task/taskSchema.ts`): it refuses any URL that is not absolute
 * http(s), so nothing else reaches a `src`.
 *
 * The only kind, so a plain object: a second kind makes this a `z.discriminatedUnion` on `type`
 * (which costs the page's bundle about 3.5 kB).
 */
const hostMessageSchema = z.object({ type: z.literal('update'), task: taskSchema });

export type HostMessage = z.infer<typeof hostMessageSchema>;

/** A message the page received, or why it was ignored. */
export function parseHostMessage(value: unknown): Parsed<HostMessage> {
  return parseMessage(hostMessageSchema, value);
}
