// End to end through the core: the poller, the real client and the local gateway answering with
// wrong ids. The tracked task must stay the one task under its own id, reach its end once, and no
// phantom task may appear.
import * as assert from 'node:assert/strict';
import { BatchSupportMemory } from '../../src/core/gateway/batchSupportMemory';
import { GatewayClient } from '../../src/core/gateway/gatewayClient';
import type { GatewayError } from '../../src/core/gatewayError';
import { MemorySharedFiles } from '../../src/core/store/sharedFiles';
import type { Task } from '../../src/core/task/model';
import { parseTaskData } from '../../src/core/wire/parseTask';
import { Poller } from '../../src/core/polling/poller';
import { TaskStore } from '../../src/core/store/taskStore';
import { LocalGateway, type FaultKind } from '../../src/localGateway/localGateway';
import { ManualClock } from './support/manualClock';

describe('answers bound to the asked id, through the poller', () => {
  let gateway: LocalGateway;
  let store: TaskStore;
  let poller: Poller;
  let finished: Task[];
  let failures: GatewayError[];

  /** Tracks `ids` as the extension does after Fetch Task: a first snapshot in the store. */
  async function track(ids: string[]): Promise<void> {
    await store.upsert(ids.map((id) => parseTaskData({ task_id: id, status: 'IN_PROGRESS', action: 'MUSIC' }, gateway.url, new Date(0).toISOString())));
  }

  beforeEach(async () => {
    gateway = await LocalGateway.start();
    store = new TaskStore({ files: new MemorySharedFiles() });
    const memory = new BatchSupportMemory();
    poller = new Poller({
      store,
      clientFor: () => Promise.resolve(new GatewayClient({ baseUrl: gateway.url, apiKey: 'test-key', batchSupport: memory })),
      intervalMs: () => 5000,
      clock: new ManualClock(),
    });
    finished = [];
    failures = [];
    poller.onDidUpdate((update) => finished.push(...update.finished));
    poller.onDidFail((failure) => failures.push(failure.error));
  });

  afterEach(async () => {
    poller.dispose();
    await gateway.close();
  });

  for (const [kind, ids] of [
    ['upper_case_ids', 1],
    ['upper_case_ids', 2],
  ] as [FaultKind, number][]) {
    it(`${kind} (${ids} task${ids > 1 ? 's' : ''}): stored under the tracked id, finished once, no phantom`, async () => {
      const tracked = Array.from({ length: ids }, () => gateway.addTask({ startStage: 'IN_PROGRESS', pollsPerStage: 0 }));
      await track(tracked);
      gateway.setFault({ kind });
      await poller.pollNow();
      for (const id of tracked) gateway.setStage(id, 'SUCCESS');
      for (let round = 0; round < 3; round++) await poller.pollNow();

      assert.deepEqual(
        store.all().map((task) => [task.id, task.status]),
        tracked.map((id) => [id, 'succeeded']),
      );
      assert.deepEqual(finished.map((task) => task.id).sort(), [...tracked].sort());
      assert.deepEqual(failures, []);
    });
  }

  it('other_id: the tracked task is kept as it was, the error names both ids, no phantom', async () => {
    const id = gateway.addTask({ startStage: 'SUCCESS' });
    await track([id]);
    gateway.setFault({ kind: 'other_id' });
    await poller.pollNow();

    assert.deepEqual(
      store.all().map((task) => [task.id, task.status]),
      [[id, 'running']],
    );
    assert.equal(finished.length, 0);
    assert.equal(failures.length, 1);
    assert.equal(failures[0].kind, 'bad_response');
    assert.match(failures[0].message, new RegExp(`${id}-other.*${id}`));
  });

  it('other_id in a batch: the renamed row is dropped, its task kept and reported as not returned, no phantom', async () => {
    const ids = [gateway.addTask({ startStage: 'SUCCESS' }), gateway.addTask({ startStage: 'SUCCESS' })];
    await track(ids);
    gateway.setFault({ kind: 'other_id' });
    await poller.pollNow();

    // The fault renames the first asked task; the other one is answered as usual.
    assert.deepEqual(store.all().map((task) => task.id).sort(), [...ids].sort());
    assert.equal(store.get(ids[0])?.status, 'running');
    assert.equal(store.get(ids[1])?.status, 'succeeded');
    assert.deepEqual(
      failures.map((error) => error.kind),
      ['not_found'],
    );
  });

  it('duplicate_clips: every clip once', async () => {
    const id = gateway.addTask({ startStage: 'SUCCESS', dialect: 'native' });
    await track([id]);
    gateway.setFault({ kind: 'duplicate_clips' });
    await poller.pollNow();

    const [task] = store.all();
    assert.equal(task.status, 'succeeded');
    assert.equal(task.clips.length, 2);
    assert.equal(new Set(task.clips.map((clip) => clip.id)).size, 2);
  });
});
