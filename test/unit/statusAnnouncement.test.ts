import * as assert from 'node:assert/strict';
import { StatusAnnouncements } from '../../src/core/task/statusAnnouncement';
import type { Task } from '../../src/core/task/model';

type Snapshot = Pick<Task, 'status' | 'rawStatus' | 'progress'>;

function running(progress: number | null): Snapshot {
  return { status: 'running', rawStatus: 'IN_PROGRESS', progress };
}

/** What the panel's live region says for each update in turn (null: it stays quiet). */
function heard(...snapshots: Snapshot[]): (string | null)[] {
  const announcements = new StatusAnnouncements();
  return snapshots.map((snapshot) => announcements.next(snapshot, 'City Lights'));
}

describe('The panel’s status announcements', () => {
  it('says nothing on the first update: the heading already says what the panel shows', () => {
    assert.deepEqual(heard(running(40)), [null]);
  });

  it('announces a change of status with the progress, then the end without it', () => {
    assert.deepEqual(
      heard({ status: 'pending', rawStatus: 'QUEUED', progress: 0 }, running(10), { status: 'succeeded', rawStatus: 'SUCCESS', progress: 100 }),
      [null, 'City Lights: running, 10 percent.', 'City Lights: succeeded.'],
    );
  });

  it('announces progress only when it enters another quarter, not at every poll', () => {
    assert.deepEqual(heard(running(10), running(12), running(20), running(26), running(30), running(49), running(51), running(80)), [
      null,
      null,
      null,
      'City Lights: 26 percent.',
      null,
      null,
      'City Lights: 51 percent.',
      'City Lights: 80 percent.',
    ]);
  });

  it('stays quiet when the same status arrives again, or the progress wobbles back and forth', () => {
    assert.deepEqual(heard(running(55), running(45), running(55), running(55)), [null, null, null, null]);
  });

  it('says nothing about a progress it does not know, or a hostile one', () => {
    assert.deepEqual(heard(running(null), running(Number.NaN), running(-40), running(1e308)), [null, null, null, 'City Lights: 100 percent.']);
  });

  it('announces a failure', () => {
    assert.deepEqual(heard(running(60), { status: 'failed', rawStatus: 'FAILURE', progress: 60 }), [null, 'City Lights: failed.']);
  });
});
