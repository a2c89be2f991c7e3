// A gateway as the poller sees it, whose every answer the test decides: a function from the ids
// asked for to a per-id map, or one error for the whole request. It records when each request
// arrived, on the test's clock.
import type { Clock } from '../../../src/core/clock';
import { GatewayError } from '../../../src/core/gatewayError';
import type { Task } from '../../../src/core/task/model';
import type { PollingClient } from '../../../src/core/polling/poller';

export type ScriptedAnswer = Map<string, Task | GatewayError> | GatewayError;

export interface RecordedRequest {
  readonly at: number;
  readonly ids: readonly string[];
}

export class ScriptedPollingClient implements PollingClient {
  readonly requests: RecordedRequest[] = [];

  constructor(
    readonly baseUrl: string,
    private readonly clock: Clock,
    public answer: (ids: readonly string[]) => ScriptedAnswer,
  ) {}

  fetchTasks(ids: readonly string[]): Promise<Map<string, Task | GatewayError>> {
    this.requests.push({ at: this.clock.now(), ids: [...ids] });
    const answer = this.answer(ids);
    return answer instanceof GatewayError ? Promise.reject(answer) : Promise.resolve(answer);
  }
}

/** The shortest gap between two consecutive requests, or Infinity with fewer than two. */
export function shortestGap(requests: readonly RecordedRequest[]): number {
  let shortest = Infinity;
  for (let i = 1; i < requests.length; i++) shortest = Math.min(shortest, requests[i]!.at - requests[i - 1]!.at);
  return shortest;
}
