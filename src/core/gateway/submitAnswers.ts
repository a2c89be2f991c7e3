/**
 * Reading a gateway's answer to a submit: the new task's id, or the error it stands for.
 *
 * Beyond what a fetch can be answered with (`responseErrors.ts`), a submit has its own refusals
 * (SUBMIT.md): new-api's `invalid_request` with a reason, `task_not_exist` for a continuation of a
 * task this gateway and account did not create, and a balance too low, said with many words and
 * statuses (403 `quota_not_enough`, 402, 429, "insufficient balance", "余额不足"). A balance is no
 * key problem: it is `quota`, never `auth`, so that nothing pauses polling for it.
 */

import * as z from 'zod/mini';
import { GatewayError } from '../gatewayError';
import { ID_RULE_TEXT, idProblem } from '../task/idRules';
import { gatewayMessageOf, isRecord, isTaskNotExist, looksLikeHtml, tryParseJson } from '../wire/answerBody';
import { describeResponse } from '../wire/describeResponse';
import type { Exchange } from './httpTransport';
import { OUTCOME_UNKNOWN_ADVICE, QUOTA_ADVICE } from './submitAdvice';
import { errorForResponse, notSunoAnswerError, type RawResponse, type RequestDescription } from './responseErrors';
import { topLevelKeys } from '../wire/topLevelKeys';

/** `{"code":"success","message":"","data":"<task id>"}`; other fields are allowed and ignored. */
const successAnswerSchema = z.looseObject({
  code: z.string().check(z.regex(/^success$/i)),
  data: z.string(),
});

/** Every way gateways say the account's balance is too low, in English and Chinese. */
const QUOTA_WORDS = /quota|insufficient[\s_-]*(balance|credits?|funds?)|not enough (balance|credits?)|余额不足|额度不足|配额不足/i;
/** new-api's rewrite of an upstream 429 during a submit ("upstream load saturated"). */
const SATURATED_WORDS = /负载已饱和|saturated/i;
/** Upstream trouble: new-api's `fail_to_fetch_task`, one-hub's `submit_failed` and `provider_not_found`. */
const UPSTREAM_CODES = new Set(['fail_to_fetch_task', 'submit_failed', 'provider_not_found']);

/** What the gateway's reasons for an `invalid_request` mean, for the user. A Map: a reason is gateway text. */
const INVALID_REASONS: ReadonlyMap<string, string> = new Map([
  ['prompt_empty', 'the lyrics (prompt) are empty'],
  ['invalid_action', 'this gateway does not offer this kind of submit'],
  ['task id is empty', "a continuation needs the original task's id"],
]);

/** The new task's id from the answer to `request`; throws GatewayError for every other answer. */
export function readSubmitAnswer(exchange: Exchange, request: RequestDescription, continuedTaskId: string | null, now: Date): string {
  const { response } = exchange;
  const refusal = submitRefusal(response, request);
  if (refusal !== null) throw refusal;
  const failure = errorForResponse(response, request, exchange.retryAfter, now);
  if (failure !== null) throw failure;
  return newTaskId(response, request, continuedTaskId);
}

/**
 * The submit-only refusals, or null to read the answer as a fetch answer is read (HTML pages,
 * 401/403 without a word about the balance, 429, 5xx and success answers).
 */
function submitRefusal(response: RawResponse, request: RequestDescription): GatewayError | null {
  const status = response.httpStatus;
  if (looksLikeHtml(response.body)) return null;
  const gatewayMessage = gatewayMessageOf(response.body);
  const code = errorCodeOf(response.body)?.toLowerCase() ?? null;
  if (code === 'success') return null;
  const where = `HTTP ${status} from ${request.method} ${request.url}`;
  const said = gatewayMessage === null ? '' : `: ${gatewayMessage}`;
  const details = { url: request.url, httpStatus: status, gatewayMessage };
  if (code !== null && UPSTREAM_CODES.has(code)) {
    return new GatewayError('server', `The gateway ${request.baseUrl} could not pass the submit on to Suno (${where})${said}.`, details);
  }
  // A 5xx is the gateway's trouble whatever its text says (an upstream's "quota" is not the user's).
  if (status >= 500) return null;
  if (status === 402 || code === 'quota_not_enough' || QUOTA_WORDS.test(`${code ?? ''} ${gatewayMessage ?? ''}`)) {
    return new GatewayError('quota', `The gateway ${request.baseUrl} refused the submit (${where})${said}. ${QUOTA_ADVICE}`, details);
  }
  if (status === 401 || status === 403 || status === 429) return null;
  if (SATURATED_WORDS.test(gatewayMessage ?? '')) {
    return new GatewayError('rate_limited', `The gateway ${request.baseUrl} is too busy to take the submit (${where})${said}. Try again in a while.`, details);
  }
  if (isTaskNotExist(response.body)) {
    return new GatewayError(
      'not_found',
      `The gateway ${request.baseUrl} does not know the task to continue (${where})${said}. ` +
        'A continuation is accepted only by the gateway and account that created the task: it was created on another gateway or with another API key.',
      details,
    );
  }
  const invalid = status === 400 || status === 422 || code === 'invalid_request';
  if (invalid && gatewayMessage !== null) {
    const meaning = INVALID_REASONS.get(gatewayMessage.toLowerCase());
    return new GatewayError(
      'invalid_input',
      `The gateway ${request.baseUrl} refused the submit as invalid (${where})${said}${meaning === undefined ? '' : ` — ${meaning}`}.`,
      details,
    );
  }
  return null;
}

/** The id in a success answer, checked; a 'bad_response' that says the submit may have counted otherwise. */
function newTaskId(response: RawResponse, request: RequestDescription, continuedTaskId: string | null): string {
  const unusable = (why: string): GatewayError =>
    new GatewayError(
      'bad_response',
      `${request.method} ${request.url} answered a submit without a task id that can be used (${why}). ${OUTCOME_UNKNOWN_ADVICE}`,
      { url: request.url, httpStatus: response.httpStatus, gatewayMessage: gatewayMessageOf(response.body) },
    );
  // A web page where the gateway should be: nothing reached a gateway's submit route.
  if (looksLikeHtml(response.body)) throw notSunoAnswerError(request, response);
  const json = tryParseJson(response.body);
  const answer = successAnswerSchema.safeParse(json);
  if (!answer.success) throw unusable(describeResponse(response.httpStatus, response.contentType, response.body));
  // JSON.parse keeps the last of two "data" keys, another reader the first: which task is it?
  const keys = topLevelKeys(response.body);
  if (keys.filter((key) => key === 'data').length > 1 || keys.filter((key) => key === 'code').length > 1) {
    throw unusable('it names its code or data more than once');
  }
  const id = answer.data.data.trim();
  // Not quoted: what is no id may be markup, a huge string or control characters.
  if (idProblem(id) !== null) throw unusable(`its data is no task id: ids are ${ID_RULE_TEXT}`);
  // A new task under the id of the one it continues would replace that task in the tracker.
  if (continuedTaskId !== null && id === continuedTaskId) throw unusable(`it named the task being continued, ${id}`);
  return id;
}

/** The gateway's error code: an envelope's `code`, or an OpenAI-style `error.code` / `error.type`. */
function errorCodeOf(body: string): string | null {
  const json = tryParseJson(body);
  if (!isRecord(json)) return null;
  if (typeof json.code === 'string' && json.code.trim() !== '') return json.code.trim();
  const error = json.error;
  if (!isRecord(error)) return null;
  for (const candidate of [error.code, error.type]) if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  return null;
}
