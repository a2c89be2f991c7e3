/**
 * One request of the gateway check: sent once (never retried), bounded by a timeout that covers
 * the body too, the body read up to a small cap, and the key blanked out of everything that comes
 * back. Unlike the client's requests, a probe keeps what a diagnosis needs and the client does
 * not: the request id headers, whether the answer was redirected, and, when no answer came, why
 * (host unknown, connection refused, TLS, timeout…) as a category rather than an error.
 *
 * No Node imports: this runs in a browser worker as well.
 */

import { clampTimerDelay, type Clock } from '../clock';
import { redactKey } from './redaction';

/** Why no answer arrived. `blocked`: the platform refused without saying why (a browser's CORS). */
type NoAnswerReason = 'dns' | 'refused' | 'tls' | 'timeout' | 'reset' | 'unreachable' | 'blocked' | 'other';

interface ProbeRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** JSON text, for a POST. */
  readonly body?: string;
}

export type ProbeResult =
  | {
      readonly kind: 'answer';
      readonly request: ProbeRequest;
      readonly httpStatus: number;
      readonly contentType: string | null;
      /** At most `MAX_PROBE_BODY_CHARACTERS`, the key blanked out. */
      readonly body: string;
      /** The request id the gateway put in a header, if any (key blanked out). */
      readonly requestIdHeader: string | null;
      /** Where the answer came from when the gateway redirected, else null. */
      readonly redirectedTo: string | null;
      readonly durationMs: number;
    }
  | {
      readonly kind: 'no_answer';
      readonly request: ProbeRequest;
      readonly reason: NoAnswerReason;
      /** The platform's error code (`ENOTFOUND`, `CERT_HAS_EXPIRED`…) or null. */
      readonly code: string | null;
      /** The platform's message, key blanked out, or null. */
      readonly detail: string | null;
    };

export interface ProbeOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly apiKey: string | undefined;
  readonly clock: Clock;
  readonly timeoutMs: number;
}

/** A diagnosis reads the start of an answer; a web page or a file behind a wrong URL can be huge. */
const MAX_PROBE_BODY_CHARACTERS = 64_000;

/** Headers gateways and the proxies in front of them put a request id in, most specific first. */
const REQUEST_ID_HEADERS = ['x-oneapi-request-id', 'x-new-api-request-id', 'x-request-id', 'request-id', 'x-amzn-requestid', 'cf-ray'];

export async function sendProbe(request: ProbeRequest, options: ProbeOptions): Promise<ProbeResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = options.clock.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, clampTimerDelay(options.timeoutMs));
  const started = options.clock.now();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.apiKey !== undefined) headers.Authorization = `Bearer ${options.apiKey}`;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const noAnswer = (error: unknown): ProbeResult =>
    timedOut ? { kind: 'no_answer', request, reason: 'timeout', code: null, detail: null } : describeFailure(error, request, options.apiKey);
  try {
    let response: Response;
    try {
      response = await options.fetch(request.url, { method: request.method, headers, body: request.body, signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      return noAnswer(error);
    }
    let text: string;
    try {
      text = await readStart(response, MAX_PROBE_BODY_CHARACTERS);
    } catch (error) {
      return noAnswer(error);
    }
    const finalUrl = response.url === '' ? request.url : response.url;
    return {
      kind: 'answer',
      request,
      httpStatus: response.status,
      contentType: response.headers.get('content-type'),
      body: redactKey(text, options.apiKey),
      requestIdHeader: requestIdOf(response, options.apiKey),
      redirectedTo: response.redirected && finalUrl !== request.url ? redactKey(finalUrl, options.apiKey) : null,
      durationMs: Math.max(0, options.clock.now() - started),
    };
  } finally {
    options.clock.clearTimeout(timer);
  }
}

/**
 * Whether anything answers at `url` when the answer need not be readable: a `no-cors` request,
 * which a browser sends whatever the gateway's cross-origin rules say. Only meaningful in a
 * browser; true when an (opaque) answer came.
 */
export async function answersWithoutCors(url: string, options: Pick<ProbeOptions, 'fetch' | 'clock' | 'timeoutMs'>): Promise<boolean> {
  const controller = new AbortController();
  const timer = options.clock.setTimeout(() => controller.abort(), clampTimerDelay(options.timeoutMs));
  try {
    await options.fetch(url, { method: 'GET', mode: 'no-cors', signal: controller.signal });
    return true;
  } catch {
    return false;
  } finally {
    options.clock.clearTimeout(timer);
  }
}

function requestIdOf(response: Response, apiKey: string | undefined): string | null {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name)?.trim();
    if (value) return redactKey(value, apiKey);
  }
  return null;
}

/** At most `maxCharacters` of the body; the rest is not downloaded. */
async function readStart(response: Response, maxCharacters: number): Promise<string> {
  if (response.body === null) return (await response.text()).slice(0, maxCharacters);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
    if (text.length >= maxCharacters) {
      await reader.cancel().catch(() => undefined);
      return text.slice(0, maxCharacters);
    }
  }
}

const TLS_CODE = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/** The category of a failed request, from the error code Node/undici put on it or its cause. */
function describeFailure(error: unknown, request: ProbeRequest, apiKey: string | undefined): ProbeResult {
  const chain = [error, causeOf(error), causeOf(causeOf(error))];
  const code = chain.map((candidate) => (isObject(candidate) && typeof candidate.code === 'string' ? candidate.code : null)).find((candidate) => candidate !== null) ?? null;
  const message = chain
    .map((candidate) => (candidate instanceof Error && candidate.message !== '' && candidate.message !== 'fetch failed' ? candidate.message : null))
    .find((candidate) => candidate !== null);
  const detail = message == null ? null : redactKey(message, apiKey);
  return { kind: 'no_answer', request, reason: reasonFor(code, error), code, detail };
}

function reasonFor(code: string | null, error: unknown): NoAnswerReason {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'dns';
    case 'ECONNREFUSED':
      return 'refused';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timeout';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return 'reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'unreachable';
    case null:
      // A browser says nothing about why: CORS, a blocked mixed-content request and an unknown
      // host all look like this `TypeError`.
      // Node's fetch always names a cause.
      return error instanceof TypeError && causeOf(error) === undefined ? 'blocked' : 'other';
    default:
      return TLS_CODE.test(code) ? 'tls' : 'other';
  }
}

function causeOf(value: unknown): unknown {
  return isObject(value) && 'cause' in value ? value.cause : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
