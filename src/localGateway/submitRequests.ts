/**
 * What the local gateway makes of a submit, the way new-api does (SUBMIT.md): the action from the
 * path (case-insensitive), the body checked field by field, new-api's refusals (`invalid_action`,
 * `prompt_empty`, `task id is empty`, `task_not_exist`), a missing `mv` turned into `chirp-v3-0`,
 * and, in 'vanilla' mode, the fields vanilla new-api drops dropped before the task is made.
 * Turning an accepted submit into a scripted task is `songFromSubmit.ts`.
 */
import * as z from 'zod/mini';
import { safeParseInEnglish } from '../core/schemaIssues';
import type { CannedResponse } from './faults';
import { jsonResponse } from './httpUtil';

export type SubmitAction = 'music' | 'lyrics';

/**
 * 'all': every field reaches the task, as on resellers that keep `negative_tags` and friends;
 * 'vanilla': only the fields open-source new-api forwards.
 */
export type SubmitFieldMode = 'all' | 'vanilla';

/** The fields new-api's submit request keeps; everything else is dropped in 'vanilla' mode. */
const NEW_API_FIELDS = ['prompt', 'gpt_description_prompt', 'mv', 'title', 'tags', 'make_instrumental', 'task_id', 'continue_clip_id', 'continue_at'];

/** new-api's default when `mv` is missing or empty: a very old model. */
const DEFAULT_MODEL = 'chirp-v3-0';

/** The known fields with their types; as bounded as the scripted task that will carry them. */
const submitBodySchema = z.looseObject({
  prompt: z.optional(z.string().check(z.maxLength(200_000))),
  gpt_description_prompt: z.optional(z.string().check(z.maxLength(10_000))),
  mv: z.optional(z.string().check(z.maxLength(200))),
  title: z.optional(z.string().check(z.maxLength(500))),
  tags: z.optional(z.string().check(z.maxLength(5_000))),
  negative_tags: z.optional(z.string().check(z.maxLength(5_000))),
  make_instrumental: z.optional(z.boolean()),
  task_id: z.optional(z.string().check(z.maxLength(200))),
  continue_clip_id: z.optional(z.string().check(z.maxLength(200))),
  continue_at: z.optional(z.number().check(z.gte(0), z.lte(86_400))),
});

/** A submit the gateway accepted: what reaches the upstream, known fields typed. */
export type ForwardedSubmit = z.infer<typeof submitBodySchema>;

type SubmitCheck =
  | { readonly kind: 'refused'; readonly answer: CannedResponse }
  | { readonly kind: 'accepted'; readonly action: SubmitAction; readonly forwarded: ForwardedSubmit };

/** The action of a `/suno/submit/{action}` path, as written (lower-cased), or null for another path. */
export function submitActionOf(path: string): string | null {
  const match = /^\/suno\/submit\/([^/]+)$/i.exec(path);
  return match === null ? null : match[1].toLowerCase();
}

function invalidRequest(message: string): CannedResponse {
  return jsonResponse(400, { code: 'invalid_request', message, data: null });
}

/** Checks a submit as new-api does; `taskExists` answers whether a continued task is known here. */
export function checkSubmit(action: string, body: string, mode: SubmitFieldMode, taskExists: (id: string) => boolean): SubmitCheck {
  if (action !== 'music' && action !== 'lyrics') return { kind: 'refused', answer: invalidRequest('invalid_action') };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'refused', answer: invalidRequest('invalid character in request body: not JSON') };
  }
  const parsed = safeParseInEnglish(submitBodySchema, json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
    return { kind: 'refused', answer: invalidRequest(issues) };
  }
  const fields = parsed.data;
  const prompt = fields.prompt ?? '';
  if (action === 'lyrics') {
    if (prompt.trim() === '') return { kind: 'refused', answer: invalidRequest('prompt_empty') };
    return { kind: 'accepted', action, forwarded: keep(fields, mode) };
  }
  const taskId = fields.task_id ?? '';
  if ((fields.continue_clip_id ?? '') !== '' && taskId === '') return { kind: 'refused', answer: invalidRequest('task id is empty') };
  if (taskId !== '' && !taskExists(taskId)) {
    return { kind: 'refused', answer: jsonResponse(400, { code: 'task_not_exist', message: 'task_not_exist', data: null }) };
  }
  const describes = (fields.gpt_description_prompt ?? '').trim() !== '';
  if (!describes && fields.make_instrumental !== true && prompt.trim() === '') {
    return { kind: 'refused', answer: invalidRequest('prompt_empty') };
  }
  const mv = fields.mv === undefined || fields.mv === '' ? DEFAULT_MODEL : fields.mv;
  return { kind: 'accepted', action, forwarded: keep({ ...fields, mv }, mode) };
}

function keep(fields: ForwardedSubmit, mode: SubmitFieldMode): ForwardedSubmit {
  if (mode === 'all') return fields;
  return Object.fromEntries(Object.entries(fields).filter(([key]) => NEW_API_FIELDS.includes(key))) as ForwardedSubmit;
}
