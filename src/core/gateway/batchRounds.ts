/**
 * Fetching many tasks in one round: batch requests of at most the gateway's batch size on the
 * batch route it has (found out on first use and remembered in `BatchSupportMemory`), falling
 * back to one request per task where it has none. A round keeps what it fetched when a later
 * request fails, and never answers a 429 with more requests. Failures are told apart at once
 * (`failedAnswers.ts`); their wording (`responseErrors.ts`) is imported with the first one.
 */

import { GatewayError, isGatewayError } from '../gatewayError';
import type { Task } from '../task/model';
import { isTaskNotExist } from '../wire/answerBody';
import { bindBatchAnswer } from '../wire/taskIdMatching';
import { BATCH_ROUTES, type BatchRoute, type BatchSupportMemory } from './batchSupportMemory';
import type { HttpTransport } from './httpTransport';
import { isFailedAnswer, isRequestTooLarge } from './failedAnswers';
import type { RawResponse, RequestDescription } from './responseErrors';
import { readBatchRows } from './taskAnswers';

/** Each asked id with its task, or the error for that id alone. */
type RoundResults = Map<string, Task | GatewayError>;

/** What the batch route attempt learnt. */
type BatchOutcome = { kind: 'tasks'; tasks: Task[] } | { kind: 'no_route' } | { kind: 'not_found' } | { kind: 'too_large' };

/** Answers gathered in a round, and the failure that ended it early, if one did. */
interface PartialRound {
  readonly results: RoundResults;
  readonly stoppedBy: GatewayError | null;
}

export class BatchRounds {
  constructor(
    private readonly transport: HttpTransport,
    private readonly batchSupport: BatchSupportMemory,
    /** One task by a single fetch; throws GatewayError. */
    private readonly fetchTask: (taskId: string) => Promise<Task>,
  ) {}

  private get baseUrl(): string {
    return this.transport.baseUrl;
  }

  /**
   * Batches of at most the gateway's batch size, one after the other. A gateway that says a batch
   * is too large gets half the ids, again and again, remembered for the next rounds.
   */
  async fetchInBatches(taskIds: string[]): Promise<RoundResults> {
    const results: RoundResults = new Map();
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

  /** Single fetches for every id: throws when the first exchange fails, else keeps what came in. */
  async fetchAllOneByOne(taskIds: string[]): Promise<RoundResults> {
    return this.oneByOneKeepingResults(taskIds, new Map());
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
        return { results: await this.matchBatch(outcome.tasks, taskIds, route), stoppedBy: null };
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
    const request = batchRequest(this.baseUrl, route, taskIds);
    return this.transport.exchange(request, JSON.stringify({ ids: taskIds }), async (exchange, described): Promise<BatchOutcome> => {
      const { response } = exchange;
      if (isRequestTooLarge(response)) return { kind: 'too_large' };
      if (isMissingRoute(response)) return { kind: 'no_route' };
      const now = this.transport.currentTime();
      if (isFailedAnswer(response)) {
        const failure = (await import('./responseErrors')).errorForResponse(response, described, exchange.retryAfter, now);
        if (failure?.kind === 'not_found') return { kind: 'not_found' };
        if (failure) throw failure;
      }
      try {
        return { kind: 'tasks', tasks: await readBatchRows(response, described, now) };
      } catch (error) {
        if (isGatewayError(error) && error.kind === 'not_found') return { kind: 'not_found' };
        throw error;
      }
    });
  }

  /** Each asked id with its row (see taskIdMatching.ts), or 'not_found' when the gateway left it out. */
  private async matchBatch(tasks: Task[], taskIds: string[], route: BatchRoute): Promise<RoundResults> {
    const bound = bindBatchAnswer(taskIds, tasks);
    const result: RoundResults = new Map();
    for (const taskId of taskIds) {
      const task = bound.get(taskId);
      result.set(taskId, task ?? (await import('./responseErrors')).notFoundError(batchRequest(this.baseUrl, route, [taskId]), null, null));
    }
    return result;
  }

  /** Single fetches for `taskIds`, after `earlier` results of the same round. */
  private async oneByOneKeepingResults(taskIds: string[], earlier: ReadonlyMap<string, Task | GatewayError>): Promise<RoundResults> {
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
    const results: RoundResults = new Map();
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
  private keepWhatWasFetched(fetched: ReadonlyMap<string, Task | GatewayError>, left: readonly string[], error: unknown): RoundResults {
    const failure = isGatewayError(error) ? error : this.unexpected(error);
    if (fetched.size === 0) throw failure;
    return new Map(left.map((id) => [id, failure]));
  }

  private unexpected(error: unknown): GatewayError {
    return new GatewayError('bad_response', `Fetching from ${this.baseUrl} failed unexpectedly: ${String(error)}`, { url: this.baseUrl, cause: error });
  }
}

/** The description of a batch request on `route`, for the exchange and its messages. */
export function batchRequest(baseUrl: string, route: BatchRoute, taskIds: readonly string[]): RequestDescription {
  return { method: 'POST', url: `${baseUrl}${route}`, baseUrl, ids: taskIds, redirectedTo: null };
}

/**
 * The batch route does not exist here: 404/405/501, or a 400 that is not "no such task" (a
 * gateway that does not understand `{"ids": […]}`).
 */
export function isMissingRoute(response: RawResponse): boolean {
  const status = response.httpStatus;
  if (status === 404 || status === 405 || status === 501 || status === 400) return !isTaskNotExist(response.body);
  return false;
}

/** Errors about one id that leave the others worth asking for. */
function isAboutOneId(error: unknown): error is GatewayError {
  return isGatewayError(error) && (error.kind === 'not_found' || error.kind === 'invalid_input' || error.answeredTaskId !== null);
}

function merge(into: RoundResults, from: ReadonlyMap<string, Task | GatewayError>): RoundResults {
  for (const [id, value] of from) into.set(id, value);
  return into;
}
