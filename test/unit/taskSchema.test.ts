import * as assert from 'node:assert/strict';
import type { Task } from '../../src/core/task/model';
import { parseStoredTask } from '../../src/core/task/taskSchema';
import { parseHostMessage } from '../../src/shared/hostMessages';
import { buildClip, buildTask } from './support/taskBuilders';

/** A task with some fields replaced by values of any type, as hand edits and stale builds make them. */
function taskWith(fields: Record<string, unknown>): Task {
  return { ...buildTask(), ...fields } as Task;
}

describe('taskSchema', () => {
  describe('one schema for the store and the panel', () => {
    const variants: { name: string; task: Task; valid: boolean }[] = [
      { name: 'a finished song', task: buildTask(), valid: true },
      { name: 'a task without clips', task: buildTask({ clips: [] }), valid: true },
      { name: 'a gateway on plain http', task: buildTask({ baseUrl: 'http://127.0.0.1:4123' }), valid: true },
      { name: 'a base URL that is not http(s)', task: buildTask({ baseUrl: 'javascript:alert(1)' }), valid: false },
      { name: 'a base URL that is no URL', task: buildTask({ baseUrl: 'api.gpt.ge' }), valid: false },
      { name: 'an empty fetchedAt', task: buildTask({ fetchedAt: '' }), valid: false },
      { name: 'an empty task id', task: buildTask({ id: '' }), valid: false },
      { name: 'an unknown status', task: taskWith({ status: 'exploded' }), valid: false },
      { name: 'progress over 100', task: buildTask({ progress: 101 }), valid: false },
      { name: 'a negative clip duration', task: buildTask({ clips: [buildClip({ durationSeconds: -1 })] }), valid: false },
      { name: 'a clip audio URL that is not http(s)', task: buildTask({ clips: [buildClip({ audioUrl: 'data:audio/mp3,x' })] }), valid: false },
      { name: 'a missing field', task: taskWith({ lyrics: undefined }), valid: false },
    ];

    for (const { name, task, valid } of variants) {
      it(`${valid ? 'accepts' : 'refuses'} ${name} in both places`, () => {
        const json: unknown = JSON.parse(JSON.stringify(task));
        assert.equal(parseStoredTask(json).ok, valid, 'the task store');
        assert.equal(parseHostMessage({ type: 'update', task: json }).ok, valid, 'the message the host posts to the panel');
      });
    }
  });

  describe('the reasons the store logs', () => {
    const reasons: { name: string; value: unknown; reason: string }[] = [
      {
        name: 'an unknown status',
        value: taskWith({ status: 'exploded' }),
        reason: 'status: Invalid option: expected one of "pending"|"running"|"succeeded"|"failed"|"unknown"',
      },
      { name: 'a number for an id', value: taskWith({ id: 5 }), reason: 'id: Invalid input: expected string, received number' },
      { name: 'progress over 100', value: buildTask({ progress: 101 }), reason: 'progress: Too big: expected number to be <=100' },
      {
        name: 'a clip URL that is not http(s)',
        value: buildTask({ clips: [buildClip({ imageUrl: 'file:///etc/passwd' })] }),
        reason: 'clips.0.imageUrl: not an absolute http(s) URL',
      },
      { name: 'not an object', value: null, reason: 'Invalid input: expected object, received null' },
    ];

    for (const { name, value, reason } of reasons) {
      it(`says in English what is wrong with ${name}, naming the field`, () => {
        const parsed = parseStoredTask(JSON.parse(JSON.stringify(value)));
        assert.deepEqual(parsed, { ok: false, reason });
      });
    }
  });
});
