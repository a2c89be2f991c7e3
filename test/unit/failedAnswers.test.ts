// Which answers are failures is decided at once (failedAnswers.ts); their wording loads with the
// first one (responseErrors.ts). The two must never disagree: an answer the quick check passes
// goes to the parser, so a failure it missed would be read as a task.
import * as assert from 'node:assert/strict';
import { isFailedAnswer, isRequestTooLarge } from '../../src/core/gateway/failedAnswers';
import { errorForResponse, type RawResponse, type RequestDescription } from '../../src/core/gateway/responseErrors';

const request: RequestDescription = {
  method: 'GET',
  url: 'https://gateway.example/suno/fetch/task-1',
  baseUrl: 'https://gateway.example',
  ids: ['task-1'],
  redirectedTo: null,
};
const now = new Date('2024-09-21T12:00:00Z');

const statuses = [0, 100, 199, 200, 201, 204, 299, 300, 301, 304, 399, 400, 401, 403, 404, 405, 408, 413, 422, 429, 499, 500, 502, 503, 504, 599, 600, 999];

const bodies: ReadonlyArray<readonly [what: string, body: string]> = [
  ['an empty body', ''],
  ['blank space', ' \n\t '],
  ['a task', '{"code":"success","data":{"task_id":"task-1","status":"SUCCESS","data":[]}}'],
  ['new-api’s task_not_exist', '{"code":"task_not_exist","message":"task_not_exist","data":null}'],
  ['one-hub’s nested not-found error', '{"error":{"message":"任务不存在","type":"one_hub_error"}}'],
  ['a bare "task not exist"', '"task not exist"'],
  ['new-api’s get_task_failed', '{"code":"get_task_failed","message":"upstream lookup failed","data":null}'],
  ['get_task_failed in capitals', '{"code":"GET_TASK_FAILED","message":"x"}'],
  ['get_task_failed that also says the task does not exist', '{"code":"get_task_failed","message":"task_not_exist"}'],
  ['an HTML page', '<!doctype html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'],
  ['an HTML page naming task_not_exist', '<html><body>task_not_exist</body></html>'],
  ['a too-large message', '{"message":"request payload too large"}'],
  ['garbage', '\u0000\u0001\ufffd'],
  ['a command link and a codicon', '{"message":"[x](command:workbench.action.quit) $(alert) \u202egnp.exe"}'],
  ['a JSON array', '[{"task_id":"task-1"}]'],
  ['a string code that is a number', '{"code":500}'],
  ['a long body', `{"message":"${'x'.repeat(200_000)}"}`],
];

function answer(httpStatus: number, body: string): RawResponse {
  return { url: request.url, httpStatus, contentType: 'application/json', body };
}

describe('Failed answers, told apart before their wording loads', () => {
  it('agrees with errorForResponse on every status and body', () => {
    for (const status of statuses) {
      for (const [what, body] of bodies) {
        const response = answer(status, body);
        const worded = errorForResponse(response, request, '120', now);
        assert.equal(isFailedAnswer(response), worded !== null, `HTTP ${status} with ${what}`);
      }
    }
  });

  it('passes a 2xx task and a 2xx "no such task" on to the parser, and fails a 2xx get_task_failed', () => {
    assert.equal(isFailedAnswer(answer(200, bodies[2][1])), false);
    assert.equal(isFailedAnswer(answer(200, '{"code":"task_not_exist","data":null}')), false);
    assert.equal(isFailedAnswer(answer(200, '{"code":"get_task_failed","data":null}')), true);
  });

  it('takes 413, and a 400 or 422 that says so, as a request too large', () => {
    assert.equal(isRequestTooLarge(answer(413, '')), true);
    assert.equal(isRequestTooLarge(answer(400, '{"message":"too many ids"}')), true);
    assert.equal(isRequestTooLarge(answer(422, '{"error":{"message":"payload exceeds the limit"}}')), true);
    assert.equal(isRequestTooLarge(answer(400, '{"message":"bad ids"}')), false);
    assert.equal(isRequestTooLarge(answer(500, '{"message":"too large"}')), false);
  });
});
