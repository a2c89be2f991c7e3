// Hostile fetch answers: answers about other ids, ids in another case, duplicated rows and clips,
// huge clip lists, garbage fields and markup. Each goes through the real client (with a stubbed
// fetch) and its exact outcome is asserted: which task under which id, or which error.
import * as assert from 'node:assert/strict';
import { BatchSupportMemory } from '../../../src/core/gateway/batchSupportMemory';
import { GatewayClient } from '../../../src/core/gateway/gatewayClient';
import { GatewayError, type GatewayErrorKind } from '../../../src/core/gatewayError';
import type { Task } from '../../../src/core/task/model';

const BASE_URL = 'https://gateway.example';
const ASKED = 'asked-task-1';
const OTHER = 'asked-task-2';

/** A client whose every request is answered with `body` (an object is sent as JSON). */
function clientAnswering(body: unknown, status = 200): GatewayClient {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new GatewayClient({
    baseUrl: BASE_URL,
    apiKey: 'test-key',
    batchSupport: new BatchSupportMemory(),
    fetch: () => Promise.resolve(new Response(text, { status, headers: { 'Content-Type': 'application/json' } })),
  });
}

function task(id: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { task_id: id, action: 'MUSIC', status: 'SUCCESS', data: [], ...extra };
}

function clip(id: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, title: 'Song', status: 'complete', audio_url: `https://cdn1.suno.ai/${String(id)}.mp3`, ...extra };
}

const single = (data: unknown): unknown => ({ code: 'success', message: '', data });
const batch = (rows: unknown[]): unknown => ({ code: 'success', message: '', data: rows });

async function fetchOne(body: unknown): Promise<Task | GatewayError> {
  try {
    return await clientAnswering(body).fetchTask(ASKED);
  } catch (error) {
    assert.ok(error instanceof GatewayError, String(error));
    return error;
  }
}

/** Each asked id with its outcome: the id the task is stored under, or the error kind. */
async function fetchBatch(body: unknown, ids: string[] = [ASKED, OTHER]): Promise<[string, string][]> {
  const result = await clientAnswering(body).fetchTasks(ids);
  return [...result.entries()].map(([id, value]) => [id, value instanceof GatewayError ? value.kind : `task ${value.id}`]);
}

function expectError(value: Task | GatewayError, kind: GatewayErrorKind): GatewayError {
  assert.ok(value instanceof GatewayError, `expected ${kind}, got a task`);
  assert.equal(value.kind, kind, value.message);
  return value;
}

function expectTask(value: Task | GatewayError): Task {
  assert.ok(!(value instanceof GatewayError), value instanceof GatewayError ? value.message : '');
  return value;
}

describe('hostile bodies: single fetches', () => {
  it('an answer about another task is a bad_response naming both ids', async () => {
    const error = expectError(await fetchOne(single(task('someone-else-9'))), 'bad_response');
    assert.match(error.message, /about task someone-else-9 instead of task asked-task-1/);
    assert.equal(error.answeredTaskId, 'someone-else-9');
  });

  it('an answer with the asked id upper-cased is stored under the asked id', async () => {
    assert.equal(expectTask(await fetchOne(single(task(ASKED.toUpperCase())))).id, ASKED);
  });

  it('an answer whose task id is ".." is a bad_response saying the id is unusable', async () => {
    const error = expectError(await fetchOne(single(task('..'))), 'bad_response');
    assert.match(error.message, /task id is not a usable id/);
  });

  it('an answer whose task id is markup is a bad_response', async () => {
    expectError(await fetchOne(single(task('<b onmouseover=alert(1)>x</b>'))), 'bad_response');
  });

  it('an answer whose task id is a megabyte is a bad_response', async () => {
    expectError(await fetchOne(single(task('a'.repeat(1_000_000)))), 'bad_response');
  });

  it('an answer with a null task id is a bad_response', async () => {
    expectError(await fetchOne(single(task(null))), 'bad_response');
  });

  it('a bare string as data is a bad_response', async () => {
    expectError(await fetchOne(single('garbage')), 'bad_response');
  });

  it('garbage in every field still gives the task, with those fields empty', async () => {
    const got = expectTask(
      await fetchOne(
        single(task(ASKED, { action: 42, status: { x: 1 }, fail_reason: [], submit_time: 'yesterday', progress: 'lots', data: 'nope' })),
      ),
    );
    assert.deepEqual(
      { id: got.id, action: got.action, status: got.status, rawStatus: got.rawStatus, failReason: got.failReason, submittedAt: got.submittedAt, clips: got.clips.length },
      { id: ASKED, action: 'other', status: 'unknown', rawStatus: null, failReason: null, submittedAt: null, clips: 0 },
    );
  });

  it('markup and link syntax in a title are kept as plain text, verbatim', async () => {
    const title = '<img src=x onerror=alert(1)> [click](command:suno.clearApiKey) $(alert)';
    const got = expectTask(await fetchOne(single(task(ASKED, { data: [clip('clip-a', { title })] }))));
    assert.equal(got.title, title);
    assert.equal(got.clips[0].title, title);
  });

  it('a clip repeated exactly is kept once', async () => {
    const got = expectTask(await fetchOne(single(task(ASKED, { data: [clip('clip-a'), clip('clip-a')] }))));
    assert.deepEqual(
      got.clips.map((each) => each.id),
      ['clip-a'],
    );
  });

  it('two different clips under one id both stay, the second with -2', async () => {
    const got = expectTask(await fetchOne(single(task(ASKED, { data: [clip('clip-a', { title: 'One' }), clip('clip-a', { title: 'Two' })] }))));
    assert.deepEqual(
      got.clips.map((each) => [each.id, each.title]),
      [
        ['clip-a', 'One'],
        ['clip-a-2', 'Two'],
      ],
    );
  });

  it('a suffixed id that is already taken moves on to the next free one', async () => {
    const clips = [clip('clip-a', { title: 'One' }), clip('clip-a-2', { title: 'Real two' }), clip('clip-a', { title: 'Three' }), clip('clip-a', { title: 'One' })];
    const got = expectTask(await fetchOne(single(task(ASKED, { data: clips }))));
    assert.deepEqual(
      got.clips.map((each) => [each.id, each.title]),
      [
        ['clip-a', 'One'],
        ['clip-a-2', 'Real two'],
        ['clip-a-3', 'Three'],
      ],
    );
  });

  it('clip ids that break the id rules are replaced by ids derived from the task', async () => {
    const got = expectTask(await fetchOne(single(task(ASKED, { data: [clip('..'), clip('a/b'), clip('c'.repeat(500)), clip(null)] }))));
    assert.deepEqual(
      got.clips.map((each) => each.id),
      [`${ASKED}-clip1`, `${ASKED}-clip2`, `${ASKED}-clip3`, `${ASKED}-clip4`],
    );
  });

  it('a huge clip list is read whole, every clip id unique', async () => {
    const clips = Array.from({ length: 5000 }, (_, index) => clip(`clip-${index}`));
    const got = expectTask(await fetchOne(single(task(ASKED, { data: clips }))));
    assert.equal(got.clips.length, 5000);
    assert.equal(new Set(got.clips.map((each) => each.id)).size, 5000);
  });

  it('a huge clip list under one id gives every clip its own id', async () => {
    const clips = Array.from({ length: 2000 }, (_, index) => clip('same', { title: `Take ${index}` }));
    const got = expectTask(await fetchOne(single(task(ASKED, { data: clips }))));
    assert.equal(got.clips.length, 2000);
    assert.equal(new Set(got.clips.map((each) => each.id)).size, 2000);
    assert.equal(got.clips[1999].id, 'same-2000');
  });

  it('null and garbage clips are skipped, the others kept', async () => {
    const got = expectTask(await fetchOne(single(task(ASKED, { data: [null, 7, 'x', [], clip('clip-a')] }))));
    assert.deepEqual(
      got.clips.map((each) => each.id),
      ['clip-a'],
    );
  });
});

describe('hostile bodies: batches', () => {
  it('rows about ids nobody asked for are ignored: no phantom tasks', async () => {
    assert.deepEqual(await fetchBatch(batch([task('phantom-1'), task('phantom-2')])), [
      [ASKED, 'not_found'],
      [OTHER, 'not_found'],
    ]);
  });

  it('upper-cased rows are stored under the asked ids', async () => {
    assert.deepEqual(await fetchBatch(batch([task(OTHER.toUpperCase()), task(ASKED.toUpperCase())])), [
      [ASKED, `task ${ASKED}`],
      [OTHER, `task ${OTHER}`],
    ]);
  });

  it('a duplicated row: the first one counts', async () => {
    const result = await clientAnswering(batch([task(ASKED, { status: 'IN_PROGRESS' }), task(ASKED, { status: 'SUCCESS' }), task(OTHER)])).fetchTasks([ASKED, OTHER]);
    assert.equal((result.get(ASKED) as Task).status, 'running');
    assert.equal(result.size, 2);
  });

  it('an exact row wins over a row in another case', async () => {
    const result = await clientAnswering(batch([task(ASKED.toUpperCase(), { status: 'FAILURE' }), task(ASKED)])).fetchTasks([ASKED, OTHER]);
    assert.equal((result.get(ASKED) as Task).status, 'succeeded');
  });

  it('ids asked in two cases are matched exactly only', async () => {
    assert.deepEqual(await fetchBatch(batch([task('Mixed-Case-1')]), ['mixed-case-1', 'MIXED-CASE-1']), [
      ['mixed-case-1', 'not_found'],
      ['MIXED-CASE-1', 'not_found'],
    ]);
  });

  it('two rows in different cases for one asked id are no match', async () => {
    assert.deepEqual(await fetchBatch(batch([task(ASKED.toUpperCase()), task('Asked-Task-1')])), [
      [ASKED, 'not_found'],
      [OTHER, 'not_found'],
    ]);
  });

  it('a row with an unusable id is left out, the good row kept', async () => {
    assert.deepEqual(await fetchBatch(batch([task('../../etc'), task(OTHER)])), [
      [ASKED, 'not_found'],
      [OTHER, `task ${OTHER}`],
    ]);
  });

  it('a null row among tasks makes the whole answer a bad_response', async () => {
    await assert.rejects(clientAnswering(batch([null, task(ASKED)])).fetchTasks([ASKED, OTHER]), (error: unknown) => {
      assert.ok(error instanceof GatewayError);
      assert.equal(error.kind, 'bad_response');
      assert.match(error.message, /row 1 of 2 is not a task/);
      return true;
    });
  });

  it('thousands of rows for two asked ids give exactly two entries', async () => {
    const rows = [...Array.from({ length: 3000 }, (_, index) => task(`noise-${index}`)), task(OTHER), task(ASKED)];
    assert.deepEqual(await fetchBatch(batch(rows)), [
      [ASKED, `task ${ASKED}`],
      [OTHER, `task ${OTHER}`],
    ]);
  });

  it('duplicate clips inside a batch row are made unique too', async () => {
    const result = await clientAnswering(batch([task(ASKED, { data: [clip('c'), clip('c'), clip('c', { title: 'B' })] })])).fetchTasks([ASKED, OTHER]);
    assert.deepEqual(
      (result.get(ASKED) as Task).clips.map((each) => each.id),
      ['c', 'c-2'],
    );
  });
});
