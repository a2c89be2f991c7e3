/**
 * Reading the answer to a fetch: the error it stands for, or the task(s) it carries under the ids
 * that were asked for. The parser knows the dialects; this adds what the exchange knows (which URL
 * answered, with which status, whether it was redirected) to whatever went wrong. The wording of
 * a failure (`responseErrors.ts`) is imported with the first one.
 */

import { GatewayError, isGatewayError } from '../gatewayError';
import type { Task } from '../task/model';
import { gatewayMessageOf } from '../wire/answerBody';
import { parseBatchResponse, parseTaskResponse, type ResponseContext } from '../wire/parseTask';
import { asAsked, isAnswerAbout } from '../wire/taskIdMatching';
import { isFailedAnswer } from './failedAnswers';
import type { Exchange } from './httpTransport';
import type { RawResponse, RequestDescription } from './responseErrors';

/** The answer to `GET /suno/fetch/{id}` as the task asked for; throws GatewayError. */
export async function readSingleAnswer(exchange: Exchange, request: RequestDescription, taskId: string, now: Date): Promise<Task> {
  const { response } = exchange;
  if (isFailedAnswer(response)) {
    const failure = (await import('./responseErrors')).errorForResponse(response, request, exchange.retryAfter, now);
    if (failure) throw failure;
  }
  const task = await parsed(() => parseTaskResponse(response.body, responseContext(request, response, now)), request, response);
  if (!isAnswerAbout(taskId, task.id)) throw (await import('./responseErrors')).otherTaskError(request, response, task.id);
  return asAsked(task, taskId);
}

/** The rows of a batch answer whose status said nothing was wrong; throws GatewayError. */
export async function readBatchRows(response: RawResponse, request: RequestDescription, now: Date): Promise<Task[]> {
  return parsed(() => parseBatchResponse(response.body, responseContext(request, response, now)), request, response);
}

function responseContext(request: RequestDescription, response: RawResponse, now: Date): ResponseContext {
  return {
    baseUrl: request.baseUrl,
    url: response.url,
    httpStatus: response.httpStatus,
    contentType: response.contentType,
    fetchedAt: now.toISOString(),
  };
}

async function parsed<T>(run: () => T, request: RequestDescription, response: RawResponse): Promise<T> {
  try {
    return run();
  } catch (error) {
    if (isGatewayError(error)) throw (await import('./responseErrors')).explainParseError(error, request, response);
    // The parser promises GatewayErrors only; anything else is a bug there, reported as such.
    throw new GatewayError(
      'bad_response',
      `${request.method} ${request.url} answered with something the parser could not read: ${String(error)}`,
      { url: request.url, httpStatus: response.httpStatus, gatewayMessage: gatewayMessageOf(response.body), cause: error },
    );
  }
}
