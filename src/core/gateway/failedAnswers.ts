/**
 * Which answers are failures, decided at once from the status and a look at the body, so that a
 * round knows what it got before anything is worded. What each failure says, naming the URL and
 * quoting the gateway (`responseErrors.ts`), loads with the first failure: a session whose
 * gateway answers well never needs it.
 */

import { gatewayMessageOf, isRecord, isTaskNotExist, tryParseJson } from '../wire/answerBody';
import type { RawResponse } from './responseErrors';

/**
 * Whether `errorForResponse` makes an error of this answer: every status outside 2xx, and a 2xx
 * that is new-api's failed-lookup envelope (a 2xx "no such task" is the parser's to read).
 */
export function isFailedAnswer(response: RawResponse): boolean {
  if (response.httpStatus < 200 || response.httpStatus >= 300) return true;
  return !isTaskNotExist(response.body) && isGetTaskFailed(response.body);
}

/** new-api's "the upstream lookup failed" envelope, sometimes sent with HTTP 200. */
export function isGetTaskFailed(body: string): boolean {
  const json = tryParseJson(body);
  return isRecord(json) && typeof json.code === 'string' && json.code.toLowerCase() === 'get_task_failed';
}

const TOO_LARGE_WORDS = /too\s+(large|long|many|big)|exceed|payload/i;

/**
 * The gateway (or a proxy in front of it) refused the request as too large: HTTP 413, or a 400/422
 * whose message says so. Then a batch must be split, not the gateway declared batch-less.
 */
export function isRequestTooLarge(response: RawResponse): boolean {
  if (response.httpStatus === 413) return true;
  if (response.httpStatus !== 400 && response.httpStatus !== 422) return false;
  const message = gatewayMessageOf(response.body);
  return message !== null && TOO_LARGE_WORDS.test(message);
}
