import * as assert from 'node:assert/strict';
import type { Clock } from '../../src/core/clock';
import { hashedFileName } from '../../src/core/store/fileNames';
import { sha256Hex } from '../../src/core/store/sha256';
import { LEASES_FOLDER, PollingLeases, type PollingLeaseOptions } from '../../src/core/polling/pollingLease';
import { MemorySharedFiles } from '../../src/core/store/sharedFiles';
import { ManualClock, mortalClock } from './support/manualClock';

const GATEWAY = 'https://api.gpt.ge';
const OTHER_GATEWAY = 'https://api.cometapi.com';
const INTERVAL = 12_000;
/** With a 12 s interval: a lease lives 6 s and is renewed every 2 s. */
const LIFETIME = INTERVAL / 2;
const HEARTBEAT = LIFETIME / 3;

interface Window {
  readonly leases: PollingLeases;
  readonly wanted: Set<string>;
  readonly problems: string[];
}

function openWindow(
  holderId: string,
  files: MemorySharedFiles,
  clock: Clock,
  options: Partial<PollingLeaseOptions> = {},
): Window {
  const wanted = new Set([GATEWAY]);
  const problems: string[] = [];
  const leases = new PollingLeases({
    files,
    holderId,
    clock,
    intervalMs: () => INTERVAL,
    wanted: () => wanted,
    onProblem: (message) => problems.push(message),
    ...options,
  });
  return { leases, wanted, problems };
}


function leasePath(baseUrl: string): string {
  return `${LEASES_FOLDER}/${hashedFileName(baseUrl, sha256Hex)}`;
}

describe('Polling leases', () => {
  let clock: ManualClock;
  let files: MemorySharedFiles;

  beforeEach(() => {
    clock = new ManualClock();
    files = new MemorySharedFiles();
  });

  it('lets the first window to beat hold a gateway, and not the second', async () => {
    const first = openWindow('first', files, clock);
    const second = openWindow('second', files, clock);
    await first.leases.heartbeat();
    await second.leases.heartbeat();
    assert.equal(first.leases.holds(GATEWAY), true);
    assert.equal(second.leases.holds(GATEWAY), false);
    assert.equal(first.leases.holds(OTHER_GATEWAY), false, 'only gateways it wants');
  });

  it('keeps the lease while the holder beats, long past one lifetime', async () => {
    const first = openWindow('first', files, clock);
    const second = openWindow('second', files, clock);
    first.leases.start();
    await clock.flush();
    second.leases.start();
    await clock.advance(10 * LIFETIME);
    assert.equal(first.leases.holds(GATEWAY), true);
    assert.equal(second.leases.holds(GATEWAY), false);
  });

  it('beats every sixth of an interval, and a lease lives half an interval', async () => {
    const first = openWindow('first', files, clock);
    first.leases.start();
    await clock.flush();
    assert.equal(clock.nextDelay(), HEARTBEAT);
    const lease = JSON.parse(files.textOf(leasePath(GATEWAY))!) as { expiresAt: number; holder: string; baseUrl: string };
    assert.deepEqual(lease, { version: 1, baseUrl: GATEWAY, holder: 'first', expiresAt: clock.now() + LIFETIME });
  });

  it('never lets a lease live less than 3 seconds, however short the interval (test mode)', () => {
    assert.equal(openWindow('first', files, clock, { intervalMs: () => 200 }).leases.lifetimeMs(), 3_000);
    assert.equal(openWindow('first', files, clock, { intervalMs: () => 5_000 }).leases.lifetimeMs(), 3_000);
  });

  it('hands over when the holder dies: not before the lease expires, and at the next beat after', async () => {
    const mortal = mortalClock(clock);
    const first = openWindow('first', files, mortal);
    const second = openWindow('second', files, clock);
    first.leases.start();
    await clock.flush();
    second.leases.start();
    await clock.flush();
    mortal.die();
    const diedAt = clock.now();

    await clock.advance(LIFETIME - 1);
    assert.equal(second.leases.holds(GATEWAY), false, 'taken over before the lease expired');
    await clock.advance(HEARTBEAT + 1);
    assert.equal(second.leases.holds(GATEWAY), true);
    assert.ok(clock.now() - diedAt <= LIFETIME + HEARTBEAT);
  });

  it('hands over at the next beat when the holder closes', async () => {
    const first = openWindow('first', files, clock);
    const second = openWindow('second', files, clock);
    first.leases.start();
    await clock.flush();
    second.leases.start();
    await clock.flush();

    first.leases.dispose();
    await clock.flush();
    assert.equal(files.textOf(leasePath(GATEWAY)), undefined, 'the lease file is gone');
    await clock.advance(HEARTBEAT);
    assert.equal(second.leases.holds(GATEWAY), true);
    assert.equal(first.leases.holds(GATEWAY), false);
  });

  it('gives up a gateway it no longer has tasks for, so another window can take it', async () => {
    const first = openWindow('first', files, clock);
    const second = openWindow('second', files, clock);
    await first.leases.heartbeat();
    first.wanted.clear();
    await first.leases.heartbeat();
    assert.equal(first.leases.holds(GATEWAY), false);
    await second.leases.heartbeat();
    assert.equal(second.leases.holds(GATEWAY), true);
  });

  it('leaves exactly one holder when two windows claim a free lease at the same moment', async () => {
    const first = openWindow('first', files, clock);
    const second = openWindow('second', files, clock);
    await Promise.all([first.leases.heartbeat(), second.leases.heartbeat()]);
    assert.equal(Number(first.leases.holds(GATEWAY)) + Number(second.leases.holds(GATEWAY)), 1);
  });

  it('does not release a lease another window took over meanwhile', async () => {
    const first = openWindow('first', files, clock);
    await first.leases.heartbeat();
    const stolen = { version: 1, baseUrl: GATEWAY, holder: 'second', expiresAt: clock.now() + LIFETIME };
    await files.write(leasePath(GATEWAY), JSON.stringify(stolen));
    first.leases.dispose();
    await clock.flush();
    assert.deepEqual(JSON.parse(files.textOf(leasePath(GATEWAY))!), stolen);
  });

  it('polls anyway, and says so once, when the shared folder cannot be written', async () => {
    class ReadOnlyFiles extends MemorySharedFiles {
      override write(): Promise<void> {
        return Promise.reject(new Error('EROFS: read-only file system'));
      }
    }
    const window = openWindow('first', new ReadOnlyFiles(), clock);
    await window.leases.heartbeat();
    await window.leases.heartbeat();
    assert.equal(window.leases.holds(GATEWAY), true);
    assert.equal(window.problems.length, 1);
    assert.match(window.problems[0]!, /polls on its own.*EROFS/);
  });
});
