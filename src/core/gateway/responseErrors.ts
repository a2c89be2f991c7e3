/**
 * Turns what went wrong on the wire into a `GatewayError` whose message a user can act on.
 *
 * Every message names the URL that was called and quotes the gateway's own words when it sent
 * any (many gateways answer in Chinese; the text is shown verbatim). Classification looks at the
 * body, not at `Content-Type` alone: CometAPI documents its JSON answers as `text/plain`, and a
 * proxy in front of a gateway answers with HTML whatever the status.
 *
 * Loaded with the first failure: which answers are failures is decided at once by
 * `failedAnswers.ts`, whose `isFailedAnswer` says when `errorForResponse` makes an error.
 *
 * No Node imports: this runs in a browser worker as well.
 */

import { DEFAULT_BASE_URL } from './baseUrl';
import { clip, gatewayMessageOf, isTaskNotExist, looksLikeHtml, nonEmptyString, tryParseJson } from '../wire/answerBody';
import { describeResponse } from '../wire/describeResponse';
import { GatewayError, type GatewayErrorKind } from '../gatewayError';
import { isGetTaskFailed } from './failedAnswers';
import { parseRetryAfter } from './retryAfter';

export interface RawResponse {
  url: string;
  httpStatus: number;
  contentType: string | null;
  body: string;
}

/** What the caller was doing, for messages. */
export interface RequestDescription {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly baseUrl: string;
  /** The task ids the request was about (one for a single fetch). */
  readonly ids: readonly string[];
  /** Where the answer really came from when the gateway redirected, else null. */
  readonly redirectedTo?: string | null;
}

/**
 * What arrived, in a few words, for messages about answers that were not what was expected: the
 * parser's one-line account, with an HTML page named by its title (an nginx "502 Bad Gateway",
 * a web app's index page) rather than quoted.
 */
function describeAnswer(httpStatus: number, contentType: string | null, body: string): string {
  if (!looksLikeHtml(body)) return describeResponse(httpStatus, contentType, body);
  const type = contentType === null || contentType.trim() === '' ? 'no content type' : `content type ${contentType.trim()}`;
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(body)?.[1];
  const name = nonEmptyString(title?.replace(/<[^>]*>/g, '')) ?? nonEmptyString(heading?.replace(/<[^>]*>/g, ''));
  // JSON.stringify keeps the title on one line whatever it contains.
  return `HTTP ${httpStatus}, ${type}, an HTML page${name === null ? '' : ` titled ${JSON.stringify(clip(name, 80))}`}`;
}

function quoted(message: string | null): string {
  return message === null ? '' : `: ${message}`;
}

function idList(ids: readonly string[]): string {
  if (ids.length === 1) return `task ${ids[0]}`;
  const shown = ids.slice(0, 3).join(', ');
  return `tasks ${shown}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}`;
}

function wrongBaseHint(request: RequestDescription): string {
  const redirect = request.redirectedTo != null ? ` It was redirected to ${request.redirectedTo}.` : '';
  return `${redirect} The base URL ${request.baseUrl} may be wrong: it should be the gateway's address, e.g. ${DEFAULT_BASE_URL}.`;
}

function make(
  kind: GatewayErrorKind,
  message: string,
  request: RequestDescription,
  response: RawResponse | null,
  extra: { gatewayMessage?: string | null; retryAfterMs?: number | null; cause?: unknown } = {},
): GatewayError {
  return new GatewayError(kind, message, {
    url: request.url,
    httpStatus: response?.httpStatus ?? null,
    gatewayMessage: extra.gatewayMessage ?? null,
    retryAfterMs: extra.retryAfterMs ?? null,
    cause: extra.cause,
  });
}

/** A single fetch answered about another task: the answer is not used, and says so naming both ids. */
export function otherTaskError(request: RequestDescription, response: RawResponse, answeredTaskId: string): GatewayError {
  const askedId = request.ids[0] ?? '';
  return new GatewayError(
    'bad_response',
    `${request.method} ${request.url} answered about task ${answeredTaskId} instead of task ${askedId}. ` +
      `The answer was not used; task ${askedId} stays tracked as it was.`,
    { url: request.url, httpStatus: response.httpStatus, answeredTaskId },
  );
}

/** The "no such task" error for `ids`, from an answer that said so or a batch that left them out. */
export function notFoundError(request: RequestDescription, response: RawResponse | null, gatewayMessage: string | null): GatewayError {
  const how = response === null ? `${request.method} ${request.url}` : `HTTP ${response.httpStatus} from ${request.method} ${request.url}`;
  const said = gatewayMessage ?? 'it left the id out of its answer';
  return make(
    'not_found',
    `The gateway ${request.baseUrl} does not know ${idList(request.ids)} (${how})${quoted(said)}. ` +
      'Check the id, and that it was submitted with this API key on this gateway.',
    request,
    response,
    { gatewayMessage },
  );
}

/**
 * The error for a non-2xx answer, or for a 2xx answer that is clearly an error envelope.
 * Returns null when the answer should go to the parser.
 */
export function errorForResponse(
  response: RawResponse,
  request: RequestDescription,
  retryAfterHeader: string | null,
  now: Date,
): GatewayError | null {
  const status = response.httpStatus;
  const gatewayMessage = gatewayMessageOf(response.body);
  const where = `HTTP ${status} from ${request.method} ${request.url}`;
  const what = (): string => describeAnswer(status, response.contentType, response.body);

  if (status === 401 || status === 403) {
    return make(
      'auth',
      `The gateway ${request.baseUrl} refused the API key (${where})${quoted(gatewayMessage ?? what())} — set a new key.`,
      request,
      response,
      { gatewayMessage },
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfterHeader, now);
    const wait = retryAfterMs === null ? '' : ` It asked to wait ${Math.ceil(retryAfterMs / 1000)} s.`;
    return make(
      'rate_limited',
      `The gateway ${request.baseUrl} is limiting requests (${where})${quoted(gatewayMessage)}.${wait}`,
      request,
      response,
      { gatewayMessage, retryAfterMs },
    );
  }
  if (isTaskNotExist(response.body) && status >= 200 && status < 500 && status !== 408) {
    // 2xx is left to the parser, which knows every envelope; 400 (new-api) and 404 (one-hub) are ours.
    return status < 300 ? null : notFoundError(request, response, gatewayMessage);
  }
  if (status >= 500 || status === 408) {
    const html = looksLikeHtml(response.body);
    const detail = gatewayMessage ?? what();
    return make(
      'server',
      `The gateway ${request.baseUrl} had trouble (${where})${quoted(detail)}.` +
        (html ? ' The page came from a proxy in front of the gateway; this usually passes.' : ''),
      request,
      response,
      { gatewayMessage },
    );
  }
  if (status >= 200 && status < 300) {
    if (isGetTaskFailed(response.body)) {
      return make('server', `The gateway ${request.baseUrl} could not look the task up (${where})${quoted(gatewayMessage)}.`, request, response, {
        gatewayMessage,
      });
    }
    return null;
  }
  // 3xx that was not followed, 404 without task_not_exist, other 4xx: not the Suno API.
  return notSunoAnswerError(request, response);
}

/** The answer is not the Suno API at all (a web page, another API): the base URL may be wrong. */
export function notSunoAnswerError(request: RequestDescription, response: RawResponse): GatewayError {
  const what = describeAnswer(response.httpStatus, response.contentType, response.body);
  return make('bad_response', `${request.method} ${request.url} did not answer like a Suno gateway (${what}).${wrongBaseHint(request)}`, request, response, {
    gatewayMessage: gatewayMessageOf(response.body),
  });
}

/**
 * Wraps the parser's 'bad_response' so the user learns which URL answered and that the base URL
 * may be wrong; a parser 'not_found' gets the id and URL. Other errors pass unchanged.
 */
export function explainParseError(error: GatewayError, request: RequestDescription, response: RawResponse): GatewayError {
  if (error.kind === 'not_found') return notFoundError(request, response, error.gatewayMessage ?? gatewayMessageOf(response.body));
  if (error.kind !== 'bad_response') return error;
  const gatewayMessage = error.gatewayMessage ?? (tryParseJson(response.body) !== undefined ? gatewayMessageOf(response.body) : null);
  // The parser's message says what arrived; add the URL when it does not name it already.
  const detail = error.message.replace(/\.$/, '');
  const prefix = detail.includes(request.url) ? '' : `${request.method} ${request.url}: `;
  const said = gatewayMessage === null || detail.includes(gatewayMessage) ? '' : ` The gateway said: ${gatewayMessage}.`;
  // A Suno answer cut short is a flaky connection, not a wrong address.
  const looksLikeSuno = !looksLikeHtml(response.body) && /"task_id"\s*:/.test(response.body);
  const hint = looksLikeSuno ? (request.redirectedTo != null ? ` It was redirected to ${request.redirectedTo}.` : '') : wrongBaseHint(request);
  return new GatewayError('bad_response', `${prefix}${detail}.${said}${hint}`, {
    url: request.url,
    httpStatus: response.httpStatus,
    gatewayMessage,
    cause: error,
  });
}
