// Two windows as the extension builds them — a store, a poller and the polling leases each,
// over one shared folder — polling one gateway on a manual clock.
import * as assert from 'node:assert/strict';
import type { Clock } from '../../src/core/clock';
import { GatewayError } from '../../src/core/gatewayError';
import type { Task } from '../../src/core/task/model';
import { Poller, type PollerUpdate, type PollingClient } from '../../src/core/polling/poller';
import { PollingLeases, gatewaysWorthPolling } from '../../src/core/polling/pollingLease';
import { repeatEvery } from '../../src/core/polling/repeatEvery';
import { MemorySharedFiles } from '../../src/core/store/sharedFiles';
import { TaskStore } from '../../src/core/store/taskStore';
import type { Disposable } from '../../src/core/emitter';
import { ManualClock, mortalClock } from './support/manualClock';
import { buildTask } from './support/taskBuilders';

const GATEWAY = 'https://api.gpt.ge';
const INTERVAL = 10_000;

/** The gateway: answers from its own list and remembers who asked when. */
class Gateway {
  readonly requests: { at: number; window: string; ids: string[] }[] = [];
  readonly remote = new Map<string, Task>();

  constructor(private readonly clock: Clock) {}

  clientFor(window: string): PollingClient {
    return {
      baseUrl: GATEWAY,
      fetchTasks: (ids) => {
        this.requests.push({ at: this.clock.now(), window, ids: [...ids] });
        const fetchedAt = new Date(this.clock.now()).toISOString();
        const answers = new Map<string, Task | GatewayError>();
        for (const id of ids) {
          const known = this.remote.get(id);
          answers.set(id, known ? { ...known, fetchedAt } : new GatewayError('not_found', `unknown ${id}`));
        }
        return Promise.resolve(answers);
      },
    };
  }
}


interface Window {
  readonly name: string;
  readonly store: TaskStore;
  readonly poller: Poller;
  readonly leases: PollingLeases;
  readonly finished: string[];
  readonly clock: Clock & { die(): void };
  /** The window closes: VS Code disposes what `activate` registered. */
  close(): void;
}

async function openWindow(name: string, files: MemorySharedFiles, clock: ManualClock, gateway: Gateway, hasKey = true): Promise<Window> {
  const windowClock = mortalClock(clock);
  const now = (): number => clock.now();
  const store = new TaskStore({ files, now });
  await store.loaded;
  const leases = new PollingLeases({
    files,
    holderId: name,
    clock: windowClock,
    intervalMs: () => INTERVAL,
    wanted: () => gatewaysWorthPolling(store, poller),
  });
  const poller: Poller = new Poller({
    store,
    clientFor: () => Promise.resolve(hasKey ? gateway.clientFor(name) : undefined),
    intervalMs: () => INTERVAL,
    clock: windowClock,
    random: () => 0.5,
    mayPoll: (baseUrl) => leases.holds(baseUrl),
  });
  const finished: string[] = [];
  poller.onDidUpdate((update: PollerUpdate) => finished.push(...update.finished.map((task) => task.id)));
  const sync: Disposable = repeatEvery(windowClock, () => INTERVAL / 2, () => store.sync());
  poller.start();
  leases.start();
  return {
    name,
    store,
    poller,
    leases,
    finished,
    clock: windowClock,
    close: () => {
      sync.dispose();
      poller.dispose();
      leases.dispose();
      store.dispose();
    },
  };
}

function running(id: string, now: number): Task {
  return buildTask({ id, baseUrl: GATEWAY, status: 'running', progress: 10, fetchedAt: new Date(now).toISOString() });
}

/** The most requests the gateway got within any stretch shorter than `spanMs`. */
function mostRequestsWithin(requests: readonly { at: number }[], spanMs: number): number {
  let most = 0;
  for (const first of requests) {
    most = Math.max(most, requests.filter((other) => other.at >= first.at && other.at < first.at + spanMs).length);
  }
  return most;
}

describe('Two windows sharing tasks and polling', () => {
  let clock: ManualClock;
  let files: MemorySharedFiles;
  let gateway: Gateway;
  let windows: Window[];

  beforeEach(async () => {
    clock = new ManualClock();
    files = new MemorySharedFiles();
    gateway = new Gateway(clock);
    windows = [await openWindow('left', files, clock, gateway), await openWindow('right', files, clock, gateway)];
    await clock.flush();
  });

  afterEach(() => {
    for (const window of windows) window.close();
  });

  async function track(window: Window, id: string): Promise<void> {
    const task = running(id, clock.now());
    gateway.remote.set(id, task);
    await window.store.upsert([task]);
  }

  it('shows a task added in one window in the other within one interval, and loses it nowhere', async () => {
    const [left, right] = windows as [Window, Window];
    await track(left, 'a');
    await clock.advance(INTERVAL);
    assert.ok(right.store.get('a'), 'the right window has the task');
    await track(right, 'b');
    await clock.advance(5 * INTERVAL);
    for (const window of windows) assert.deepEqual(window.store.all().map((task) => task.id), ['b', 'a'], window.name);
  });

  it('polls the gateway from one window only, once per interval', async () => {
    const [left] = windows as [Window, Window];
    await track(left, 'a');
    await track(left, 'b');
    await clock.advance(20 * INTERVAL);

    assert.ok(gateway.requests.length >= 18, `${gateway.requests.length} requests in 20 intervals`);
    assert.equal(new Set(gateway.requests.map((request) => request.window)).size, 1, 'one window polls');
    assert.equal(mostRequestsWithin(gateway.requests, INTERVAL), 1);
  });

  it('notifies completion in one window only', async () => {
    const [left, right] = windows as [Window, Window];
    await track(left, 'a');
    await clock.advance(3 * INTERVAL);
    gateway.remote.set('a', { ...gateway.remote.get('a')!, status: 'succeeded', progress: 100 });
    await clock.advance(3 * INTERVAL);

    assert.deepEqual([...left.finished, ...right.finished], ['a']);
    for (const window of windows) assert.equal(window.store.get('a')?.status, 'succeeded', window.name);
  });

  it('hands polling over within two intervals when the polling window closes', async () => {
    await track(windows[0]!, 'a');
    await clock.advance(3 * INTERVAL);
    const pollingName = gateway.requests.at(-1)!.window;
    const polling = windows.find((window) => window.name === pollingName)!;
    const other = windows.find((window) => window !== polling)!;

    polling.close();
    const closedAt = clock.now();
    await clock.advance(2 * INTERVAL);
    const takeover = gateway.requests.find((request) => request.at > closedAt);
    assert.equal(takeover?.window, other.name);
    assert.ok(takeover.at - closedAt <= 2 * INTERVAL);
    assert.equal(mostRequestsWithin(gateway.requests, INTERVAL), 1);
  });

  it('hands polling over within two intervals when the polling window\'s extension host dies', async () => {
    await track(windows[1]!, 'a');
    await clock.advance(3 * INTERVAL);
    const pollingName = gateway.requests.at(-1)!.window;
    const polling = windows.find((window) => window.name === pollingName)!;
    const other = windows.find((window) => window !== polling)!;

    // No release, no goodbye: its timers simply never run again.
    polling.clock.die();
    const diedAt = clock.now();
    await clock.advance(2 * INTERVAL);
    const takeover = gateway.requests.find((request) => request.at > diedAt);
    assert.equal(takeover?.window, other.name);
    assert.ok(takeover.at - diedAt <= 2 * INTERVAL);
  });

  it('leaves polling to a window that has a key when the polling window has none', async () => {
    for (const window of windows) window.close();
    const keyless = await openWindow('keyless', files, clock, gateway, false);
    const keyed = await openWindow('keyed', files, clock, gateway);
    windows = [keyless, keyed];
    await clock.flush();
    await track(keyless, 'a');
    await clock.advance(4 * INTERVAL);
    assert.equal(keyless.poller.gatewayState(GATEWAY).state, 'paused_auth');
    const polls = gateway.requests.filter((request) => request.window === 'keyed');
    assert.ok(polls.length >= 2, `the window with a key polled ${polls.length} times`);
  });

  it('gives fresh data on an explicit refresh in the window that does not poll', async () => {
    await track(windows[0]!, 'a');
    await clock.advance(2 * INTERVAL);
    const idle = windows.find((window) => window.name !== gateway.requests.at(-1)!.window)!;
    gateway.remote.set('a', { ...gateway.remote.get('a')!, progress: 80 });

    await idle.poller.pollNow(GATEWAY);
    assert.equal(gateway.requests.at(-1)!.window, idle.name);
    assert.equal(idle.store.get('a')?.progress, 80);
  });
});
