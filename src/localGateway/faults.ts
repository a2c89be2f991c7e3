/**
 * Faults the local gateway can be told to answer with instead of a proper fetch answer. They are
 * the things real gateways and the proxies in front of them do: error statuses, HTML pages,
 * cut-off or non-JSON bodies, another API's JSON, dropped connections, slowness, rate limits with
 * any Retry-After, answers about other ids or with ids upper-cased, duplicate clips, bodies too
 * large to read.
 * Faults touch the fetch routes only; media and control routes always answer normally.
 */
import * as z from 'zod/mini';

export type FaultKind =
  | 'status'
  | 'html'
  | 'truncated'
  | 'garbage'
  | 'wrong_api'
  | 'drop'
  | 'delay'
  | 'rate_limit'
  | 'other_id'
  | 'upper_case_ids'
  | 'duplicate_clips'
  | 'oversized';

const FAULT_KINDS = [
  'status',
  'html',
  'truncated',
  'garbage',
  'wrong_api',
  'drop',
  'delay',
  'rate_limit',
  'other_id',
  'upper_case_ids',
  'duplicate_clips',
  'oversized',
] as const satisfies readonly FaultKind[];

export interface Fault {
  kind: FaultKind;
  /** HTTP status for 'status' (default 500) and 'html' (default 502; 200 = a wrong base URL's page). */
  status?: number;
  /** Body for 'status' and 'html' instead of the default one. */
  body?: string;
  /** For 'delay': how long to wait before answering normally (default 1000). */
  delayMs?: number;
  /** For 'rate_limit': the Retry-After header in seconds (default 1; 0 leaves the header out). */
  retryAfterSeconds?: number;
  /** For 'rate_limit': the Retry-After header as given (a date, a huge number, garbage); wins over `retryAfterSeconds`. */
  retryAfter?: string;
  /** For 'oversized': the body's size in bytes (default 11 000 000, above what clients read). */
  sizeBytes?: number;
  /** How many requests the fault affects; default: every request until cleared. */
  count?: number;
}

export const faultSchema = z.strictObject({
  kind: z.enum(FAULT_KINDS),
  status: z.optional(z.int().check(z.gte(100), z.lte(599))),
  body: z.optional(z.string().check(z.maxLength(1_000_000))),
  delayMs: z.optional(z.int().check(z.gte(0), z.lte(600_000))),
  retryAfterSeconds: z.optional(z.int().check(z.gte(0), z.lte(86_400))),
  // Printable ASCII only: anything else could not be sent as a header.
  retryAfter: z.optional(z.string().check(z.maxLength(200), z.regex(/^[\x20-\x7e]*$/))),
  sizeBytes: z.optional(z.int().check(z.gte(1), z.lte(50_000_000))),
  count: z.optional(z.int().check(z.gte(1))),
});

/** A fixed answer: status, headers and body. */
export interface CannedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The page nginx shows when the upstream is down. */
function nginxErrorPage(status: number): string {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    '<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n'
  );
}

/** What a wrong base URL often gives: a web app's index page with status 200. */
const WRONG_BASE_URL_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>New API</title>' +
  '<script type="module" crossorigin src="/assets/index-4f2a9c.js"></script></head>' +
  '<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>';

/**
 * The answer for every fault except 'drop' and 'delay' (which the server handles itself).
 * `normalBody` is the body the request would have had, for the faults that bend it; `askedIds`
 * are the task ids of the request.
 */
export function cannedFaultResponse(
  fault: Fault,
  normalBody: () => string,
  requestId: string,
  askedIds: readonly string[] = [],
): CannedResponse {
  switch (fault.kind) {
    case 'status': {
      const status = fault.status ?? 500;
      const body =
        fault.body ??
        JSON.stringify({ code: 'get_task_failed', message: `get_task_failed: upstream answered ${status}`, data: null });
      return { status, headers: { 'Content-Type': looksLikeJson(body) ? JSON_TYPE : 'text/plain; charset=utf-8' }, body };
    }
    case 'html': {
      const status = fault.status ?? 502;
      const body = fault.body ?? (status === 200 ? WRONG_BASE_URL_PAGE : nginxErrorPage(status));
      return { status, headers: { 'Content-Type': HTML_TYPE, Server: 'nginx/1.24.0' }, body };
    }
    case 'truncated': {
      const whole = normalBody();
      return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body: whole.slice(0, Math.max(1, Math.floor(whole.length / 2))) };
    }
    case 'garbage':
      return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body: '\u0000\u0001\u00ff PK\u0003\u0004 }{ not json ]]>' };
    case 'wrong_api':
      return {
        status: 200,
        headers: { 'Content-Type': JSON_TYPE },
        body: JSON.stringify({
          object: 'list',
          data: [
            { id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'openai' },
            { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'openai' },
          ],
        }),
      };
    case 'rate_limit': {
      const retryAfter = fault.retryAfter ?? (fault.retryAfterSeconds === 0 ? undefined : String(fault.retryAfterSeconds ?? 1));
      const headers: Record<string, string> = { 'Content-Type': JSON_TYPE };
      if (retryAfter !== undefined) headers['Retry-After'] = retryAfter;
      return {
        status: 429,
        headers,
        body: JSON.stringify({
          error: {
            message: `当前分组上游负载已饱和，请稍后再试 (request id: ${requestId})`,
            type: 'new_api_error',
            param: '',
            code: 'rate_limit_exceeded',
          },
        }),
      };
    }
    case 'other_id': {
      // The first asked task comes back under an id nobody asked for.
      const first = askedIds[0];
      const body = first === undefined ? normalBody() : rewriteTaskIds(normalBody(), (id) => (id === first ? `${id}-other` : id));
      return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body };
    }
    case 'upper_case_ids': {
      const asked = new Set(askedIds);
      return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body: rewriteTaskIds(normalBody(), (id) => (asked.has(id) ? id.toUpperCase() : id)) };
    }
    case 'duplicate_clips':
      return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body: duplicateClips(normalBody()) };
    case 'oversized': {
      const size = fault.sizeBytes ?? 11_000_000;
      const opening = '{"code":"success","message":"';
      const padding = Math.max(0, size - opening.length - 2);
      return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body: `${opening}${' '.repeat(padding)}"}` };
    }
    case 'drop':
    case 'delay':
      throw new Error(`fault '${fault.kind}' has no canned response`);
  }
}

/** The JSON body with every `task_id` string passed through `rename`; other bodies unchanged. */
function rewriteTaskIds(body: string, rename: (id: string) => string): string {
  return mapJson(body, (value) => {
    if (isRecord(value) && typeof value.task_id === 'string') return { ...value, task_id: rename(value.task_id) };
    return value;
  });
}

/** The JSON body with the first clip of every clip list listed twice. */
function duplicateClips(body: string): string {
  return mapJson(body, (value) => {
    const isClipList =
      Array.isArray(value) && value.length > 0 && value.every((item) => isRecord(item) && (typeof item.clip_id === 'string' || ('audio_url' in item && typeof item.id === 'string')));
    return isClipList ? [...value, value[0]] : value;
  });
}

/** Parses `body`, applies `change` to every value bottom-up, and serialises it again. */
function mapJson(body: string, change: (value: unknown) => unknown): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return change(value.map(walk));
    if (isRecord(value)) return change(Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)])));
    return value;
  };
  return JSON.stringify(walk(parsed));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
