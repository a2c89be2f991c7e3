/**
 * Faults of the submit routes: every way a gateway refuses or loses a submit (SUBMIT.md). Set with
 * `LocalGateway.setSubmitFault` or `POST /__control/submit-fault`; the fetch routes keep their own
 * faults (faults.ts). A fault is played on submits that pass new-api's checks (a bad key or body
 * is refused as ever). A faulty submit creates no task, except 'hang' and 'reset', which create it
 * and then lose the answer, as a gateway that accepted the submit and then broke would.
 */
import * as z from 'zod/mini';
import { jsonResponse } from './httpUtil';
import type { CannedResponse } from './faults';

type SubmitFaultKind =
  /** The balance is too low, said as `wording` tells. */
  | 'quota'
  /** 400 `invalid_request` with `message` (default `prompt_empty`). */
  | 'invalid_request'
  /** 401, OpenAI-style, as for a bad key. */
  | 'unauthorized'
  /** 429, OpenAI-style, with new-api's "upstream saturated" text. */
  | 'rate_limit'
  /** 500 `fail_to_fetch_task` with the upstream's body as message. */
  | 'upstream'
  /** 502 nginx HTML page. */
  | 'html'
  /** Takes the body, creates the task, and never answers (until `hangMs`, then drops the connection). */
  | 'hang'
  /** Takes the body, creates the task, and drops the connection without an answer. */
  | 'reset';

/** The wordings of a low balance seen on gateways. */
type QuotaWording = 'quota_not_enough' | 'insufficient_balance' | 'yu_e_bu_zu' | 'e_du_bu_zu' | 'payment_required' | 'rate_limited';

const SUBMIT_FAULT_KINDS = ['quota', 'invalid_request', 'unauthorized', 'rate_limit', 'upstream', 'html', 'hang', 'reset'] as const satisfies readonly SubmitFaultKind[];
const QUOTA_WORDINGS = [
  'quota_not_enough',
  'insufficient_balance',
  'yu_e_bu_zu',
  'e_du_bu_zu',
  'payment_required',
  'rate_limited',
] as const satisfies readonly QuotaWording[];

export const submitFaultSchema = z.strictObject({
  kind: z.enum(SUBMIT_FAULT_KINDS),
  /** For 'quota': which wording (default 'quota_not_enough'). */
  wording: z.optional(z.enum(QUOTA_WORDINGS)),
  /** For 'invalid_request': the reason. */
  message: z.optional(z.string().check(z.maxLength(2000))),
  /** For 'hang': how long before the connection is dropped (default and most 10 minutes). */
  hangMs: z.optional(z.int().check(z.gte(0), z.lte(600_000))),
  /** How many submits the fault affects; default: every submit until cleared. */
  count: z.optional(z.int().check(z.gte(1))),
});

export type SubmitFault = z.infer<typeof submitFaultSchema>;

/** The longest a 'hang' keeps a connection open: every timer of the gateway is bounded. */
export const DEFAULT_HANG_MS = 600_000;

/** The answer for every fault that answers ('hang' and 'reset' are the server's to play). */
export function cannedSubmitFault(fault: SubmitFault, requestId: string): CannedResponse {
  switch (fault.kind) {
    case 'quota':
      return quotaAnswer(fault.wording ?? 'quota_not_enough', requestId);
    case 'invalid_request':
      return jsonResponse(400, { code: 'invalid_request', message: fault.message ?? 'prompt_empty', data: null });
    case 'unauthorized':
      return jsonResponse(401, { error: { message: `无效的令牌 (request id: ${requestId})`, type: 'new_api_error', code: '' } });
    case 'rate_limit':
      return jsonResponse(
        429,
        { error: { message: `当前分组上游负载已饱和，请稍后再试 (request id: ${requestId})`, type: 'new_api_error', code: '' } },
        { 'Retry-After': '1' },
      );
    case 'upstream':
      return jsonResponse(500, { code: 'fail_to_fetch_task', message: '{"detail":"Internal Server Error"}', data: null });
    case 'html':
      return {
        status: 502,
        headers: { 'Content-Type': 'text/html', Server: 'nginx/1.24.0' },
        body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n',
      };
    case 'hang':
    case 'reset':
      throw new Error(`submit fault '${fault.kind}' has no canned response`);
  }
}

function quotaAnswer(wording: QuotaWording, requestId: string): CannedResponse {
  const openAiStyle = (status: number, message: string): CannedResponse =>
    jsonResponse(status, { error: { message: `${message} (request id: ${requestId})`, type: 'new_api_error', code: '' } });
  switch (wording) {
    case 'quota_not_enough':
      return jsonResponse(403, { code: 'quota_not_enough', message: 'user quota is not enough', data: null });
    case 'insufficient_balance':
      return openAiStyle(403, 'Insufficient balance, please recharge');
    case 'yu_e_bu_zu':
      return openAiStyle(403, '用户余额不足');
    case 'e_du_bu_zu':
      return openAiStyle(403, '令牌额度不足');
    case 'payment_required':
      return { status: 402, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Payment Required' };
    case 'rate_limited':
      return openAiStyle(429, 'insufficient quota: 余额不足');
  }
}
