/**
 * Sending one submit: `POST {base}/suno/submit/{action}` with the body as JSON and the key, exactly
 * once. A submit spends the user's credits and gateways do not deduplicate, so nothing here
 * repeats it: no retry, no second route, no followed redirect (a 307 would send it again
 * elsewhere).
 *
 * When the exchange fails, what matters is whether the gateway may have the request. Before it
 * could be sent (the name did not resolve, the connection was refused, TLS failed) nothing was
 * charged: 'network'. After (a timeout, a connection reset or closed while waiting, an answer cut
 * off): 'outcome_unknown', which tells the user to look before submitting again.
 */

import { GatewayError } from '../gatewayError';
import { submitPath, type SubmitRequest } from '../wire/submitBodies';
import type { HttpTransport, TransportFailure } from './httpTransport';
import { describeNetworkFailure, networkError, networkErrorCode } from './networkErrors';
import type { RequestDescription } from './responseErrors';
import { OUTCOME_UNKNOWN_ADVICE } from './submitAdvice';
import { readSubmitAnswer } from './submitAnswers';

/** Far above any song (lyrics are at most a few thousand characters); refused before sending. */
const MAX_SUBMIT_BODY_BYTES = 1_000_000;

/** Failures that leave before a single byte of the request reached the gateway. */
const NOT_SENT_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

/** Sends `submit` once through `transport` and returns the new task's id; throws GatewayError. */
export async function submitTask(transport: HttpTransport, submit: SubmitRequest): Promise<string> {
  const body = JSON.stringify(submit.body);
  const bytes = new TextEncoder().encode(body).length;
  if (bytes > MAX_SUBMIT_BODY_BYTES) {
    throw new GatewayError('invalid_input', `The submit is ${bytes} bytes long; at most ${MAX_SUBMIT_BODY_BYTES} can be sent.`);
  }
  transport.requireKey();
  const url = `${transport.baseUrl}${submitPath(submit.action)}`;
  const request: RequestDescription = { method: 'POST', url, baseUrl: transport.baseUrl, ids: [], redirectedTo: null };
  const continued = 'task_id' in submit.body ? submit.body.task_id : null;
  return transport.exchange(
    request,
    body,
    (exchange, described) => readSubmitAnswer(exchange, described, continued, transport.currentTime()),
    { redirect: 'manual', failure: (failure, failed) => submitFailure(failure, failed, transport.timeoutMs) },
  );
}

function submitFailure(failure: TransportFailure, request: RequestDescription, timeoutMs: number): GatewayError {
  const code = networkErrorCode(failure.cause);
  if (failure.kind === 'network' && failure.phase === 'request' && code !== null && NOT_SENT_CODES.has(code)) {
    const error = networkError(failure.cause, request, 'request', null);
    return new GatewayError('network', `${error.message} Nothing was submitted.`, { url: request.url, cause: failure.cause });
  }
  const what =
    failure.kind === 'timeout'
      ? `no answer came within ${Math.round(timeoutMs / 100) / 10} s`
      : failure.phase === 'body'
        ? `the answer (HTTP ${failure.httpStatus}) broke off: ${describeNetworkFailure(failure.cause)}`
        : describeNetworkFailure(failure.cause);
  return new GatewayError(
    'outcome_unknown',
    `${request.method} ${request.url}: ${what}, after the submit was sent. ${OUTCOME_UNKNOWN_ADVICE}`,
    { url: request.url, httpStatus: failure.httpStatus, cause: failure.cause },
  );
}
