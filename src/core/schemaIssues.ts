/**
 * Readable reasons for values a `zod/mini` schema refused.
 *
 * zod/mini ships no messages (every issue says "Invalid input"), which keeps the panel's page
 * small. Where a reason reaches the log or a caller, the extension host parses with zod's English
 * messages instead: the same texts classic zod showed (`expected string, received number`). They
 * are built on first use, so nothing here runs at import: a bundle that never calls
 * `safeParseInEnglish` (the page) drops them, and with them about 3 kB.
 */

import * as z from 'zod/mini';
import { en } from 'zod/locales';

let english: z.core.ParseContext<z.core.$ZodIssue> | undefined;

/** `schema.safeParse(value)`, with English messages on its issues. */
export function safeParseInEnglish<T extends z.ZodMiniType>(schema: T, value: unknown): z.core.util.SafeParseResult<z.output<T>> {
  english ??= { error: en().localeError };
  return schema.safeParse(value, english);
}

/** The first issue as one line, `path.to.field: message`. */
export function firstIssueText(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const where = issue.path.length === 0 ? '' : `${issue.path.map(String).join('.')}: `;
  return `${where}${issue.message}`;
}
