/**
 * Talks to one Suno gateway: fetches one task, or many in one batch request, and turns every
 * way that can go wrong into a `GatewayError` the user can act on.
 *
 * Built on the global `fetch` (injectable) and free of Node imports, so the same code runs in
 * the extension host, the CLI and a browser worker. The API key travels only in the
 * `Authorization` header and is blanked out of anything the client reports.
 */

import { BATCH_ROUTES, BatchSupportMemory, MAX_BATCH_IDS, sharedBatchSupport, type BatchRoute } from './batchSupportMemory';
import { normaliseBaseUrl } from './baseUrl';
import { GatewayError, isGatewayError } from '../gatewayError';
import { explainIdProblem } from '../task/idRules';
import type { Task } from '../task/model';
import { parseBatchResponse, parseTaskResponse, type ResponseContext } from '../wire/parseTask';
import { redactKey, redactKeyInError } from './redaction';
import {
  errorForResponse,
  explainParseError,
  isRequestTooLarge,
  networkError,
  notFoundError,
  otherTaskError,
  timeoutError,
  type RawResponse,
  type RequestDescription,
} from './responseErrors';
import { gatewayMessageOf, isTaskNotExist } from '../wire/answerBody';
import { asAsked, bindBatchAnswer, isAnswerAbout } from '../wire/taskIdMatching';

export { BatchSupportMemory } from './batchSupportMemory';

/** One HTTP request, for the extension's log channel. Never carries the key. */
export interface RequestLogEntry {
  method: 'GET' | 'POST';
  url: string;
  /** Null when no answer arrived (network failure, timeout). */
  httpStatus: number | null;
  durationMs: number;
  /** The message of the error this request ended in, or null. */
  error: string | null;
}

export interface GatewayClientOptions {
  baseUrl: string;
  apiKey: string | undefined;
  fetch?: typeof globalThis.fetch;
  /** Per request, covering the answer's body too. Default 30 000. */
  timeoutMs?: number;
  now?: () => Date;
  onRequest?: (entry: RequestLogEntry) => void;
  /** Which batch route each gateway supports; defaults to one memory shared by the process. */
  batchSupport?: BatchSupportMemory;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** A batch answer for thousands of tasks fits; a file download behind a wrong base URL does not. */
const MAX_BODY_BYTES = 10_000_000;
const TOO_LARGE = Symbol('too large');

/** Checks one task id against the id rules and returns it trimmed; throws GatewayError('invalid_input'). */
export function checkTaskId(id: string): string {
  const trimmed = typeof id === 'string' ? id.trim() : '';
  const problem = explainIdProblem(trimmed);
  if (problem !== null) throw new GatewayError('invalid_input', problem);
  return trimmed;
}

/** What the batch route attempt learnt. */
type BatchOutcome = { kind: 'tasks'; tasks: Task[] } | { kind: 'no_route' } | { kind: 'not_found' } | { kind: 'too_large' };

/** Answers gathered in a round, and the failure that ended it early, if one did. */
interface PartialRound {
  readonly results: Map<string, Task | GatewayError>;
  readonly stoppedBy: GatewayError | null;
}

interface Exchange {
  response: RawResponse;
  retryAfter: string | null;
  redirectedTo: string | null;
}

export class GatewayClient {
  readonly baseUrl: string;
  private readonly apiKey: string | undefined;
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly timeoutMs: number;
  private readonly now: () => Date;
  private readonly onRequest: ((entry: RequestLogEntry) => void) | undefined;
  private readonly batchSupport: BatchSupportMemory;

  constructor(options: GatewayClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    const key = options.apiKey?.trim();
    this.apiKey = key === undefined || key === '' ? undefined : key;
    // Bound so that a browser's fetch is not called with the client as `this`.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    this.fetchImpl = (input, init) => fetchImpl(input, init);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? (() => new Date());
    this.onRequest = options.onRequest;
    this.batchSupport = options.batchSupport ?? sharedBatchSupport;
  }

  /**
   * One task by id, always under the id asked for. Throws GatewayError; an answer about another
   * task is a 'bad_response' that names both ids (and carries `answeredTaskId`).
   */
  async fetchTask(id: string): Promise<Task> {
    const taskId = checkTaskId(id);
    this.requireKey();
    const request = this.describe('GET', this.singleUrl(taskId), [taskId]);
    return this.exchange(request, undefined, (exchange, described) => {
      const failure = errorForResponse(exchange.response, described, exchange.retryAfter, this.now());
      if (failure) throw failure;
      const task = this.parse(() => parseTaskResponse(exchange.response.body, this.context(exchange.response)), described, exchange.response);
      if (!isAnswerAbout(taskId, task.id)) throw otherTaskError(described, exchange.response, task.id);
      return asAsked(task, taskId);
    });
  }

  /**
   * Many tasks: in batch requests of at most 100 ids where the gateway has a batch route, else one
   * by one. One entry per distinct id: the Task (under the id asked for), or a GatewayError for
   * that id alone ('invalid_input'; 'not_found' when the gateway left it out; 'bad_response' when
   * it answered about another task). A failure of the whole exchange (auth, network, 5xx, 429…)
   * throws when nothing was fetched yet; once some tasks are in, they are kept and the ids not
   * asked yet get that error instead.
   */
  async fetchTasks(ids: readonly string[]): Promise<Map<string, Task | GatewayError>> {
    // Each id as given → its trimmed form, or why it is not an id.
    const checked = new Map<string, string | GatewayError>();
    for (const id of ids) {
      if (checked.has(id)) continue;
      try {
        checked.set(id, checkTaskId(id));
      } catch (error) {
        checked.set(id, error as GatewayError);
      }
    }
    const taskIds = [...new Set([...checked.values()].filter((value): value is string => typeof value === 'string'))];
    let found = new Map<string, Task | GatewayError>();
    if (taskIds.length > 0) {
      this.requireKey();
      found = taskIds.length === 1 ? await this.fetchAllOneByOne(taskIds) : await this.fetchInBatches(taskIds);
    }
    const result = new Map<string, Task | GatewayError>();
    for (const [id, value] of checked) {
      const entry = typeof value === 'string' ? found.get(value) : value;
      if (entry !== undefined) result.set(id, entry);
    }
    return result;
  }

  /** The gateway's answer to `GET /suno/fetch/{id}`, whatever it is. Throws only when none arrived. */
  async fetchRaw(id: string): Promise<RawResponse> {
    const taskId = checkTaskId(id);
    this.requireKey();
    const request = this.describe('GET', this.singleUrl(taskId), [taskId]);
    return this.exchange(request, undefined, (exchange) => exchange.response);
  }

  /**
   * The gateway's answer to the batch request, whatever it is. Tries the remembered batch route,
   * else `/suno/fetch` and then `/suno/submit/fetch` when the first has no such route.
   */
  async fetchRawBatch(ids: readonly string[]): Promise<RawResponse> {
    const taskIds = [...new Set(ids.map((id) => checkTaskId(id)))];
    if (taskIds.length > MAX_BATCH_IDS) {
      throw new GatewayError('invalid_input', `One batch request carries at most ${MAX_BATCH_IDS} ids, not ${taskIds.length}.`);
    }
    this.requireKey();
    const remembered = this.batchSupport.routeFor(this.baseUrl);
    const routes = remembered === undefined ? BATCH_ROUTES : [remembered];
    let last: RawResponse | undefined;
    for (const route of routes) {
      const request = this.describe('POST', `${this.baseUrl}${route}`, taskIds);
      last = await this.exchange(request, JSON.stringify({ ids: taskIds }), (exchange) => exchange.response);
      if (!isMissingRoute(last)) return last;
    }
    return last as RawResponse;
  }

  /**
   * Batches of at most the gateway's batch size, one after the other. A gateway that says a batch
   * is too large gets half the ids, again and again, remembered for the next rounds.
   */
  private async fetchInBatches(taskIds: string[]): Promise<Map<string, Task | GatewayError>> {
    const results = new Map<string, Task | GatewayError>();
    let pending = taskIds;
    while (pending.length > 0) {
      if (this.batchSupport.isUnsupported(this.baseUrl)) return merge(results, await this.oneByOneKeepingResults(pending, results));
      const batch = pending.slice(0, this.batchSupport.batchSizeFor(this.baseUrl));
      let round: PartialRound | 'too_large';
      try {
        round = await this.fetchBatch(batch);
      } catch (error) {
        return merge(results, this.keepWhatWasFetched(results, pending, error));
      }
      if (round === 'too_large') {
        // Too large for one id is no size problem: ask the way a gateway without batches is asked.
        if (batch.length === 1) this.batchSupport.markUnsupported(this.baseUrl);
        else this.batchSupport.markTooLarge(this.baseUrl, batch.length);
        continue;
      }
      merge(results, round.results);
      if (round.stoppedBy !== null) {
        if (results.size === 0) throw round.stoppedBy;
        for (const id of pending) if (!results.has(id)) results.set(id, round.stoppedBy);
        return results;
      }
      pending = pending.slice(batch.length);
    }
    return results;
  }

  /** One batch, trying the remembered route first. Throws what the whole request failed with. */
  private async fetchBatch(taskIds: string[]): Promise<PartialRound | 'too_large'> {
    const remembered = this.batchSupport.routeFor(this.baseUrl);
    const routes = remembered === undefined ? BATCH_ROUTES : [remembered, ...BATCH_ROUTES.filter((route) => route !== remembered)];
    for (const route of routes) {
      const outcome = await this.tryBatchRoute(route, taskIds);
      if (outcome.kind === 'too_large') {
        this.batchSupport.markRoute(this.baseUrl, route);
        return 'too_large';
      }
      if (outcome.kind === 'tasks') {
        this.batchSupport.markRoute(this.baseUrl, route);
        return { results: this.matchBatch(outcome.tasks, taskIds, route), stoppedBy: null };
      }
      if (outcome.kind === 'not_found') {
        // A gateway that refuses the whole batch for one unknown id: ask one by one this time to
        // learn which ids are unknown, but keep the route.
        this.batchSupport.markRoute(this.baseUrl, route);
        return this.fetchOneByOne(taskIds);
      }
    }
    this.batchSupport.markUnsupported(this.baseUrl);
    return this.fetchOneByOne(taskIds);
  }

  private async tryBatchRoute(route: BatchRoute, taskIds: string[]): Promise<BatchOutcome> {
    const request = this.describe('POST', `${this.baseUrl}${route}`, taskIds);
    return this.exchange(request, JSON.stringify({ ids: taskIds }), (exchange, described): BatchOutcome => {
      const { response } = exchange;
      if (isRequestTooLarge(response)) return { kind: 'too_large' };
      if (isMissingRoute(response)) return { kind: 'no_route' };
      const failure = errorForResponse(response, described, exchange.retryAfter, this.now());
      if (failure) {
        if (failure.kind === 'not_found') return { kind: 'not_found' };
        throw failure;
      }
      try {
        return { kind: 'tasks', tasks: this.parse(() => parseBatchResponse(response.body, this.context(response)), described, response) };
      } catch (error) {
        if (isGatewayError(error) && error.kind === 'not_found') return { kind: 'not_found' };
        throw error;
      }
    });
  }

  /** Each asked id with its row (see taskIdMatching.ts), or 'not_found' when the gateway left it out. */
  private matchBatch(tasks: Task[], taskIds: string[], route: BatchRoute): Map<string, Task | GatewayError> {
    const bound = bindBatchAnswer(taskIds, tasks);
    const result = new Map<string, Task | GatewayError>();
    for (const taskId of taskIds) {
      result.set(taskId, bound.get(taskId) ?? notFoundError(this.describe('POST', `${this.baseUrl}${route}`, [taskId]), null, null));
    }
    return result;
  }

  /** Single fetches for every id: throws when the first exchange fails, else keeps what came in. */
  private async fetchAllOneByOne(taskIds: string[]): Promise<Map<string, Task | GatewayError>> {
    return this.oneByOneKeepingResults(taskIds, new Map());
  }

  /** Single fetches for `taskIds`, after `earlier` results of the same round. */
  private async oneByOneKeepingResults(
    taskIds: string[],
    earlier: ReadonlyMap<string, Task | GatewayError>,
  ): Promise<Map<string, Task | GatewayError>> {
    const round = await this.fetchOneByOne(taskIds);
    if (round.stoppedBy === null) return round.results;
    if (round.results.size === 0 && earlier.size === 0) throw round.stoppedBy;
    for (const id of taskIds) if (!round.results.has(id)) round.results.set(id, round.stoppedBy);
    return round.results;
  }

  /**
   * Single fetches in turn, starting where the last round of this gateway stopped. Stops at the
   * first failure that is not about one id (a 429 must not be answered with more requests) and
   * hands back what was fetched until then.
   */
  private async fetchOneByOne(taskIds: string[]): Promise<PartialRound> {
    const order = this.batchSupport.singleFetchOrder(this.baseUrl, taskIds);
    const results = new Map<string, Task | GatewayError>();
    let stoppedBy: GatewayError | null = null;
    for (const taskId of order) {
      try {
        results.set(taskId, await this.fetchTask(taskId));
      } catch (error) {
        if (isAboutOneId(error)) {
          results.set(taskId, error);
        } else {
          stoppedBy = isGatewayError(error) ? error : this.unexpected(error);
          break;
        }
      }
    }
    this.batchSupport.noteSingleFetchRound(this.baseUrl, order, results.size);
    return { results, stoppedBy };
  }

  /** After a failed request: throw when nothing was fetched yet, else the error for every id left. */
  private keepWhatWasFetched(fetched: ReadonlyMap<string, Task | GatewayError>, left: readonly string[], error: unknown): Map<string, Task | GatewayError> {
    const failure = isGatewayError(error) ? error : this.unexpected(error);
    if (fetched.size === 0) throw failure;
    return new Map(left.map((id) => [id, failure]));
  }

  private unexpected(error: unknown): GatewayError {
    return new GatewayError('bad_response', `Fetching from ${this.baseUrl} failed unexpectedly: ${String(error)}`, { url: this.baseUrl, cause: error });
  }

  private requireKey(): void {
    if (this.apiKey === undefined) {
      throw new GatewayError('auth', `No API key is set for ${this.baseUrl}. Set the key the gateway gave you, then try again.`, {
        url: this.baseUrl,
      });
    }
    // fetch would refuse such a header with a message that quotes it: say so without the key.
    if (!/^[\x21-\x7e]+$/.test(this.apiKey)) {
      throw new GatewayError(
        'auth',
        `The API key for ${this.baseUrl} contains spaces, line breaks or non-ASCII characters, so it cannot be sent. Paste the key again — set a new key.`,
        { url: this.baseUrl },
      );
    }
  }

  private singleUrl(taskId: string): string {
    return `${this.baseUrl}/suno/fetch/${encodeURIComponent(taskId)}`;
  }

  private describe(method: 'GET' | 'POST', url: string, ids: readonly string[]): RequestDescription {
    return { method, url, baseUrl: this.baseUrl, ids, redirectedTo: null };
  }

  private context(response: RawResponse): ResponseContext {
    return {
      baseUrl: this.baseUrl,
      url: response.url,
      httpStatus: response.httpStatus,
      contentType: response.contentType,
      fetchedAt: this.now().toISOString(),
    };
  }

  private parse<T>(run: () => T, request: RequestDescription, response: RawResponse): T {
    try {
      return run();
    } catch (error) {
      if (isGatewayError(error)) throw explainParseError(error, request, response);
      // The parser promises GatewayErrors only; anything else is a bug there, reported as such.
      throw new GatewayError(
        'bad_response',
        `${request.method} ${request.url} answered with something the parser could not read: ${String(error)}`,
        { url: request.url, httpStatus: response.httpStatus, gatewayMessage: gatewayMessageOf(response.body), cause: error },
      );
    }
  }

  /**
   * Sends one request, reads the whole body under one timeout, runs `interpret` on the answer,
   * and logs the request with the error it ended in. Errors leave with the key blanked out.
   */
  private async exchange<T>(
    request: RequestDescription,
    body: string | undefined,
    interpret: (exchange: Exchange, request: RequestDescription) => T,
  ): Promise<T> {
    const started = this.now().getTime();
    let httpStatus: number | null = null;
    try {
      const exchange = await this.send(request, body, (status) => {
        httpStatus = status;
      });
      const described: RequestDescription = { ...request, redirectedTo: exchange.redirectedTo };
      const value = interpret(exchange, described);
      this.log(request, httpStatus, started, null);
      return value;
    } catch (error) {
      const failure = redactKeyInError(
        isGatewayError(error)
          ? error
          : new GatewayError('bad_response', `${request.method} ${request.url} failed unexpectedly: ${String(error)}`, {
              url: request.url,
              httpStatus,
              cause: error,
            }),
        this.apiKey,
      );
      this.log(request, httpStatus, started, failure.message);
      throw failure;
    }
  }

  private async send(request: RequestDescription, body: string | undefined, onStatus: (status: number) => void): Promise<Exchange> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    let httpStatus: number | null = null;
    try {
      const headers: Record<string, string> = {
        Accept: 'application/json',
        Authorization: `Bearer ${this.apiKey ?? ''}`,
      };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      let response: Response;
      try {
        response = await this.fetchImpl(request.url, { method: request.method, headers, body, signal: controller.signal, redirect: 'follow' });
      } catch (error) {
        throw timedOut ? timeoutError(request, this.timeoutMs, null) : networkError(error, request, 'request', null);
      }
      httpStatus = response.status;
      onStatus(response.status);
      let text: string | typeof TOO_LARGE;
      try {
        text = await readText(response, MAX_BODY_BYTES);
      } catch (error) {
        if (isGatewayError(error)) throw error;
        throw timedOut ? timeoutError(request, this.timeoutMs, httpStatus) : networkError(error, request, 'body', httpStatus);
      }
      if (text === TOO_LARGE) throw this.answerTooLarge(request, response.status);
      const finalUrl = redactKey(response.url !== '' ? response.url : request.url, this.apiKey);
      // Blanked out before anything reads the body: messages cut it, quote it and escape it, and
      // --raw prints it, and none of that may leave a piece of the key behind.
      const redactedBody = redactKey(text, this.apiKey);
      return {
        response: { url: finalUrl, httpStatus: response.status, contentType: response.headers.get('content-type'), body: redactedBody },
        retryAfter: response.headers.get('retry-after'),
        redirectedTo: response.redirected && finalUrl !== request.url ? finalUrl : null,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A body over the size cap. A batch of at most 100 tasks is a few hundred KB, so more than the
   * cap says the gateway misbehaved, not that the batch was too big: the batch size stays (only a
   * gateway that refuses the request as too large, HTTP 413, gets smaller batches). For one task,
   * no fetch answer is that big.
   */
  private answerTooLarge(request: RequestDescription, httpStatus: number): GatewayError {
    const limit = `more than ${MAX_BODY_BYTES / 1_000_000} MB`;
    if (request.method === 'POST') {
      return new GatewayError(
        'bad_response',
        `${request.method} ${request.url} answered HTTP ${httpStatus} with ${limit} for ${request.ids.length} tasks: the answer was too large to read.`,
        { url: request.url, httpStatus },
      );
    }
    return new GatewayError(
      'bad_response',
      `${request.method} ${request.url} answered HTTP ${httpStatus} with ${limit}, which is no Suno fetch answer. The base URL ${this.baseUrl} may be wrong.`,
      { url: request.url, httpStatus },
    );
  }

  private log(request: RequestDescription, httpStatus: number | null, started: number, error: string | null): void {
    if (this.onRequest === undefined) return;
    try {
      this.onRequest({
        method: request.method,
        url: redactKey(request.url, this.apiKey),
        httpStatus,
        durationMs: Math.max(0, this.now().getTime() - started),
        error: error === null ? null : redactKey(error, this.apiKey),
      });
    } catch {
      // A broken logger must not turn a good answer into a failure.
    }
  }
}

/** Errors about one id that leave the others worth asking for. */
function isAboutOneId(error: unknown): error is GatewayError {
  return isGatewayError(error) && (error.kind === 'not_found' || error.kind === 'invalid_input' || error.answeredTaskId !== null);
}

function merge(into: Map<string, Task | GatewayError>, from: ReadonlyMap<string, Task | GatewayError>): Map<string, Task | GatewayError> {
  for (const [id, value] of from) into.set(id, value);
  return into;
}

/**
 * The batch route does not exist here: 404/405/501, or a 400 that is not "no such task" (a
 * gateway that does not understand `{"ids": […]}`).
 */
function isMissingRoute(response: RawResponse): boolean {
  const status = response.httpStatus;
  if (status === 404 || status === 405 || status === 501) return !isTaskNotExist(response.body);
  if (status === 400) return !isTaskNotExist(response.body);
  return false;
}

/**
 * The body as text, reading at most `maxBytes`; TOO_LARGE beyond that (and the rest is not
 * downloaded). Streams where the platform offers it, in Node and browsers alike.
 */
async function readText(response: Response, maxBytes: number): Promise<string | typeof TOO_LARGE> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return TOO_LARGE;
  }
  if (response.body === null) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return TOO_LARGE;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
