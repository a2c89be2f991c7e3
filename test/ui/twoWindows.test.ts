// Two VS Code windows on one machine — two browser windows on one code-server, each with its
// own extension host — share the tracked tasks and poll the gateway once between them: a task
// added in one shows in the other and is not lost, and when the polling window closes the other
// one takes over.
//
// The tests of this file build on each other, in order.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotOnFailure } from '../harness/workbench';
import { startJourney, type Journey } from './support/journey';
import { fetchTaskThroughUi, openTracker, setApiKeyThroughUi, taskRow, waitForRowLabel, waitUntil } from './support/workbenchUi';

/** The extension's test interval: one poll a second from the window that holds the lease. */
const POLL_INTERVAL_MS = 1000;
/** How long the gateway's request log is watched to count pollers. */
const WATCH_MS = 15_000;
/**
 * A closed browser window's extension host lives on this long on the server, in case the window
 * reconnects (code-server's default is three hours); then it ends, as a desktop window's does
 * when it closes.
 */
const RECONNECTION_GRACE_S = 3;
/** The shortest life of a polling lease (see pollingLease.ts). */
const LEASE_LIFETIME_MS = 3_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('Journey: two windows, one list of tasks, one poller', function () {
  let journey: Journey | undefined;
  let second: Page | undefined;
  let firstId = '';
  let secondId = '';

  before(async function () {
    journey = await startJourney({
      pollIntervalMs: POLL_INTERVAL_MS,
      env: { CODE_SERVER_RECONNECTION_GRACE_TIME: String(RECONNECTION_GRACE_S) },
    });
    // Both stay in progress until the test moves them on.
    firstId = journey.gateway.addTask({ title: 'First Light', startStage: 'IN_PROGRESS', pollsPerStage: 0 });
    secondId = journey.gateway.addTask({ title: 'Second Wind', startStage: 'IN_PROGRESS', pollsPerStage: 0 });
  });

  afterEach(async function () {
    await screenshotOnFailure(this, second ?? journey?.page);
  });

  after(async function () {
    await journey?.close();
  });

  function first(): Page {
    assert.ok(journey, 'the workbench did not start');
    return journey.page;
  }

  function other(): Page {
    assert.ok(second, 'the second window did not open');
    return second;
  }

  function gateway(): Journey['gateway'] {
    assert.ok(journey, 'the gateway did not start');
    return journey.gateway;
  }

  /** Which window holds the gateway's polling lease, as the shared folder says. */
  function leaseHolder(): string | undefined {
    assert.ok(journey);
    const folder = path.join(journey.server.userDataDir, 'User', 'globalStorage', 'suno-tasks.suno-tasks', 'leases');
    const files = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.json'));
    if (files.length === 0) return undefined;
    assert.equal(files.length, 1, 'one gateway, one lease');
    return (JSON.parse(readFileSync(path.join(folder, files[0]!.name), 'utf8')) as { holder: string }).holder;
  }

  /** Poll requests (batch or single fetches of tracked ids) since `since`. */
  function pollsSince(since: number): number[] {
    return gateway()
      .requests.filter((request) => request.at >= since && request.ids.length > 0)
      .map((request) => request.at);
  }

  it('shows a task fetched in one window in the other', async function () {
    await openTracker(first());
    await setApiKeyThroughUi(first(), 'test-key');
    await fetchTaskThroughUi(first(), firstId);
    await waitForRowLabel(taskRow(first(), 'First Light'), /, running\b/);
    // The first window has polled a few rounds: it holds the gateway's lease.
    const fetchedAt = Date.now();
    await waitUntil('the first window to poll', async () => pollsSince(fetchedAt).length >= 2);

    // A second VS Code window in the same browser profile (so it shares the key, as desktop
    // windows share the keychain), with an extension host of its own.
    second = await first().context().newPage();
    await second.goto(first().url(), { waitUntil: 'domcontentloaded' });
    await second.locator('.part.activitybar').waitFor({ timeout: 120_000 });
    await openTracker(other());
    await waitForRowLabel(taskRow(other(), 'First Light'), /, running\b/);
  });

  it('polls the gateway from one window only', async function () {
    const since = Date.now();
    const holders = new Set<string | undefined>();
    while (Date.now() - since < WATCH_MS) {
      holders.add(leaseHolder());
      await sleep(200);
    }
    const polls = pollsSince(since);
    assert.equal(holders.size, 1, `the lease changed hands while both windows were open: ${[...holders].join(', ')}`);
    // One poller makes at most one request per interval (fewer while its window is in the
    // background); two would make about twice as many, some of them close together.
    assert.ok(polls.length >= 3, `${polls.length} polls in ${WATCH_MS} ms: nobody polls`);
    assert.ok(polls.length <= WATCH_MS / POLL_INTERVAL_MS + 1, `${polls.length} polls in ${WATCH_MS} ms: more than one poller`);
    const gaps = polls.slice(1).map((at, index) => at - polls[index]!);
    assert.ok(Math.min(...gaps) >= POLL_INTERVAL_MS * 0.8, `two polls ${Math.min(...gaps)} ms apart: ${gaps.join(', ')}`);
  });

  it('shows a task fetched in the second window in the first, and loses neither', async function () {
    await fetchTaskThroughUi(other(), secondId);
    await waitForRowLabel(taskRow(other(), 'Second Wind'), /, running\b/);
    await waitForRowLabel(taskRow(first(), 'Second Wind'), /, running\b/);
    // A few more rounds of writes from both windows later, both tasks are still in both.
    await sleep(4 * POLL_INTERVAL_MS);
    for (const page of [first(), other()]) {
      await waitForRowLabel(taskRow(page, 'First Light'), /, running\b/);
      await waitForRowLabel(taskRow(page, 'Second Wind'), /, running\b/);
    }
  });

  it('goes on polling from the second window once the first one closes', async function () {
    const firstHolder = leaseHolder();
    assert.ok(firstHolder, 'a window holds the lease');
    await first().close();
    const closedAt = Date.now();
    // The first window's extension host ends once the grace time is over; the second window
    // holds the lease at most one lease life and two heartbeats later.
    await waitUntil('the lease to change hands', () => {
      const holder = leaseHolder();
      return holder !== undefined && holder !== firstHolder;
    });
    const handedOverAt = Date.now();
    const bound = RECONNECTION_GRACE_S * 1000 + LEASE_LIFETIME_MS + 2 * POLL_INTERVAL_MS + 3000;
    assert.ok(handedOverAt - closedAt <= bound, `the lease changed hands ${handedOverAt - closedAt} ms after the window closed`);
    await waitUntil('a poll from the second window', () => pollsSince(handedOverAt).length > 0);
    // Two intervals, plus slack for a busy machine.
    assert.ok(pollsSince(handedOverAt)[0]! - handedOverAt <= 2 * POLL_INTERVAL_MS + 2000);

    gateway().setStage(firstId, 'SUCCESS');
    await waitForRowLabel(taskRow(other(), 'First Light'), /, succeeded\b/);
  });
});
