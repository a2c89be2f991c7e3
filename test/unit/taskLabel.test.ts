import * as assert from 'node:assert/strict';
import { shortTaskId, untitledTaskName } from '../../src/core/task/taskLabel';

describe('task labels', () => {
  it('shortens a UUID to its first group', () => {
    assert.equal(shortTaskId('0b4a2f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'), '0b4a2f4e');
  });

  it('keeps an id of eight characters or fewer whole', () => {
    assert.equal(shortTaskId('abc'), 'abc');
  });

  it('names an untitled task by its short id', () => {
    assert.equal(untitledTaskName('task_0123456789'), 'Suno task task_012');
  });
});
