import * as assert from 'node:assert/strict';
import { GatewayError } from '../../src/core/gatewayError';
import { parseTaskResponse, type ResponseContext } from '../../src/core/wire/parseTask';
import { gatewayMessageOf, isTaskNotExist } from '../../src/core/wire/answerBody';

/**
 * The client (which classifies an HTTP answer) and the parser (which explains a 200 without a
 * task) read "no such task" and the gateway's message with the same functions: a body cannot be
 * "not found" for one and a bad answer for the other, nor quote different words.
 */

const context: ResponseContext = {
  baseUrl: 'https://gateway.test',
  url: 'https://gateway.test/suno/fetch/abc',
  httpStatus: 200,
  contentType: 'application/json',
  fetchedAt: '2026-01-01T00:00:00.000Z',
};

function parseError(body: string): GatewayError {
  try {
    parseTaskResponse(body, context);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  assert.fail('the body parsed as a task');
}

const cases: { name: string; body: string; notExist: boolean; message: string | null }[] = [
  { name: 'new-api code', body: '{"code":"task_not_exist","message":"task_not_exist","data":null}', notExist: true, message: 'task_not_exist' },
  { name: 'a bare error string', body: '{"error":"task not exist"}', notExist: true, message: 'task not exist' },
  { name: 'an OpenAI-style error', body: '{"error":{"message":"Task not exists","type":"x"}}', notExist: true, message: 'Task not exists' },
  { name: 'GoAPI error_message', body: '{"code":400,"error_message":"任务不存在","data":null}', notExist: true, message: '任务不存在' },
  { name: 'msg only', body: '{"msg":"task-not-exist","data":null}', notExist: true, message: 'task-not-exist' },
  { name: 'another failure', body: '{"code":"get_task_failed","message":"upstream timeout","data":null}', notExist: false, message: 'upstream timeout' },
  { name: 'an error and a message: the error is quoted', body: '{"error":{"message":"quota used up"},"message":"failed"}', notExist: false, message: 'quota used up' },
];

describe('"task not exist" and the gateway message: one reading for client and parser', () => {
  for (const entry of cases) {
    it(`${entry.name}: ${entry.notExist ? 'not found' : 'a bad answer'}, quoting ${JSON.stringify(entry.message)}`, () => {
      assert.equal(isTaskNotExist(entry.body), entry.notExist);
      assert.equal(gatewayMessageOf(entry.body), entry.message);
      const error = parseError(entry.body);
      assert.equal(error.kind, entry.notExist ? 'not_found' : 'bad_response');
      assert.equal(error.gatewayMessage, entry.message);
    });
  }
});
