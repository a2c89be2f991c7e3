// Property test of the poller: random sequences of gateway answers (statuses, bodies, Retry-After
// in every form, slow answers, bugs), user actions and elapsed time, on the manual clock. Whatever
// happens, the poller keeps its promises about time, tasks and events.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_TIMER_DELAY_MS, type Clock } from '../../src/core/clock';
import { GatewayError } from '../../src/core/gatewayError';
import { MemorySharedFiles } from '../../src/core/store/sharedFiles';
import type { Task, TaskStatus } from '../../src/core/task/model';
import { MIN_POLL_INTERVAL_MS } from '../../src/core/polling/pollInterval';
import { Poller, type PollingClient } from '../../src/core/polling/poller';
import { errorForResponse } from '../../src/core/gateway/responseErrors';
import { MAX_RETRY_AFTER_MS } from '../../src/core/gateway/retryAfter';
import { TaskStore } from '../../src/core/store/taskStore';
import { ManualClock } from './support/manualClock';
import { buildTask } from './support/taskBuilders';

const RUNS = 150;
const GATEWAYS = ['https://a.example', 'https://b.example'] as const;
const clock0 = Date.UTC(2025, 0, 1, 12);

type Answer =
  | { kind: 'tasks'; statuses: TaskStatus[]; notFound: boolean[]; phantom: boolean; perTaskRetryAfter: string | null }
  | { kind: 'http'; status: number; body: string; retryAfter: string | null }
  | { kind: 'bug' };

interface Exchange {
  readonly answer: Answer;
  /** How long the gateway takes to answer, in clock ms. */
  readonly delayMs: number;
}

type Action =
  | { kind: 'advance'; ms: number }
  | { kind: 'pollNow'; gateway: number | null }
  | { kind: 'resume'; gateway: number }
  | { kind: 'track'; gateway: number }
  | { kind: 'untrack'; index: number }
  /** Someone else (another window, a refresh) stores a tracked task as running again. */
  | { kind: 'reopen'; index: number };

const retryAfter: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom('0', '1', '30', '1.5', '3599', '99999999', '3000000', '30000', '-5', 'soon', '1e9', '12 apples', ''),
  fc.integer({ min: -10, max: 10_000_000 }).map(String),
  fc.integer({ min: -3600, max: 3 * 3600 }).map((seconds) => new Date(clock0 + seconds * 1000).toUTCString()),
  fc.constant('Fri, 31 Dec 9999 23:59:59 GMT'),
  fc.string({ maxLength: 12 }),
);

const htmlPage = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
const httpAnswer: fc.Arbitrary<Answer> = fc.record({
  kind: fc.constant('http' as const),
  status: fc.constantFrom(200, 401, 403, 404, 408, 413, 429, 429, 429, 500, 502, 503),
  body: fc.constantFrom(
    '{"error":{"message":"当前分组上游负载已饱和","code":"rate_limit_exceeded"}}',
    '{"code":"task_not_exist","message":"task_not_exist","data":null}',
    '{"code":"get_task_failed","message":"upstream","data":null}',
    htmlPage,
    '\u0000\u0001 PK garbage }{',
    '{"code":"success","data":[{"task_id":',
    '',
  ),
  retryAfter,
});

const answer: fc.Arbitrary<Answer> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('tasks' as const),
      statuses: fc.array(fc.constantFrom<TaskStatus>('running', 'running', 'pending', 'succeeded', 'failed'), { minLength: 8, maxLength: 8 }),
      notFound: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      phantom: fc.boolean(),
      perTaskRetryAfter: fc.oneof(fc.constant(null), retryAfter),
    }),
  },
  { weight: 3, arbitrary: httpAnswer },
  { weight: 1, arbitrary: fc.constant<Answer>({ kind: 'bug' }) },
);

const exchange: fc.Arbitrary<Exchange> = fc.record({
  answer,
  delayMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40_000 })),
});

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 2 * 3600 * 1000 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pollNow' as const), gateway: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resume' as const), gateway: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('track' as const), gateway: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('untrack' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), index: fc.nat() }) },
);

function task(id: string, baseUrl: string, status: TaskStatus, fetchedAt: string): Task {
  return buildTask({ id, baseUrl, status, rawStatus: status.toUpperCase(), progress: status === 'succeeded' ? 100 : null, clips: [], fetchedAt });
}

interface Request {
  readonly at: number;
  /** True when `pollNow` for this gateway was called at this very moment: the user's refresh. */
  readonly explicit: boolean;
  /** True when an earlier answer's Retry-After (capped at an hour) had not passed yet. */
  readonly insideRetryAfter: boolean;
}

/** A gateway that plays the scripted exchanges in turn (then the last one again). */
class ScriptedGateway implements PollingClient {
  readonly requests: Request[] = [];
  /** Clock time before which the gateway asked not to be called, per its Retry-After answers. */
  notBefore = 0;
  private next = 0;

  constructor(
    readonly baseUrl: string,
    private readonly clock: ManualClock,
    private readonly script: readonly Exchange[],
    private readonly explicitAt: Set<number>,
  ) {}

  async fetchTasks(ids: readonly string[]): Promise<Map<string, Task | GatewayError>> {
    const at = this.clock.now();
    this.requests.push({ at, explicit: this.explicitAt.has(at), insideRetryAfter: at < this.notBefore });
    const { answer, delayMs } = this.script[Math.min(this.next++, this.script.length - 1)]!;
    if (delayMs > 0) await new Promise<void>((resolve) => this.clock.setTimeout(resolve, delayMs));
    const answeredAt = new Date(this.clock.now());
    const request = { method: 'POST' as const, url: `${this.baseUrl}/suno/fetch`, baseUrl: this.baseUrl, ids };
    const noteRetryAfter = (error: GatewayError): GatewayError => {
      if (error.kind === 'rate_limited' && error.retryAfterMs !== null) {
        this.notBefore = Math.max(this.notBefore, answeredAt.getTime() + Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS));
      }
      return error;
    };
    if (answer.kind === 'bug') throw new TypeError('Cannot read properties of undefined');
    if (answer.kind === 'http') {
      const response = { url: request.url, httpStatus: answer.status, contentType: 'application/json', body: answer.body };
      throw noteRetryAfter(
        errorForResponse(response, request, answer.retryAfter, answeredAt) ?? new GatewayError('bad_response', 'the parser could not read it'),
      );
    }
    const results = new Map<string, Task | GatewayError>();
    ids.forEach((id, i) => {
      if (answer.notFound[i % 8]) results.set(id, new GatewayError('not_found', `task_not_exist: ${id}`));
      else if (answer.perTaskRetryAfter !== null && i === 1) {
        const limited = errorForResponse(
          { url: request.url, httpStatus: 429, contentType: null, body: '' },
          { ...request, ids: [id] },
          answer.perTaskRetryAfter,
          answeredAt,
        ) as GatewayError;
        results.set(id, noteRetryAfter(limited));
      } else results.set(id, task(id, this.baseUrl, answer.statuses[i % 8]!, answeredAt.toISOString()));
    });
    // Answers about ids nobody asked for must not become tracked tasks.
    if (answer.phantom) results.set('phantom', task('phantom', this.baseUrl, 'succeeded', answeredAt.toISOString()));
    return results;
  }
}

async function runScenario(scripts: readonly (readonly Exchange[])[], initial: readonly number[], actions: readonly Action[]): Promise<void> {
  const clock = new ManualClock(clock0);
  const pollerDelays: number[] = [];
  const pollerClock: Clock = {
    now: () => clock.now(),
    setTimeout: (callback, ms) => (pollerDelays.push(ms), clock.setTimeout(callback, ms)),
    clearTimeout: (handle) => clock.clearTimeout(handle),
  };
  const explicitAt = GATEWAYS.map(() => new Set<number>());
  const gateways = GATEWAYS.map((baseUrl, i) => new ScriptedGateway(baseUrl, clock, scripts[i]!, explicitAt[i]!));
  const store = new TaskStore({ files: new MemorySharedFiles() });
  const poller = new Poller({
    store,
    clientFor: (baseUrl) => Promise.resolve(gateways.find((gateway) => gateway.baseUrl === baseUrl)),
    intervalMs: () => 15_000,
    clock: pollerClock,
    random: () => 0.5,
  });
  const finishedCount = new Map<string, number>();
  poller.onDidUpdate((update) => {
    for (const finished of update.finished) finishedCount.set(finished.id, (finishedCount.get(finished.id) ?? 0) + 1);
  });
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);
  process.on('unhandledRejection', onRejection);

  const tracked = new Set<string>();
  let nextId = 0;
  const track = async (gateway: number): Promise<void> => {
    const id = `t${nextId++}`;
    tracked.add(id);
    await store.upsert([task(id, GATEWAYS[gateway]!, 'running', new Date(clock0 - 3600_000).toISOString())]);
  };
  try {
    for (const gateway of initial) await track(gateway);
    poller.start();
    for (const step of actions) {
      if (step.kind === 'advance') await clock.advance(step.ms);
      else if (step.kind === 'pollNow') {
        for (const i of step.gateway === null ? [0, 1] : [step.gateway]) explicitAt[i]!.add(clock.now());
        void poller.pollNow(step.gateway === null ? undefined : GATEWAYS[step.gateway]);
        await clock.flush();
      } else if (step.kind === 'resume') poller.resumeGateway(GATEWAYS[step.gateway]!);
      else if (step.kind === 'track') await track(step.gateway);
      else if (step.kind === 'reopen' && tracked.size > 0) {
        const current = store.get([...tracked][step.index % tracked.size]!);
        if (current !== undefined) await store.upsert([{ ...current, status: 'running', rawStatus: 'RUNNING', progress: null }]);
      } else if (step.kind === 'untrack' && tracked.size > 0) {
        const id = [...tracked][step.index % tracked.size]!;
        tracked.delete(id);
        finishedCount.delete(id);
        await store.remove([id]);
      }
    }
    await clock.advance(3 * 3600 * 1000);
  } finally {
    poller.dispose();
    await clock.flush();
    process.off('unhandledRejection', onRejection);
  }

  for (const [i, gateway] of gateways.entries()) {
    const requests = gateway.requests;
    assert.deepEqual(requests.filter((request) => request.insideRetryAfter), [], `gateway ${i}: Retry-After honoured`);
    for (let k = 1; k < requests.length; k++) {
      if (requests[k]!.explicit) continue;
      const gap = requests[k]!.at - requests[k - 1]!.at;
      assert.ok(gap >= MIN_POLL_INTERVAL_MS, `gateway ${i}: requests ${k - 1} and ${k} only ${gap} ms apart`);
    }
  }
  for (const delay of pollerDelays) {
    assert.ok(Number.isFinite(delay) && delay >= 0 && delay <= MAX_TIMER_DELAY_MS, `timer delay ${delay}`);
    assert.ok(delay <= MAX_RETRY_AFTER_MS, `timer delay ${delay} beyond the one-hour cap`);
  }
  assert.deepEqual(rejections, []);
  const stored = new Set(store.all().map((t) => t.id));
  for (const id of tracked) assert.ok(stored.has(id), `task ${id} is still tracked`);
  assert.ok(!stored.has('phantom'), 'no phantom task');
  for (const [id, count] of finishedCount) assert.ok(count <= 1, `task ${id} reported finished ${count} times`);
}

describe('Poller (property)', function () {
  this.timeout(120_000);

  it('keeps its promises whatever the gateways answer and whenever', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(exchange, { minLength: 1, maxLength: 30 }), { minLength: 2, maxLength: 2 }),
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 8 }),
        fc.array(action, { maxLength: 40 }),
        runScenario,
      ),
      { numRuns: RUNS },
    );
  });
});
