/**
 * The soak: two local gateways, two "windows" (a task store and a poller each, over one shared
 * storage), hundreds of poll rounds on an injected clock, and a third or more of the answers
 * faulty in every way the local gateway can misbehave. It measures what must never happen: tasks
 * lost or invented, a gateway polled twice within the minimum interval, a task announced finished
 * twice, a promise rejected with nobody listening. Each gateway holds at most 100 tasks, so a round
 * is one batch request and the request figures must read 1 too (a gateway that refused a batch as
 * too large, HTTP 413, would get several smaller ones per round; the soak sends no 413).
 *
 * Time is a manual clock: the poller's waits (intervals, backoff, Retry-After of an hour) pass in
 * no real time, while the HTTP exchanges with the gateways are real. The clock stands still
 * while a request is out, so the gateways' request log reads in the poller's time.
 *
 * `npm run soak` runs it at full size (scripts/soak.js); test/unit/soak.test.ts runs a small one.
 */

import { BatchSupportMemory, GatewayClient } from '../../src/core/gateway/gatewayClient';
import type { GatewayError } from '../../src/core/gatewayError';
import { notFetchedYet, type Task } from '../../src/core/task/model';
import type { Disposable } from '../../src/core/emitter';
import { MIN_POLL_INTERVAL_MS } from '../../src/core/polling/pollInterval';
import { Poller, type PollingClient } from '../../src/core/polling/poller';
import { PollingLeases, gatewaysWorthPolling } from '../../src/core/polling/pollingLease';
import { repeatEvery } from '../../src/core/polling/repeatEvery';
import { MemorySharedFiles } from '../../src/core/store/sharedFiles';
import { TaskStore } from '../../src/core/store/taskStore';
import { LocalGateway, type Dialect, type Fault } from '../../src/localGateway/localGateway';
import { seededRandom } from '../../src/localGateway/media';
import { ManualClock, settle } from '../unit/support/manualClock';

export interface SoakOptions {
  /** Tasks on each of the two gateways; at most 100, so that one round is one batch request. */
  readonly tasksPerGateway: number;
  /** Poll rounds to run, over both gateways. */
  readonly rounds: number;
  /** The share of rounds that get a faulty answer, in [0, 1]. */
  readonly faultRate: number;
  /** Seeds every random choice, so a run can be repeated. */
  readonly seed: number;
  /** The client's timeout per request, in real ms; a stall lasts a little longer. */
  readonly clientTimeoutMs: number;
  /** Real time after which the soak stops wherever it is (and says so). */
  readonly maxRealMs: number;
  /**
   * Tasks tracked while the soak runs, in alternate windows and on alternate gateways, whichever
   * window polls that gateway: the poller must come to see them, and no write may erase them. They
   * count against the 100 tasks per gateway.
   */
  readonly tasksAddedDuringRun: number;
}

export const FULL_SOAK: SoakOptions = {
  tasksPerGateway: 90,
  rounds: 600,
  faultRate: 0.35,
  seed: 7,
  clientTimeoutMs: 500,
  maxRealMs: 5 * 60 * 1000,
  tasksAddedDuringRun: 20,
};

export interface SoakReport {
  readonly tasks: number;
  readonly rounds: number;
  readonly roundsByGateway: readonly number[];
  readonly requestsByGateway: readonly number[];
  readonly faultyRounds: number;
  readonly faultsByKind: Readonly<Record<string, number>>;
  readonly tasksLost: number;
  readonly phantomTasks: number;
  /** The most poll rounds one gateway received within any one minimum interval (bound: 1). */
  readonly maxRoundsWithinMinInterval: number;
  /** The most requests one gateway received within any one minimum interval. */
  readonly maxRequestsWithinMinInterval: number;
  /** The most requests a gateway received per round it was polled. */
  readonly maxRequestsPerRound: number;
  readonly tasksFinished: number;
  readonly maxCompletionEventsPerTask: number;
  readonly unhandledRejections: number;
  readonly clockHours: number;
  readonly realSeconds: number;
  readonly stoppedEarly: string | null;
}

/** A named way for a gateway to misbehave, made at the moment it is used. */
interface FaultPlan {
  readonly name: string;
  readonly make: (now: number, stallMs: number) => Fault;
}

/** Every fault the local gateway can produce, and every form of Retry-After. */
export const SOAK_FAULTS: readonly FaultPlan[] = [
  { name: 'HTML 502 page', make: () => ({ kind: 'html', status: 502 }) },
  { name: 'HTML page with 200', make: () => ({ kind: 'html', status: 200 }) },
  { name: 'HTTP 500', make: () => ({ kind: 'status', status: 500 }) },
  { name: 'HTTP 503', make: () => ({ kind: 'status', status: 503 }) },
  { name: 'HTTP 504', make: () => ({ kind: 'status', status: 504 }) },
  { name: '429, Retry-After in seconds', make: () => ({ kind: 'rate_limit', retryAfter: '20' }) },
  { name: '429, Retry-After as a date', make: (now) => ({ kind: 'rate_limit', retryAfter: new Date(now + 40_000).toUTCString() }) },
  { name: '429, Retry-After huge', make: () => ({ kind: 'rate_limit', retryAfter: '99999999' }) },
  { name: '429, Retry-After in a year-9999 date', make: () => ({ kind: 'rate_limit', retryAfter: 'Fri, 31 Dec 9999 23:59:59 GMT' }) },
  { name: '429, Retry-After in milliseconds', make: () => ({ kind: 'rate_limit', retryAfter: '30000' }) },
  { name: '429, Retry-After garbage', make: () => ({ kind: 'rate_limit', retryAfter: 'soon, maybe' }) },
  { name: '429 without Retry-After', make: () => ({ kind: 'rate_limit', retryAfterSeconds: 0 }) },
  { name: 'truncated JSON', make: () => ({ kind: 'truncated' }) },
  { name: 'garbage bytes', make: () => ({ kind: 'garbage' }) },
  { name: 'another API\'s JSON', make: () => ({ kind: 'wrong_api' }) },
  { name: 'connection reset', make: () => ({ kind: 'drop' }) },
  { name: 'stall past the timeout', make: (_now, stallMs) => ({ kind: 'delay', delayMs: stallMs }) },
  { name: 'slow answer', make: () => ({ kind: 'delay', delayMs: 20 }) },
  { name: 'answer about another id', make: () => ({ kind: 'other_id' }) },
  { name: 'upper-cased ids', make: () => ({ kind: 'upper_case_ids' }) },
  { name: 'duplicate clips', make: () => ({ kind: 'duplicate_clips' }) },
  { name: 'oversized body', make: () => ({ kind: 'oversized' }) },
];

const API_KEY = 'soak-key';
const INTERVAL_MS = 15_000;
const DIALECTS: readonly Dialect[] = ['native', 'flat', 'newapi', 'goapi'];


/**
 * One VS Code window as far as polling goes, built as `activate` builds it: its own store over the
 * shared folder (synced every half interval), its own poller, and the polling leases that let one
 * window poll each gateway.
 */
interface SoakWindow {
  readonly store: TaskStore;
  readonly poller: Poller;
  close(): void;
}

async function openWindow(
  name: string,
  files: MemorySharedFiles,
  clock: ManualClock,
  random: () => number,
  clientFor: (baseUrl: string) => Promise<PollingClient | undefined>,
): Promise<SoakWindow> {
  const store = new TaskStore({ files, now: () => clock.now() });
  await store.loaded;
  const leases = new PollingLeases({
    files,
    holderId: name,
    clock,
    intervalMs: () => INTERVAL_MS,
    wanted: () => gatewaysWorthPolling(store, poller),
  });
  const poller: Poller = new Poller({ store, clientFor, intervalMs: () => INTERVAL_MS, clock, random, mayPoll: (baseUrl) => leases.holds(baseUrl) });
  const sync: Disposable = repeatEvery(clock, () => INTERVAL_MS / 2, () => store.sync());
  leases.start();
  return {
    store,
    poller,
    close: () => {
      sync.dispose();
      poller.dispose();
      leases.dispose();
      store.dispose();
    },
  };
}


/** The most entries of sorted `times` inside any window of `width`. */
function densest(times: readonly number[], width: number): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= width) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  if (options.tasksPerGateway + Math.ceil(options.tasksAddedDuringRun / 2) > 100) {
    throw new Error('At most 100 tasks per gateway: one round must be one batch request.');
  }
  const realStart = Date.now();
  const random = seededRandom(options.seed);
  const clock = new ManualClock(Date.UTC(2025, 0, 1, 12));
  const now = (): number => clock.now();
  const gateways = [await LocalGateway.start({ apiKeys: [API_KEY], now }), await LocalGateway.start({ apiKeys: [API_KEY], now })];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  const windows: SoakWindow[] = [];
  try {
    const batchSupport = new BatchSupportMemory();
    const clients = gateways.map(
      (gateway) =>
        new GatewayClient({ baseUrl: gateway.url, apiKey: API_KEY, batchSupport, timeoutMs: options.clientTimeoutMs, now: () => new Date(clock.now()) }),
    );

    // The tasks, fetched once before the soak starts, as the user tracked them.
    const files = new MemorySharedFiles();
    const seeded: Task[] = [];
    for (const [g, gateway] of gateways.entries()) {
      const ids: string[] = [];
      for (let i = 0; i < options.tasksPerGateway; i++) {
        // A few never finish, so that polling goes on for as many rounds as asked.
        const pollsPerStage = random() < 0.1 ? 0 : 1 + Math.floor(random() * 8);
        ids.push(gateway.addTask({ dialect: DIALECTS[i % DIALECTS.length], pollsPerStage, outcome: random() < 0.8 ? 'success' : 'failure' }));
      }
      const fetched = await clients[g]!.fetchTasks(ids);
      for (const id of ids) {
        const task = fetched.get(id);
        if (task === undefined || !('status' in task)) throw new Error(`The soak could not fetch task ${id} to start with.`);
        seeded.push(task);
      }
      gateway.clearRequests();
    }
    const seeding = new TaskStore({ files, now: () => clock.now() });
    await seeding.loaded;
    await seeding.upsert(seeded);
    seeding.dispose();

    // Every round goes through here: it decides the round's fault and counts it.
    const rounds = gateways.map(() => 0);
    const roundStarts: number[][] = gateways.map(() => []);
    const inFlight = new Set<Promise<unknown>>();
    const faultsByKind: Record<string, number> = {};
    let faultyRounds = 0;
    let nextFault = 0;
    const roundClient = (g: number): PollingClient => ({
      baseUrl: clients[g]!.baseUrl,
      fetchTasks: (ids: readonly string[]): Promise<Map<string, Task | GatewayError>> => {
        rounds[g]!++;
        roundStarts[g]!.push(clock.now());
        if (random() < options.faultRate) {
          // In turn, so that every kind comes up however short the run.
          const plan = SOAK_FAULTS[nextFault++ % SOAK_FAULTS.length]!;
          gateways[g]!.setFault({ ...plan.make(clock.now(), options.clientTimeoutMs + 200), count: 1 });
          faultsByKind[plan.name] = (faultsByKind[plan.name] ?? 0) + 1;
          faultyRounds++;
        }
        const request = clients[g]!.fetchTasks(ids);
        inFlight.add(request);
        void request.then(
          () => inFlight.delete(request),
          () => inFlight.delete(request),
        );
        return request;
      },
    });
    const clientFor = (baseUrl: string): Promise<PollingClient | undefined> => {
      const g = gateways.findIndex((gateway) => gateway.url === baseUrl);
      return Promise.resolve(g === -1 ? undefined : roundClient(g));
    };

    // Two windows; the polling leases decide which one polls each gateway.
    for (let w = 0; w < 2; w++) windows.push(await openWindow(`window-${w}`, files, clock, random, clientFor));
    const completions = new Map<string, number>();
    for (const window of windows) {
      window.poller.onDidUpdate((update) => {
        for (const task of update.finished) completions.set(task.id, (completions.get(task.id) ?? 0) + 1);
      });
      window.poller.start();
    }

    let stoppedEarly: string | null = null;
    const totalRounds = (): number => rounds.reduce((sum, count) => sum + count, 0);
    const tracked = new Set(seeded.map((task) => task.id));
    let added = 0;
    // Spread the additions over the first half of the run, so that they get polled to the end.
    const addEvery = Math.max(1, Math.floor(options.rounds / 2 / Math.max(1, options.tasksAddedDuringRun)));
    while (totalRounds() < options.rounds) {
      if (added < options.tasksAddedDuringRun && totalRounds() >= (added + 1) * addEvery) {
        const w = added % 2;
        const gateway = gateways[1 - w]!;
        const id = gateway.addTask({ dialect: 'native', pollsPerStage: 1 + Math.floor(random() * 4) });
        tracked.add(id);
        added++;
        await windows[w]!.store.upsert([notFetchedYet(id, gateway.url)]);
      }
      if (Date.now() - realStart > options.maxRealMs) {
        stoppedEarly = `stopped after ${Math.round(options.maxRealMs / 1000)} s of real time`;
        break;
      }
      if (clock.pendingTimers() === 0) {
        stoppedEarly = 'nothing left to poll';
        break;
      }
      await clock.runNext();
      // The clock stands still while requests are out; then the poller books their results.
      while (inFlight.size > 0) {
        await Promise.allSettled([...inFlight]);
        await settle();
      }
    }
    for (const window of windows) await window.store.sync();
    for (const window of windows) window.poller.dispose();
    await settle();

    const seededIds = tracked;
    const reopened = new TaskStore({ files, now: () => clock.now() });
    await reopened.loaded;
    const stores = [...windows.map((window) => window.store), reopened];
    const lost = new Set<string>();
    const phantoms = new Set<string>();
    for (const store of stores) {
      const ids = new Set(store.all().map((task) => task.id));
      for (const id of seededIds) if (!ids.has(id)) lost.add(id);
      for (const id of ids) if (!seededIds.has(id)) phantoms.add(id);
    }
    const requests = gateways.map((gateway) => gateway.requests);
    return {
      tasks: tracked.size,
      rounds: totalRounds(),
      roundsByGateway: rounds,
      requestsByGateway: requests.map((list) => list.length),
      faultyRounds,
      faultsByKind,
      tasksLost: lost.size,
      phantomTasks: phantoms.size,
      maxRoundsWithinMinInterval: Math.max(...roundStarts.map((starts) => densest(starts, MIN_POLL_INTERVAL_MS))),
      maxRequestsWithinMinInterval: Math.max(...requests.map((list) => densest(list.map((request) => request.at), MIN_POLL_INTERVAL_MS))),
      maxRequestsPerRound: Math.max(...requests.map((list, g) => (rounds[g] === 0 ? 0 : list.length / rounds[g]!))),
      tasksFinished: completions.size,
      maxCompletionEventsPerTask: Math.max(0, ...completions.values()),
      unhandledRejections: rejections.length,
      clockHours: (clock.now() - Date.UTC(2025, 0, 1, 12)) / 3_600_000,
      realSeconds: (Date.now() - realStart) / 1000,
      stoppedEarly,
    };
  } finally {
    for (const window of windows) {
      window.close();
    }
    await Promise.all(gateways.map((gateway) => gateway.close()));
    process.off('unhandledRejection', onRejection);
  }
}

/** Each figure that breaks its bound, in a sentence; empty when the soak passed. */
export function soakViolations(report: SoakReport, options: SoakOptions): string[] {
  const violations: string[] = [];
  if (report.stoppedEarly !== null) violations.push(`The soak ${report.stoppedEarly}, after ${report.rounds} of ${options.rounds} rounds.`);
  if (report.tasksLost !== 0) violations.push(`${report.tasksLost} tasks were lost.`);
  if (report.phantomTasks !== 0) violations.push(`${report.phantomTasks} tasks nobody tracked appeared.`);
  if (report.maxRoundsWithinMinInterval > 1) {
    violations.push(`A gateway was polled ${report.maxRoundsWithinMinInterval} times within ${MIN_POLL_INTERVAL_MS} ms.`);
  }
  if (report.maxRequestsWithinMinInterval > 1) {
    violations.push(`A gateway received ${report.maxRequestsWithinMinInterval} requests within ${MIN_POLL_INTERVAL_MS} ms.`);
  }
  if (report.maxCompletionEventsPerTask > 1) violations.push(`A task was announced finished ${report.maxCompletionEventsPerTask} times.`);
  if (report.unhandledRejections !== 0) violations.push(`${report.unhandledRejections} promise rejections went unhandled.`);
  if (report.rounds > 0 && report.faultyRounds / report.rounds < options.faultRate * 0.8) {
    violations.push(`Only ${report.faultyRounds} of ${report.rounds} rounds were faulty.`);
  }
  return violations;
}

/** The report as the lines `npm run soak` prints. */
export function formatSoakReport(report: SoakReport): string[] {
  const percent = report.rounds === 0 ? 0 : Math.round((100 * report.faultyRounds) / report.rounds);
  const perRound = report.requestsByGateway.map((count, g) => (report.roundsByGateway[g] === 0 ? '-' : (count / report.roundsByGateway[g]!).toFixed(2)));
  const rows: [string, string][] = [
    ['poll rounds', `${report.rounds} (${report.roundsByGateway.join(' + ')}) over ${report.clockHours.toFixed(1)} h of clock time`],
    ['faulty answers', `${report.faultyRounds} (${percent} %), ${Object.keys(report.faultsByKind).length} kinds`],
    ['tasks lost', String(report.tasksLost)],
    ['tasks nobody tracked', String(report.phantomTasks)],
    [`most poll rounds to a gateway in ${MIN_POLL_INTERVAL_MS / 1000} s`, String(report.maxRoundsWithinMinInterval)],
    [`most requests to a gateway in ${MIN_POLL_INTERVAL_MS / 1000} s`, String(report.maxRequestsWithinMinInterval)],
    ['requests per gateway per round', perRound.join(', ')],
    ['completion events per task (at most)', `${report.maxCompletionEventsPerTask} (${report.tasksFinished} tasks finished)`],
    ['unhandled rejections', String(report.unhandledRejections)],
    ['real time', `${report.realSeconds.toFixed(1)} s`],
  ];
  return [
    `Soak: ${report.tasks} tasks on 2 local gateways, 2 windows sharing one storage`,
    ...rows.map(([label, value]) => `  ${label.padEnd(40)} ${value}`),
  ];
}
