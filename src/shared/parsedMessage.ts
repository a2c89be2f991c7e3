/**
 * The outcome of checking one panel message against its schema, shared by both directions of the
 * protocol (`hostMessages.ts`, `panelMessages.ts`).
 */
import type * as z from 'zod/mini';

export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

/** The message, or the first thing wrong with it. */
export function parseMessage<T extends z.ZodMiniType>(schema: T, value: unknown): Parsed<z.output<T>> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, message: result.data } : { ok: false, reason: describeFailure(result.error) };
}

function describeFailure(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid message';
  const where = issue.path.length === 0 ? '' : `${issue.path.map(String).join('.')}: `;
  // zod/mini carries no locale (the page would have to bundle it), so its messages are terse;
  // the issue code says more.
  return `${where}${issue.message} (${issue.code})`;
}
