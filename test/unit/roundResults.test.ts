import * as assert from 'node:assert/strict';
import { GatewayError } from '../../src/core/gatewayError';
import type { Task } from '../../src/core/task/model';
import { sortRoundResults } from '../../src/core/polling/roundResults';
import { buildTask } from './support/taskBuilders';

const GATEWAY = 'https://gw.example';

function trackedAs(...tasks: Task[]): (id: string) => Task | undefined {
  return (id) => tasks.find((task) => task.id === id);
}

describe('sortRoundResults', () => {
  it('counts an id the answer lacks as not_found', () => {
    const sorted = sortRoundResults(['a'], new Map(), GATEWAY, trackedAs(buildTask({ id: 'a', status: 'running' })));
    assert.deepEqual(sorted.tasks, []);
    assert.deepEqual([...sorted.errorsByKind.keys()], ['not_found']);
    assert.deepEqual(sorted.errorsByKind.get('not_found')?.ids, ['a']);
  });

  it('leaves out an id that is no longer tracked', () => {
    const answer = new Map([['gone', buildTask({ id: 'gone' })]]);
    const sorted = sortRoundResults(['gone'], answer, GATEWAY, trackedAs());
    assert.deepEqual(sorted.tasks, []);
    assert.equal(sorted.errorsByKind.size, 0);
  });

  it('keeps a task under the id that was asked for', () => {
    const answer = new Map([['abc', buildTask({ id: 'ABC', status: 'running' })]]);
    const sorted = sortRoundResults(['abc'], answer, GATEWAY, trackedAs(buildTask({ id: 'abc', status: 'running' })));
    assert.deepEqual(sorted.tasks.map((task) => task.id), ['abc']);
  });

  it('lists as newly finished only the tasks that were unfinished before', () => {
    const answer = new Map([
      ['was-running', buildTask({ id: 'was-running', status: 'succeeded' })],
      ['was-done', buildTask({ id: 'was-done', status: 'failed' })],
      ['still-running', buildTask({ id: 'still-running', status: 'running' })],
    ]);
    const tracked = trackedAs(
      buildTask({ id: 'was-running', status: 'running' }),
      buildTask({ id: 'was-done', status: 'succeeded' }),
      buildTask({ id: 'still-running', status: 'pending' }),
    );
    const sorted = sortRoundResults(['was-running', 'was-done', 'still-running'], answer, GATEWAY, tracked);
    assert.equal(sorted.tasks.length, 3);
    assert.deepEqual(sorted.newlyFinished.map((task) => task.id), ['was-running']);
  });

  it('groups errors by kind in order of first appearance, keeping the first error of each', () => {
    const first = new GatewayError('rate_limited', 'First.');
    const answer = new Map<string, Task | GatewayError>([
      ['a', first],
      ['b', new GatewayError('auth', 'Refused.')],
      ['c', new GatewayError('rate_limited', 'Second.')],
    ]);
    const tracked = trackedAs(...['a', 'b', 'c'].map((id) => buildTask({ id, status: 'running' })));
    const sorted = sortRoundResults(['a', 'b', 'c'], answer, GATEWAY, tracked);
    assert.deepEqual([...sorted.errorsByKind.keys()], ['rate_limited', 'auth']);
    assert.equal(sorted.errorsByKind.get('rate_limited')?.error, first);
    assert.deepEqual(sorted.errorsByKind.get('rate_limited')?.ids, ['a', 'c']);
  });
});
