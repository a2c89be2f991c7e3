/**
 * The one schema of a `Task` and its clips. Two boundaries validate against it: the task store
 * (everything read back from storage, which may come from an older build, a newer one, a sync
 * conflict or a hand edit) and the task panel's messages (every task the host posts to the page,
 * so the page never renders a shape it does not know).
 *
 * Written with `zod/mini`: classic zod would bring its locales and converters into the bundle.
 */

import * as z from 'zod/mini';
import type { Clip, Task } from './model';
import { isHttpUrl } from '../safeUrl';
import { firstIssueText, safeParseInEnglish } from '../schemaIssues';

const taskStatusSchema = z.enum(['pending', 'running', 'succeeded', 'failed', 'unknown']);
const taskActionSchema = z.enum(['music', 'lyrics', 'other']);

/**
 * URLs are shown in webviews and opened in the browser, so one must still be an absolute http(s)
 * URL, exactly as the parser guaranteed when it first accepted it: nothing else reaches a `src`.
 */
const httpUrlSchema = z.string().check(z.refine(isHttpUrl, 'not an absolute http(s) URL'));
const nonEmptyString = z.string().check(z.minLength(1));
const nullableString = z.nullable(z.string());

const clipSchema = z.object({
  id: nonEmptyString,
  title: nullableString,
  status: taskStatusSchema,
  rawStatus: nullableString,
  audioUrl: z.nullable(httpUrlSchema),
  videoUrl: z.nullable(httpUrlSchema),
  imageUrl: z.nullable(httpUrlSchema),
  imageLargeUrl: z.nullable(httpUrlSchema),
  // zod 4 numbers are finite: NaN and ±Infinity are refused without a check of their own.
  durationSeconds: z.nullable(z.number().check(z.gte(0))),
  tags: nullableString,
  model: nullableString,
  lyrics: nullableString,
  description: nullableString,
  createdAt: nullableString,
  errorMessage: nullableString,
  isStreaming: z.boolean(),
});

export const taskSchema = z.object({
  id: nonEmptyString,
  baseUrl: httpUrlSchema,
  action: taskActionSchema,
  title: nullableString,
  status: taskStatusSchema,
  rawStatus: nullableString,
  progress: z.nullable(z.number().check(z.gte(0), z.lte(100))),
  failReason: nullableString,
  submittedAt: nullableString,
  startedAt: nullableString,
  finishedAt: nullableString,
  clips: z.readonly(z.array(clipSchema)),
  lyrics: nullableString,
  fetchedAt: nonEmptyString,
});

// Compile-time guard, the only one: the schema and the model must describe the same object.
// Adding a field to `Task` or `Clip` without adding it here (and thinking about the store
// version) fails the build.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesModel: Same<z.infer<typeof taskSchema>, Task> & Same<z.infer<typeof clipSchema>, Clip> = true;
void schemaMatchesModel;

/** Validates one stored entry: the task, or a one-line reason it cannot be used. */
export function parseStoredTask(value: unknown): { ok: true; task: Task } | { ok: false; reason: string } {
  const result = safeParseInEnglish(taskSchema, value);
  return result.success ? { ok: true, task: result.data } : { ok: false, reason: firstIssueText(result.error) };
}
