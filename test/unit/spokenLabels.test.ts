import * as assert from 'node:assert/strict';
import {
  spokenClipLabel,
  spokenCurrentGatewayLabel,
  spokenDuration,
  spokenGatewayGroupLabel,
  spokenRunningTasksLabel,
  spokenTaskLabel,
} from '../../src/tracker/spokenLabels';
import { buildClip, buildTask } from './support/taskBuilders';

const NOW = Date.parse('2024-12-09T04:20:00Z');

describe('Spoken labels of the tracker and the status bar', () => {
  it('speaks a running song by name, kind, status, progress in percent and time in words', () => {
    const task = buildTask({ status: 'running', rawStatus: 'IN_PROGRESS', progress: 40, startedAt: '2024-12-09T04:18:00Z' });
    assert.equal(spokenTaskLabel(task, 'City Lights', NOW), 'City Lights, song, running, 40 percent, 2 minutes ago');
  });

  it('leaves out the progress of a finished task and names a lyrics task as such', () => {
    const task = buildTask({ action: 'lyrics', progress: 100, finishedAt: '2024-12-09T01:20:00Z' });
    assert.equal(spokenTaskLabel(task, 'Morning Tram', NOW), 'Morning Tram, lyrics, succeeded, 3 hours ago');
  });

  it('says only what is known of a task not fetched yet', () => {
    const task = buildTask({ action: 'other', status: 'pending', rawStatus: null, progress: null });
    assert.equal(spokenTaskLabel(task, 'Suno task 0b4a2f4e', NOW), 'Suno task 0b4a2f4e, pending');
  });

  it('speaks a clip with its place among the clips, its state and its length', () => {
    const clip = buildClip({ durationSeconds: 192.4, model: 'chirp-v4' });
    assert.equal(spokenClipLabel(clip, 'City Lights', { index: 1, count: 2 }), 'City Lights, clip 2 of 2, succeeded, 3 minutes 12 seconds, chirp-v4');
    const streaming = buildClip({ status: 'running', isStreaming: true });
    assert.equal(spokenClipLabel(streaming, 'City Lights', { index: 0, count: 1 }), 'City Lights, running, streaming');
  });

  it('speaks a gateway group with its task count, what runs and what is wrong', () => {
    assert.equal(spokenGatewayGroupLabel('api.gpt.ge', { tasks: 3, running: 1 }), 'api.gpt.ge, gateway, 3 tasks, 1 running');
    assert.equal(spokenGatewayGroupLabel('127.0.0.1:4000', { tasks: 1, running: 0 }, 'unreachable — retrying automatically'), '127.0.0.1:4000, gateway, 1 task, unreachable — retrying automatically');
  });

  it('speaks the status bar’s gateway item with how many gateways are known', () => {
    assert.equal(spokenCurrentGatewayLabel('api.gpt.ge', 2), 'Suno gateway api.gpt.ge, one of 2 known gateways, activate to switch');
  });

  it('says durations in words, and nothing for an unknown one', () => {
    assert.equal(spokenDuration(0), '0 seconds');
    assert.equal(spokenDuration(61), '1 minute 1 second');
    assert.equal(spokenDuration(3720), '1 hour 2 minutes');
    for (const unknown of [null, -1, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(spokenDuration(unknown), '');
  });

  it('names the first running tasks in the status bar, and how many more there are', () => {
    const running = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven'].map((title, index) => ({
      task: buildTask({ id: `task-${index}`, status: 'running', progress: index * 10 }),
      title,
    }));
    assert.equal(spokenRunningTasksLabel(running.slice(0, 1)), '1 Suno task running: One, running, 0 percent');
    assert.equal(
      spokenRunningTasksLabel(running),
      '7 Suno tasks running: One, running, 0 percent; Two, running, 10 percent; Three, running, 20 percent; ' +
        'Four, running, 30 percent; Five, running, 40 percent; and 2 more',
    );
  });
});
