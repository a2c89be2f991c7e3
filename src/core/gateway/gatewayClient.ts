/**
 * Talks to one Suno gateway: fetches one task, or many in batch requests, submits new work, and
 * turns every way that can go wrong into a `GatewayError` the user can act on.
 *
 * The protocol lives here and in the files beside it (`batchRounds.ts` for many tasks,
 * `taskAnswers.ts` for reading fetch answers, `submitTask.ts` for submits); one HTTP exchange,
 * the key and the request log live in `httpTransport.ts`. The API key travels only in the
 * `Authorization` header and is blanked out of anything the client reports.
 */

import { BatchRounds, batchRequest, isMissingRoute } from './batchRounds';
import { BATCH_ROUTES, BatchSupportMemory, MAX_BATCH_IDS, sharedBatchSupport } from './batchSupportMemory';
import { normaliseBaseUrl } from './baseUrl';
import { GatewayError } from '../gatewayError';
import { HttpTransport, type HttpTransportOptions } from './httpTransport';
import type { RawResponse, RequestDescription } from './responseErrors';
import { explainIdProblem } from '../task/idProblemText';
import type { Task } from '../task/model';
import { readSingleAnswer } from './taskAnswers';
import type { SubmitRequest } from '../wire/submitBodies';

export { BatchSupportMemory } from './batchSupportMemory';
export type { RequestLogEntry } from './httpTransport';

/** The transport's options, and the batch routes' memory. */
export interface GatewayClientOptions extends HttpTransportOptions {
  /** The base URL as configured (a trailing `/v1` or slash is fine): the client normalises it. */
  baseUrl: string;
  /** Which batch route each gateway supports; defaults to one memory shared by the process. */
  batchSupport?: BatchSupportMemory;
}

/** Checks one task id against the id rules and returns it trimmed; throws GatewayError('invalid_input'). */
export function checkTaskId(id: string): string {
  const trimmed = typeof id === 'string' ? id.trim() : '';
  const problem = explainIdProblem(trimmed);
  if (problem !== null) throw new GatewayError('invalid_input', problem);
  return trimmed;
}

export class GatewayClient {
  readonly baseUrl: string;
  private readonly transport: HttpTransport;
  private readonly batchSupport: BatchSupportMemory;
  private readonly rounds: BatchRounds;

  constructor(options: GatewayClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.transport = new HttpTransport({ ...options, baseUrl: this.baseUrl });
    this.batchSupport = options.batchSupport ?? sharedBatchSupport;
    this.rounds = new BatchRounds(this.transport, this.batchSupport, (taskId) => this.fetchTask(taskId));
  }

  /**
   * One task by id, always under the id asked for. Throws GatewayError; an answer about another
   * task is a 'bad_response' that names both ids (and carries `answeredTaskId`).
   */
  async fetchTask(id: string): Promise<Task> {
    const taskId = checkTaskId(id);
    this.transport.requireKey();
    return this.transport.exchange(this.singleRequest(taskId), undefined, (exchange, described) =>
      readSingleAnswer(exchange, described, taskId, this.transport.currentTime()),
    );
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
      this.transport.requireKey();
      found = taskIds.length === 1 ? await this.rounds.fetchAllOneByOne(taskIds) : await this.rounds.fetchInBatches(taskIds);
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
    this.transport.requireKey();
    return this.transport.exchange(this.singleRequest(taskId), undefined, (exchange) => exchange.response);
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
    this.transport.requireKey();
    const remembered = this.batchSupport.routeFor(this.baseUrl);
    const routes = remembered === undefined ? BATCH_ROUTES : [remembered];
    let last: RawResponse | undefined;
    for (const route of routes) {
      const request = batchRequest(this.baseUrl, route, taskIds);
      last = await this.transport.exchange(request, JSON.stringify({ ids: taskIds }), (exchange) => exchange.response);
      if (!isMissingRoute(last)) return last;
    }
    return last as RawResponse;
  }

  /**
   * Submits new work (a song, a continuation, lyrics) and returns the new task's id. Sent exactly
   * once: a submit costs the user credits, so nothing here or below ever repeats it. Throws
   * GatewayError; 'outcome_unknown' when the request left but its answer was lost, so the
   * gateway may have accepted it. See `submitTask.ts` for every answer.
   */
  async submit(request: SubmitRequest): Promise<string> {
    // Loaded at the first submit: tracking tasks never needs it.
    const { submitTask } = await import('./submitTask');
    return submitTask(this.transport, request);
  }

  private singleRequest(taskId: string): RequestDescription {
    return { method: 'GET', url: `${this.baseUrl}/suno/fetch/${encodeURIComponent(taskId)}`, baseUrl: this.baseUrl, ids: [taskId], redirectedTo: null };
  }
}
