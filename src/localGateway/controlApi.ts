/**
 * The control API: JSON over HTTP under /__control/, no auth, so that other processes (tests in
 * the VS Code extension host, browser UI tests, the demo) can script a running gateway.
 *
 *   GET    /__control/tasks                 → [TaskInfo…]
 *   POST   /__control/tasks                 ScriptedTaskSpec → 201 TaskInfo (includes id)
 *   GET    /__control/tasks/{id}            → TaskInfo (includes stage) | 404
 *   POST   /__control/tasks/{id}/advance    → TaskInfo after one stage on
 *   POST   /__control/tasks/{id}/stage      {"stage": Stage} → TaskInfo
 *   DELETE /__control/tasks/{id}            → {"removed": boolean}
 *   GET    /__control/fault                 → {"fault": Fault | null}
 *   POST   /__control/fault                 Fault | null → {"fault": Fault | null}
 *   POST   /__control/batch                 {"mode": true | false | "submit_path" | "method_not_allowed"} → {"mode"}
 *   POST   /__control/keys                  {"keys": [string…]} → {"keys": count}
 *   POST   /__control/cors                  {"allow": boolean} → the same (cross-origin requests to the API routes)
 *   GET    /__control/requests              → [GatewayRequestRecord…]
 *   POST   /__control/requests/clear        → {"ok": true}
 *   GET    /__control/submits               → [SubmitRecord…] (body as received, forwarded, taskId)
 *   POST   /__control/submits/clear         → {"ok": true}
 *   GET    /__control/submit-fault          → {"fault": SubmitFault | null}
 *   POST   /__control/submit-fault          SubmitFault | null → {"fault": SubmitFault | null}
 *   POST   /__control/submit-mode           {"fields": "all" | "vanilla", "musicDialect"?: Dialect} → the same
 *   POST   /__control/reset                 → {"ok": true}
 * Errors: 400 {"error": "<what was wrong>"} for a bad body, 404 {"error": …} for an unknown task or route.
 */
import * as z from 'zod/mini';
import { safeParseInEnglish } from '../core/schemaIssues';
import type { CannedResponse } from './faults';
import { faultSchema } from './faults';
import { jsonResponse } from './httpUtil';
import type { LocalGateway } from './localGateway';
import { scriptedTaskSpecSchema } from './scriptedTask';
import { submitFaultSchema } from './submitFaults';

const stageBodySchema = z.strictObject({ stage: z.enum(['NOT_START', 'SUBMITTED', 'QUEUED', 'IN_PROGRESS', 'SUCCESS', 'FAILURE']) });
const batchBodySchema = z.strictObject({ mode: z.union([z.boolean(), z.literal('submit_path'), z.literal('method_not_allowed')]) });
const submitModeSchema = z.strictObject({
  fields: z.enum(['all', 'vanilla']),
  musicDialect: z.optional(z.enum(['native', 'flat', 'goapi', 'newapi'])),
});
const corsBodySchema = z.strictObject({ allow: z.boolean() });
const keysBodySchema = z.strictObject({ keys: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(100)) });

class BadRequest extends Error {}

function parseJson<T>(body: string, schema: z.ZodMiniType<T>): T {
  let value: unknown;
  try {
    value = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    throw new BadRequest('body is not JSON');
  }
  const result = safeParseInEnglish(schema, value);
  if (!result.success) {
    throw new BadRequest(result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; '));
  }
  return result.data;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function handleControlRequest(gateway: LocalGateway, method: string, path: string, body: string): CannedResponse {
  try {
    return route(gateway, method, path, body);
  } catch (error) {
    if (error instanceof BadRequest) return jsonResponse(400, { error: error.message });
    return jsonResponse(400, { error: error instanceof Error ? error.message : String(error) });
  }
}

function route(gateway: LocalGateway, method: string, path: string, body: string): CannedResponse {
  const notFound = jsonResponse(404, { error: `no control route ${method} ${path}` });
  const rest = path.replace(/^\/__control\/?/, '');

  if (rest === 'tasks') {
    if (method === 'GET') return jsonResponse(200, gateway.listTasks());
    if (method === 'POST') {
      const id = gateway.addTask(parseJson(body, scriptedTaskSpecSchema));
      return jsonResponse(201, gateway.taskInfo(id));
    }
    return notFound;
  }

  const taskMatch = /^tasks\/([^/]+)(?:\/(advance|stage))?$/.exec(rest);
  if (taskMatch) {
    const id = decodeSegment(taskMatch[1]);
    const action = taskMatch[2];
    if (action === undefined && method === 'DELETE') return jsonResponse(200, { removed: gateway.removeTask(id) });
    const info = gateway.taskInfo(id);
    if (!info) return jsonResponse(404, { error: `no such task: ${id}` });
    if (action === undefined && method === 'GET') return jsonResponse(200, info);
    if (action === 'advance' && method === 'POST') {
      gateway.advance(id);
      return jsonResponse(200, gateway.taskInfo(id));
    }
    if (action === 'stage' && method === 'POST') {
      gateway.setStage(id, parseJson(body, stageBodySchema).stage);
      return jsonResponse(200, gateway.taskInfo(id));
    }
    return notFound;
  }

  if (rest === 'fault') {
    if (method === 'GET') return jsonResponse(200, { fault: gateway.currentFault() });
    if (method === 'POST') {
      gateway.setFault(parseJson(body.trim() === '' ? 'null' : body, z.nullable(faultSchema)));
      return jsonResponse(200, { fault: gateway.currentFault() });
    }
    return notFound;
  }
  if (rest === 'batch' && method === 'POST') {
    const { mode } = parseJson(body, batchBodySchema);
    gateway.setBatch(mode);
    return jsonResponse(200, { mode });
  }
  if (rest === 'cors' && method === 'POST') {
    const { allow } = parseJson(body, corsBodySchema);
    gateway.setAllowCrossOrigin(allow);
    return jsonResponse(200, { allow });
  }
  if (rest === 'keys' && method === 'POST') {
    const { keys } = parseJson(body, keysBodySchema);
    gateway.setApiKeys(keys);
    return jsonResponse(200, { keys: keys.length });
  }
  if (rest === 'requests' && method === 'GET') return jsonResponse(200, gateway.requests);
  if (rest === 'requests/clear' && method === 'POST') {
    gateway.clearRequests();
    return jsonResponse(200, { ok: true });
  }
  if (rest === 'submits' && method === 'GET') return jsonResponse(200, gateway.submits);
  if (rest === 'submits/clear' && method === 'POST') {
    gateway.clearSubmits();
    return jsonResponse(200, { ok: true });
  }
  if (rest === 'submit-fault') {
    if (method === 'GET') return jsonResponse(200, { fault: gateway.currentSubmitFault() });
    if (method === 'POST') {
      gateway.setSubmitFault(parseJson(body.trim() === '' ? 'null' : body, z.nullable(submitFaultSchema)));
      return jsonResponse(200, { fault: gateway.currentSubmitFault() });
    }
    return notFound;
  }
  if (rest === 'submit-mode' && method === 'POST') {
    const mode = parseJson(body, submitModeSchema);
    gateway.setSubmitMode(mode.fields, mode.musicDialect);
    return jsonResponse(200, mode);
  }
  if (rest === 'reset' && method === 'POST') {
    gateway.reset();
    return jsonResponse(200, { ok: true });
  }
  return notFound;
}
