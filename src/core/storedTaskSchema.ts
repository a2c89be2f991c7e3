/**
 * The shape of a `Task` as the task store persists it. Everything read back from storage is
 * validated against this schema before the extension trusts it: the stored JSON may come from an
 * older build, a newer one, a sync conflict or a hand edit.
 */

import { z } from 'zod';
import type { Clip, Task } from './model';
import { isHttpUrl } from './safeUrl';

const taskStatusSchema = z.enum(['pending', 'running', 'succeeded', 'failed', 'unknown']);
const taskActionSchema = z.enum(['music', 'lyrics', 'other']);

/**
 * URLs are shown in webviews and opened in the browser, so a stored one must still be an absolute
 * http(s) URL, exactly as the parser guaranteed when it first accepted it.
 */
const httpUrlSchema = z.string().refine(isHttpUrl, { message: 'not an absolute http(s) URL' });

export const storedClipSchema = z.object({
  id: z.string().min(1),
  title: z.string().nullable(),
  status: taskStatusSchema,
  rawStatus: z.string().nullable(),
  audioUrl: httpUrlSchema.nullable(),
  videoUrl: httpUrlSchema.nullable(),
  imageUrl: httpUrlSchema.nullable(),
  imageLargeUrl: httpUrlSchema.nullable(),
  durationSeconds: z.number().finite().nonnegative().nullable(),
  tags: z.string().nullable(),
  model: z.string().nullable(),
  lyrics: z.string().nullable(),
  description: z.string().nullable(),
  createdAt: z.string().nullable(),
  errorMessage: z.string().nullable(),
  isStreaming: z.boolean(),
});

export const storedTaskSchema = z.object({
  id: z.string().min(1),
  baseUrl: httpUrlSchema,
  action: taskActionSchema,
  title: z.string().nullable(),
  status: taskStatusSchema,
  rawStatus: z.string().nullable(),
  progress: z.number().min(0).max(100).nullable(),
  failReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  clips: z.array(storedClipSchema).readonly(),
  lyrics: z.string().nullable(),
  fetchedAt: z.string().min(1),
});

// Compile-time guard: the schema and the model must describe the same object. Adding a field to
// `Task` or `Clip` without adding it here (and thinking about the store version) fails the build.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesModel: Same<z.infer<typeof storedTaskSchema>, Task> &
  Same<z.infer<typeof storedClipSchema>, Clip> = true;
void schemaMatchesModel;

/** Validates one stored entry: the task, or a one-line reason it cannot be used. */
export function parseStoredTask(value: unknown): { ok: true; task: Task } | { ok: false; reason: string } {
  const result = storedTaskSchema.safeParse(value);
  if (result.success) return { ok: true, task: result.data };
  const issue = result.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : `${issue.path.map(String).join('.')}: `;
  return { ok: false, reason: `${where}${issue?.message ?? 'invalid'}` };
}
