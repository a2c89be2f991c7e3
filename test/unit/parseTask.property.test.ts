import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { GatewayError } from '../../src/core/gatewayError';
import type { Task } from '../../src/core/task/model';
import { parseBatchResponse, parseTaskResponse } from '../../src/core/wire/parseTask';
import { toSafeUrl } from '../../src/core/safeUrl';
import { listFixtures, readFixture, taskFixtures, testContext } from './support/fixtures';

const RUNS = 300;
const STATUSES = ['pending', 'running', 'succeeded', 'failed', 'unknown'];
const ACTIONS = ['music', 'lyrics', 'other'];

function assertIsoOrNull(value: string | null, what: string): void {
  if (value === null) return;
  assert.equal(new Date(value).toISOString(), value, `${what} is ISO 8601`);
}

function assertUrlOrNull(value: string | null, what: string): void {
  if (value === null) return;
  assert.match(value, /^https?:\/\//, `${what} is absolute http(s)`);
  assert.equal(toSafeUrl(value), value, `${what} passes the URL gate unchanged`);
}

/** What every task the parser returns must satisfy, whatever it was fed. */
function assertTaskInvariants(task: Task): void {
  assert.equal(typeof task.id, 'string');
  assert.ok(task.id.length > 0, 'id is not empty');
  assert.ok(ACTIONS.includes(task.action), `action ${task.action}`);
  assert.ok(STATUSES.includes(task.status), `status ${task.status}`);
  if (task.progress !== null) {
    assert.ok(Number.isInteger(task.progress) && task.progress >= 0 && task.progress <= 100, `progress ${task.progress}`);
  }
  if (task.status === 'succeeded') assert.equal(task.progress, 100);
  if (task.status === 'unknown') assert.equal(task.progress, null);
  if (task.status === 'pending' || task.status === 'running') assert.ok(task.progress !== 100, 'unfinished is not 100%');
  assertIsoOrNull(task.submittedAt, 'submittedAt');
  assertIsoOrNull(task.startedAt, 'startedAt');
  assertIsoOrNull(task.finishedAt, 'finishedAt');
  for (const text of [task.title, task.rawStatus, task.failReason, task.lyrics]) {
    assert.ok(text === null || typeof text === 'string');
  }
  for (const clip of task.clips) {
    assert.equal(typeof clip.id, 'string');
    assert.ok(clip.id.length > 0, 'clip id is not empty');
    assert.ok(STATUSES.includes(clip.status), `clip status ${clip.status}`);
    assertUrlOrNull(clip.audioUrl, 'audioUrl');
    assertUrlOrNull(clip.videoUrl, 'videoUrl');
    assertUrlOrNull(clip.imageUrl, 'imageUrl');
    assertUrlOrNull(clip.imageLargeUrl, 'imageLargeUrl');
    assertIsoOrNull(clip.createdAt, 'createdAt');
    assert.equal(typeof clip.isStreaming, 'boolean');
    if (clip.durationSeconds !== null) assert.ok(Number.isFinite(clip.durationSeconds) && clip.durationSeconds > 0);
    if (clip.isStreaming) assert.equal(clip.durationSeconds, null);
    for (const text of [clip.title, clip.rawStatus, clip.tags, clip.model, clip.lyrics, clip.description, clip.errorMessage]) {
      assert.ok(text === null || typeof text === 'string');
    }
  }
  // The store persists tasks as JSON: nothing may be lost on the way.
  assert.deepEqual(JSON.parse(JSON.stringify(task)), task);
}

/** Runs one parser on a body: it returns valid tasks or throws a GatewayError, nothing else. */
function checkParse(body: string, batch: boolean): void {
  let tasks: Task[];
  try {
    tasks = batch ? parseBatchResponse(body, testContext()) : [parseTaskResponse(body, testContext())];
  } catch (error) {
    assert.ok(error instanceof GatewayError, `threw ${String(error)}`);
    assert.ok(error.kind === 'bad_response' || error.kind === 'not_found', `kind ${error.kind}`);
    assert.ok(error.message.length > 0);
    return;
  }
  tasks.forEach(assertTaskInvariants);
}

// ---------------------------------------------------------------------------------------------
// Mutating the fixtures
// ---------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Slot {
  readonly container: Json[] | { [key: string]: Json };
  readonly key: string | number;
}

function slotsOf(value: Json, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push({ container: value, key: index });
      slotsOf(item, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push({ container: value, key });
      slotsOf(item, out);
    }
  }
  return out;
}

interface Mutation {
  readonly kind: 'drop' | 'replace';
  readonly at: number;
  readonly value: Json;
}

/** Values that are wrong in interesting ways: other types, hostile URLs, edge-case words. */
const replacement: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.constantFrom<Json>('', '0', '100%', '45%', 'SUCCESS', 'streaming', 'complete', 'error', 'UNKNOWN', 'task_not_exist', 'javascript:alert(1)', 'data:text/html,x', '/relative.mp3', 'https://audiopipe.suno.ai/?item_id=x', '任务超时（10分钟）', '1733717599', '-1', 'NaN', '{"title":"x"}'),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<'drop' | 'replace'>('drop', 'replace'),
  at: fc.nat(),
  value: replacement,
});

function mutate(text: string, mutations: readonly Mutation[]): string {
  const json = JSON.parse(text) as Json;
  for (const change of mutations) {
    const slots = slotsOf(json);
    if (slots.length === 0) break;
    const slot = slots[change.at % slots.length];
    if (slot === undefined) continue;
    const { container, key } = slot;
    if (Array.isArray(container)) {
      if (change.kind === 'drop') container.splice(Number(key), 1);
      else container[Number(key)] = change.value;
    } else if (change.kind === 'drop') {
      delete container[String(key)];
    } else {
      container[String(key)] = change.value;
    }
  }
  return JSON.stringify(json);
}

const singleFixtures = [...taskFixtures(), ...listFixtures('errors')];
const batchFixtures = [...listFixtures('batch'), ...listFixtures('seeds')];

describe('parser properties', () => {
  it('returns a valid task or throws a GatewayError for arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.json(), fc.boolean(), (body, batch) => {
        checkParse(body, batch);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns a valid task or throws a GatewayError for arbitrary values wrapped as a task answer', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), fc.boolean(), (value, batch) => {
        let body: string;
        try {
          body = JSON.stringify({ code: 'success', message: '', data: value }) ?? '';
        } catch {
          return; // BigInt and friends have no JSON form: nothing a gateway could send.
        }
        checkParse(body, batch);
      }),
      { numRuns: RUNS },
    );
  });

  it('never crashes on arbitrary text, JSON or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.boolean(), (body, batch) => {
        checkParse(body, batch);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns a valid task or throws a GatewayError for randomly mutated fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...singleFixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }), (name, mutations) => {
        checkParse(mutate(readFixture(name), mutations), false);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns valid tasks or throws a GatewayError for randomly mutated batches', () => {
    fc.assert(
      fc.property(fc.constantFrom(...batchFixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }), (name, mutations) => {
        checkParse(mutate(readFixture(name), mutations), true);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutating one field of a task fixture never loses the task while its id stands', () => {
    fc.assert(
      fc.property(fc.constantFrom(...taskFixtures()), mutation, (name, change) => {
        const original = JSON.parse(readFixture(name)) as { data: { task_id: string } };
        const body = mutate(readFixture(name), [change]);
        const mutated = JSON.parse(body) as { data?: { task_id?: unknown; [key: string]: unknown } };
        const data = mutated.data;
        // Only when the envelope, the id and a task field survived must the answer still be a task.
        const fields = ['status', 'action', 'progress', 'submit_time', 'start_time', 'finish_time', 'fail_reason', 'clips', 'input', 'data'];
        fc.pre(data !== undefined && data !== null && typeof data === 'object' && data.task_id === original.data.task_id);
        fc.pre(fields.some((field) => data?.[field] !== undefined));
        const task = parseTaskResponse(body, testContext());
        assert.equal(task.id, original.data.task_id);
        assertTaskInvariants(task);
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects every truncated fixture as bad_response', () => {
    fc.assert(
      fc.property(fc.constantFrom(...taskFixtures()), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.boolean(), (name, fraction, batch) => {
        const text = readFixture(name).trimEnd();
        const cut = text.slice(0, Math.floor(text.length * fraction));
        assert.throws(
          () => (batch ? parseBatchResponse(cut, testContext()) : parseTaskResponse(cut, testContext())),
          (error: unknown) => error instanceof GatewayError && error.kind === 'bad_response',
        );
      }),
      { numRuns: RUNS },
    );
  });
});
