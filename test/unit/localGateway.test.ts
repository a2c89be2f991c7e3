import * as assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { LocalGateway, type Dialect, type Stage } from '../../src/localGateway/localGateway';
import { addDemoTasks, formatDemoTask } from '../../src/localGateway/demoTasks';
import { parseGatewayArgs } from '../../src/localGateway/main';
import { clipDurationSeconds, parseRange, SAMPLE_RATE } from '../../src/localGateway/media';
import { isGatewayError } from '../../src/core/gatewayError';
import type { TaskStatus } from '../../src/core/task/model';
import { parseBatchResponse, parseTaskResponse, type ResponseContext } from '../../src/core/wire/parseTask';

/* eslint-disable @typescript-eslint/no-explicit-any -- wire bodies are checked field by field */

const AUTH = { Authorization: 'Bearer test-key' };
const NOW = 1_733_717_567_000;

interface Answer {
  status: number;
  contentType: string | null;
  headers: Headers;
  text: string;
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  return { status: response.status, contentType: response.headers.get('content-type'), headers: response.headers, text: await response.text() };
}

function json(answer: Answer): any {
  return JSON.parse(answer.text);
}

describe('LocalGateway', () => {
  let gateway: LocalGateway;
  let clock: number;

  beforeEach(async () => {
    clock = NOW;
    gateway = await LocalGateway.start({ now: () => clock });
  });

  afterEach(async () => {
    await gateway.close();
  });

  function fetchOne(id: string, headers: Record<string, string> = AUTH): Promise<Answer> {
    return call(`${gateway.url}/suno/fetch/${encodeURIComponent(id)}`, { headers });
  }

  function fetchBatch(body: unknown, path = '/suno/fetch', headers: Record<string, string> = AUTH): Promise<Answer> {
    return call(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function statusesOver(id: string, fetches: number): Promise<string[]> {
    const seen: string[] = [];
    for (let index = 0; index < fetches; index++) seen.push(json(await fetchOne(id)).data.status);
    return seen;
  }

  it('listens on 127.0.0.1 with a real port', () => {
    assert.match(gateway.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(gateway.url, 'http://127.0.0.1:0');
  });

  describe('stages', () => {
    it('moves a task one stage per fetch and stays at SUCCESS', async () => {
      const id = gateway.addTask();
      assert.equal(gateway.stageOf(id), 'NOT_START');
      assert.deepEqual(await statusesOver(id, 6), ['NOT_START', 'SUBMITTED', 'QUEUED', 'IN_PROGRESS', 'SUCCESS', 'SUCCESS']);
      assert.equal(gateway.stageOf(id), 'SUCCESS');
    });

    it('ends a failing task in FAILURE with its reason', async () => {
      const id = gateway.addTask({ outcome: 'failure', failReason: '任务超时（10分钟）', startStage: 'IN_PROGRESS' });
      assert.deepEqual(await statusesOver(id, 2), ['IN_PROGRESS', 'FAILURE']);
      const data = json(await fetchOne(id)).data;
      assert.equal(data.fail_reason, '任务超时（10分钟）');
      assert.equal(data.data[0].status, 'error');
      assert.equal(data.data[0].metadata.error_message, '任务超时（10分钟）');
    });

    it('waits pollsPerStage fetches before each move', async () => {
      const id = gateway.addTask({ pollsPerStage: 3, startStage: 'QUEUED' });
      assert.deepEqual(await statusesOver(id, 7), ['QUEUED', 'QUEUED', 'QUEUED', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'SUCCESS']);
    });

    it('counts a batch fetch as a poll of every task in it', async () => {
      const a = gateway.addTask();
      const b = gateway.addTask({ pollsPerStage: 2 });
      await fetchBatch({ ids: [a, b] });
      assert.equal(gateway.stageOf(a), 'SUBMITTED');
      assert.equal(gateway.stageOf(b), 'NOT_START');
      await fetchBatch({ ids: [b] });
      assert.equal(gateway.stageOf(a), 'SUBMITTED');
      assert.equal(gateway.stageOf(b), 'SUBMITTED');
    });

    it('does not count rejected or faulted requests as polls', async () => {
      const id = gateway.addTask();
      await fetchOne(id, {});
      gateway.setFault({ kind: 'status', status: 503, count: 1 });
      await fetchOne(id);
      gateway.setFault({ kind: 'truncated', count: 1 });
      await fetchOne(id);
      assert.equal(gateway.stageOf(id), 'NOT_START');
    });

    it('never moves a task with pollsPerStage 0 except by hand', async () => {
      const id = gateway.addTask({ pollsPerStage: 0, startStage: 'IN_PROGRESS' });
      assert.deepEqual(await statusesOver(id, 3), ['IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS']);
      assert.equal(gateway.advance(id), 'SUCCESS');
      assert.equal(gateway.advance(id), 'SUCCESS');
      gateway.setStage(id, 'QUEUED');
      assert.equal(json(await fetchOne(id)).data.status, 'QUEUED');
    });

    it('takes ids, start stages and texts from the spec and refuses contradictions', () => {
      const id = gateway.addTask({ id: 'my-task', startStage: 'FAILURE' });
      assert.equal(id, 'my-task');
      assert.equal(gateway.taskInfo(id)?.outcome, 'failure');
      assert.throws(() => gateway.addTask({ id: 'my-task' }), /already exists/);
      assert.throws(() => gateway.addTask({ startStage: 'SUCCESS', outcome: 'failure' }), /contradicts/);
      assert.throws(() => gateway.addTask({ pollsPerStage: -1 }));
      assert.throws(() => gateway.stageOf('nope'), /no such task/);
    });

    it('derives distinct, UUID-shaped clip ids from the task id, the same for the same id', () => {
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
      const first = gateway.taskInfo(gateway.addTask({ id: 'fixed-task' }))?.clipIds ?? [];
      const other = gateway.taskInfo(gateway.addTask({ id: 'other-task' }))?.clipIds ?? [];
      assert.equal(first.length, 2);
      for (const clipId of [...first, ...other]) assert.match(clipId, uuid);
      assert.equal(new Set([...first, ...other]).size, 4, 'clip ids must differ within and across tasks');
      // The same task id again (a new run of the tests): the same clips, so the same cover art.
      gateway.removeTask('fixed-task');
      assert.deepEqual(gateway.taskInfo(gateway.addTask({ id: 'fixed-task', dialect: 'goapi' }))?.clipIds, first);
    });

    it('forgets removed tasks and everything on reset', async () => {
      const id = gateway.addTask();
      assert.equal(gateway.removeTask(id), true);
      assert.equal(gateway.removeTask(id), false);
      assert.equal((await fetchOne(id)).status, 400);
      gateway.addTask();
      gateway.setFault({ kind: 'garbage' });
      gateway.setApiKeys(['other']);
      gateway.setBatch(false);
      gateway.reset();
      assert.deepEqual(gateway.listTasks(), []);
      assert.equal(gateway.currentFault(), null);
      assert.deepEqual(gateway.requests, []);
      assert.equal((await fetchBatch({ ids: [] })).status, 200);
    });
  });

  describe('dialects', () => {
    async function bodyAt(dialect: Dialect, stage: Stage, extra: Record<string, unknown> = {}): Promise<any> {
      const id = gateway.addTask({ dialect, startStage: stage, pollsPerStage: 0, ...extra });
      const answer = await fetchOne(id);
      assert.equal(answer.status, 200);
      return { id, answer, body: json(answer) };
    }

    it('native: NOT_START looks like CometAPI’s page (data null, progress 0%, finish_time 0)', async () => {
      const { id, body } = await bodyAt('native', 'NOT_START');
      assert.equal(body.code, 'success');
      assert.equal(body.message, '');
      assert.equal(body.data.task_id, id);
      assert.equal(body.data.action, 'MUSIC');
      assert.equal(body.data.status, 'NOT_START');
      assert.equal(body.data.progress, '0%');
      assert.equal(body.data.finish_time, 0);
      assert.equal(body.data.submit_time, NOW / 1000);
      assert.equal(body.data.data, null);
    });

    it('native: streaming clips point at the gateway’s stream and have no duration', async () => {
      const { body } = await bodyAt('native', 'IN_PROGRESS');
      assert.equal(body.data.progress, '0%');
      const clips = body.data.data;
      assert.equal(clips.length, 2);
      for (const clip of clips) {
        assert.equal(clip.status, 'streaming');
        assert.equal(clip.audio_url, `${gateway.url}/stream/${clip.id}`);
        assert.equal(clip.metadata.duration, null);
      }
    });

    it('native: a finished task has two complete clips with media, lyrics and durations', async () => {
      const { answer, body } = await bodyAt('native', 'SUCCESS');
      assert.match(answer.contentType ?? '', /^application\/json/);
      assert.equal(body.data.status, 'SUCCESS');
      assert.equal(body.data.progress, '100%');
      assert.equal(body.data.finish_time - body.data.submit_time, 150);
      const [first, second] = body.data.data;
      assert.notEqual(first.id, second.id);
      assert.equal(first.title, second.title);
      for (const clip of [first, second]) {
        assert.equal(clip.status, 'complete');
        assert.equal(clip.model_name, 'chirp-v4');
        assert.equal(clip.audio_url, `${gateway.url}/media/${clip.id}.wav`);
        assert.equal(clip.video_url, `${gateway.url}/media/${clip.id}.mp4`);
        assert.equal(clip.image_url, `${gateway.url}/media/${clip.id}.png`);
        assert.equal(clip.image_large_url, `${gateway.url}/media/${clip.id}-large.png`);
        assert.equal(clip.metadata.duration, clipDurationSeconds(clip.id));
        assert.match(clip.metadata.prompt, /\[Verse\][\s\S]*\[Chorus\]/);
        assert.equal(typeof clip.metadata.tags, 'string');
        assert.match(clip.created_at, /^\d{4}-\d\d-\d\dT/);
      }
    });

    it('native: submitted and queued clips have no media yet', async () => {
      for (const [stage, clipStatus] of [['SUBMITTED', 'submitted'], ['QUEUED', 'queued']] as const) {
        const { body } = await bodyAt('native', stage);
        assert.equal(body.data.data[0].status, clipStatus);
        assert.equal(body.data.data[0].audio_url, '');
        assert.equal(body.data.data[0].image_url, null);
      }
    });

    it('uses the given title, lyrics and tags', async () => {
      const { body } = await bodyAt('native', 'SUCCESS', { title: 'Mine', lyrics: '[Verse]\nla\n[Chorus]\nla la', tags: 'lo-fi' });
      assert.equal(body.data.data[0].title, 'Mine');
      assert.equal(body.data.data[1].metadata.prompt, '[Verse]\nla\n[Chorus]\nla la');
      assert.equal(body.data.data[1].metadata.tags, 'lo-fi');
    });

    it('flat: flattened clips with "<uuid>_n" task ids, string times and lowercase status', async () => {
      const { id, body } = await bodyAt('flat', 'SUCCESS');
      assert.equal(body.code, 'success');
      assert.equal(body.data.status, 'success');
      assert.equal(body.data.notify_hook, '');
      const clips = body.data.data;
      assert.deepEqual(clips.map((clip: any) => clip.task_id), [`${id}_1`, `${id}_2`]);
      for (const clip of clips) {
        assert.equal(clip.clip_id, clip.id);
        assert.equal(clip.mv, 'chirp-v4');
        assert.equal(clip.state, 'succeeded');
        assert.equal(clip.status, 'complete');
        assert.equal(clip.create_time, String(NOW / 1000 - 150), 'a finished task was submitted minutes ago');
        assert.equal(clip.duration, String(clipDurationSeconds(clip.id)));
        assert.match(clip.prompt, /\[Chorus\]/);
      }
      assert.equal((await bodyAt('flat', 'NOT_START')).body.data.status, 'not_start');
      assert.deepEqual((await bodyAt('flat', 'NOT_START')).body.data.data, []);
      assert.equal((await bodyAt('flat', 'IN_PROGRESS')).body.data.status, 'in_progress');
    });

    it('flat: a failed clip carries the reason in msg', async () => {
      const { body } = await bodyAt('flat', 'FAILURE', { failReason: 'time out' });
      assert.equal(body.data.status, 'failure');
      assert.equal(body.data.fail_reason, 'time out');
      assert.equal(body.data.data[0].state, 'failed');
      assert.equal(body.data.data[0].msg, 'time out');
    });

    it('goapi: numeric code, word statuses, input as a JSON string, clips keyed by id', async () => {
      const { id, body } = await bodyAt('goapi', 'SUCCESS', { title: 'Breeze' });
      assert.equal(body.code, 200);
      assert.equal(body.message, 'success');
      assert.equal(body.data.task_id, id);
      assert.equal(body.data.status, 'completed');
      const input = JSON.parse(body.data.input);
      assert.equal(input.title, 'Breeze');
      assert.equal(input.mv, 'chirp-v4');
      const entries = Object.entries(body.data.clips) as [string, any][];
      assert.equal(entries.length, 2);
      for (const [key, clip] of entries) {
        assert.equal(clip.id, key);
        assert.equal(clip.status, 'complete');
        assert.equal(clip.metadata.duration, String(clipDurationSeconds(key)));
      }
      assert.equal((await bodyAt('goapi', 'QUEUED')).body.data.status, 'pending');
      assert.deepEqual((await bodyAt('goapi', 'NOT_START')).body.data.clips, {});
      assert.equal((await bodyAt('goapi', 'IN_PROGRESS')).body.data.status, 'processing');
    });

    it('goapi: a failure has error_message at the top and in the task', async () => {
      const { body } = await bodyAt('goapi', 'FAILURE', { failReason: 'time out' });
      assert.equal(body.data.status, 'failed');
      assert.equal(body.error_message, 'time out');
      assert.equal(body.data.error_message, 'time out');
    });

    it('newapi: task_ ids, the newer DTO fields, served as text/plain', async () => {
      const { id, answer, body } = await bodyAt('newapi', 'SUCCESS');
      assert.match(id, /^task_[A-Za-z0-9]{32}$/);
      assert.match(answer.contentType ?? '', /^text\/plain/);
      const data = body.data;
      assert.equal(data.task_id, id);
      assert.equal(typeof data.id, 'number');
      assert.equal(data.created_at, NOW / 1000 - 150);
      assert.equal(data.finish_time, NOW / 1000);
      assert.equal(typeof data.updated_at, 'number');
      assert.equal(data.platform, 'suno');
      for (const field of ['user_id', 'channel_id', 'quota']) assert.equal(typeof data[field], 'number', field);
      assert.equal(data.group, 'default');
      assert.equal(data.result_url, data.data[0].audio_url);
      assert.equal(typeof data.properties, 'object');
      assert.equal(data.status, 'SUCCESS');
      assert.equal(data.data.length, 2);
    });

    it('lyrics: action LYRICS with one {id, text, title, status} object', async () => {
      const done = (await bodyAt('lyrics', 'SUCCESS', { title: 'Tram', lyrics: '[Verse]\nding' })).body.data;
      assert.equal(done.action, 'LYRICS');
      assert.equal(done.status, 'SUCCESS');
      assert.deepEqual(Object.keys(done.data).sort(), ['id', 'status', 'text', 'title']);
      assert.equal(done.data.text, '[Verse]\nding');
      assert.equal(done.data.title, 'Tram');
      assert.equal(done.data.status, 'complete');
      assert.equal((await bodyAt('lyrics', 'NOT_START')).body.data.data, null);
      assert.equal((await bodyAt('lyrics', 'IN_PROGRESS')).body.data.data.status, 'running');
      assert.equal((await bodyAt('lyrics', 'FAILURE')).body.data.data.status, 'error');
    });
  });

  describe('batch', () => {
    it('returns known rows in creation order, leaving unknown ids out', async () => {
      const a = gateway.addTask();
      const b = gateway.addTask({ dialect: 'flat' });
      const c = gateway.addTask();
      const answer = await fetchBatch({ ids: [c, 'unknown', a, b, a], action: 'MUSIC' });
      assert.equal(answer.status, 200);
      assert.deepEqual(json(answer).data.map((row: any) => row.task_id), [a, b, c]);
      assert.equal(json(answer).code, 'success');
    });

    it('answers empty ids with data: []', async () => {
      gateway.addTask();
      assert.deepEqual(json(await fetchBatch({ ids: [] })), { code: 'success', message: '', data: [] });
    });

    it('refuses a malformed body with 400 invalid_request', async () => {
      for (const body of ['{"ids": [', '[]', '{"ids": "abc"}', '{"ids": [1, 2]}', '{}']) {
        const answer = await fetchBatch(body);
        assert.equal(answer.status, 400, body);
        const parsed = json(answer);
        assert.equal(parsed.code, 'invalid_request');
        assert.equal(typeof parsed.message, 'string');
        assert.equal(parsed.data, null);
      }
    });

    it('can be switched off (404), answer 405, or move to /suno/submit/fetch', async () => {
      const id = gateway.addTask();
      gateway.setBatch(false);
      const off = await fetchBatch({ ids: [id] });
      assert.equal(off.status, 404);
      assert.equal(off.text, '404 page not found');
      gateway.setBatch('method_not_allowed');
      assert.equal((await fetchBatch({ ids: [id] })).status, 405);
      gateway.setBatch('submit_path');
      assert.equal((await fetchBatch({ ids: [id] })).status, 404);
      const moved = await fetchBatch({ ids: [id] }, '/suno/submit/fetch');
      assert.equal(moved.status, 200);
      assert.equal(json(moved).data[0].task_id, id);
      gateway.setBatch(true);
      assert.equal((await fetchBatch({ ids: [id] }, '/suno/submit/fetch')).status, 404);
    });

    it('starts with the batch mode given to start()', async () => {
      const other = await LocalGateway.start({ batch: 'submit_path' });
      try {
        const answer = await call(`${other.url}/suno/submit/fetch`, { method: 'POST', headers: AUTH, body: '{"ids":[]}' });
        assert.equal(answer.status, 200);
      } finally {
        await other.close();
      }
    });

    it('renders each row in its own dialect', async () => {
      const goapi = gateway.addTask({ dialect: 'goapi', startStage: 'SUCCESS' });
      const lyrics = gateway.addTask({ dialect: 'lyrics', startStage: 'SUCCESS' });
      const body = json(await fetchBatch({ ids: [goapi, lyrics] }));
      assert.equal(body.code, 200);
      assert.equal(body.data[0].status, 'completed');
      assert.equal(body.data[1].action, 'LYRICS');
    });
  });

  describe('auth and errors', () => {
    it('answers a missing or wrong key with new-api’s 401', async () => {
      const id = gateway.addTask();
      for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: 'test-key' }] as Record<string, string>[]) {
        const answer = await fetchOne(id, headers);
        assert.equal(answer.status, 401);
        const body = json(answer);
        assert.match(body.error.message, /^无效的令牌 \(request id: \w+\)$/);
        assert.equal(body.error.type, 'new_api_error');
        assert.equal(body.error.code, '');
      }
      assert.equal((await fetchBatch({ ids: [id] }, '/suno/fetch', {})).status, 401);
    });

    it('accepts the keys it is given', async () => {
      const id = gateway.addTask();
      gateway.setApiKeys(['sk-one', 'sk-two']);
      assert.equal((await fetchOne(id)).status, 401);
      assert.equal((await fetchOne(id, { Authorization: 'Bearer sk-two' })).status, 200);
      gateway.setApiKeys([]);
      assert.equal((await fetchOne(id, { Authorization: 'Bearer sk-two' })).status, 401);
      gateway.setApiKeys(['*']);
      assert.equal((await fetchOne(id, { Authorization: 'bearer anything' })).status, 200);
    });

    it('answers an unknown id with 400 task_not_exist', async () => {
      const answer = await fetchOne('2a145658-3342-4228-b779-b8323a2b77df');
      assert.equal(answer.status, 400);
      assert.deepEqual(json(answer), { code: 'task_not_exist', message: 'task_not_exist', data: null });
    });

    it('URL-decodes the id of a single fetch', async () => {
      const id = gateway.addTask({ id: 'odd id/with?chars&é' });
      const answer = await fetchOne(id);
      assert.equal(answer.status, 200);
      assert.equal(json(answer).data.task_id, id);
      assert.deepEqual(gateway.requests.at(-1)?.ids, [id]);
    });

    it('answers unknown routes with 404 like a real server', async () => {
      const plain = await call(`${gateway.url}/v2/whatever`, { headers: AUTH });
      assert.equal(plain.status, 404);
      assert.equal(plain.text, '404 page not found');
      const relay = await call(`${gateway.url}/v1/suno/fetch/abc`, { headers: AUTH });
      assert.equal(relay.status, 404);
      assert.match(json(relay).error.message, /Invalid URL \(GET \/v1\/suno\/fetch\/abc\)/);
      assert.equal((await call(`${gateway.url}/suno/fetch`, { headers: AUTH })).status, 404);
      assert.equal((await call(`${gateway.url}/suno/fetch/a/b`, { headers: AUTH })).status, 404);
    });
  });

  describe('faults', () => {
    let id: string;
    beforeEach(() => {
      id = gateway.addTask({ startStage: 'SUCCESS' });
    });

    it('status: any status with get_task_failed JSON, or the given body', async () => {
      gateway.setFault({ kind: 'status', status: 500 });
      const answer = await fetchOne(id);
      assert.equal(answer.status, 500);
      assert.equal(json(answer).code, 'get_task_failed');
      gateway.setFault({ kind: 'status', status: 503, body: 'upstream busy' });
      const custom = await fetchOne(id);
      assert.equal(custom.status, 503);
      assert.equal(custom.text, 'upstream busy');
    });

    it('html: an nginx error page, or a 200 web page for a wrong base URL', async () => {
      gateway.setFault({ kind: 'html' });
      const proxy = await fetchOne(id);
      assert.equal(proxy.status, 502);
      assert.match(proxy.contentType ?? '', /^text\/html/);
      assert.match(proxy.text, /<title>502 Bad Gateway<\/title>[\s\S]*nginx/);
      gateway.setFault({ kind: 'html', status: 200 });
      const page = await fetchOne(id);
      assert.equal(page.status, 200);
      assert.match(page.text, /^<!doctype html>/);
    });

    it('truncated: the real body cut short', async () => {
      const whole = (await fetchOne(id)).text;
      gateway.setFault({ kind: 'truncated' });
      const answer = await fetchOne(id);
      assert.equal(answer.status, 200);
      assert.ok(answer.text.length < whole.length);
      assert.ok(whole.startsWith(answer.text));
      assert.throws(() => JSON.parse(answer.text));
    });

    it('garbage: a 200 that is not JSON', async () => {
      gateway.setFault({ kind: 'garbage' });
      const answer = await fetchOne(id);
      assert.equal(answer.status, 200);
      assert.throws(() => JSON.parse(answer.text));
    });

    it('wrong_api: 200 JSON of another API', async () => {
      gateway.setFault({ kind: 'wrong_api' });
      const body = json(await fetchOne(id));
      assert.equal(body.object, 'list');
      assert.equal(body.data[0].id, 'gpt-4o');
    });

    it('drop: the connection closes without an answer', async () => {
      gateway.setFault({ kind: 'drop' });
      await assert.rejects(fetchOne(id), TypeError);
      assert.equal(gateway.requests.at(-1)?.status, null);
    });

    it('delay: answers normally after delayMs', async () => {
      gateway.setFault({ kind: 'delay', delayMs: 150 });
      const started = Date.now();
      const answer = await fetchOne(id);
      assert.equal(answer.status, 200);
      assert.ok(Date.now() - started >= 140, 'answered too soon');
    });

    it('rate_limit: 429 with Retry-After and a Chinese OpenAI-style message', async () => {
      gateway.setFault({ kind: 'rate_limit', retryAfterSeconds: 7 });
      const answer = await fetchOne(id);
      assert.equal(answer.status, 429);
      assert.equal(answer.headers.get('retry-after'), '7');
      const body = json(answer);
      assert.match(body.error.message, /请稍后再试/);
      assert.equal(typeof body.error.type, 'string');
    });

    it('rate_limit: a Retry-After given as it is (a date, a huge number, garbage)', async () => {
      for (const retryAfter of ['Fri, 31 Dec 9999 23:59:59 GMT', '99999999', 'soon, maybe']) {
        gateway.setFault({ kind: 'rate_limit', retryAfter, retryAfterSeconds: 7 });
        const answer = await fetchOne(id);
        assert.equal(answer.status, 429);
        assert.equal(answer.headers.get('retry-after'), retryAfter);
      }
      gateway.setFault({ kind: 'rate_limit', retryAfterSeconds: 0 });
      assert.equal((await fetchOne(id)).headers.get('retry-after'), null);
      assert.throws(() => gateway.setFault({ kind: 'rate_limit', retryAfter: 'line\nbreak' }));
    });

    it('other_id: the first asked task comes back under an id nobody asked for', async () => {
      const second = gateway.addTask({ startStage: 'SUCCESS' });
      gateway.setFault({ kind: 'other_id' });
      assert.equal(json(await fetchOne(id)).data.task_id, `${id}-other`);
      const rows = json(await fetchBatch({ ids: [id, second] })).data as { task_id: string }[];
      assert.deepEqual(rows.map((row) => row.task_id), [`${id}-other`, second]);
    });

    it('upper_case_ids: the asked ids come back upper-cased', async () => {
      gateway.setFault({ kind: 'upper_case_ids' });
      assert.equal(json(await fetchOne(id)).data.task_id, id.toUpperCase());
      assert.equal(json(await fetchBatch({ ids: [id] })).data[0].task_id, id.toUpperCase());
    });

    it('duplicate_clips: the first clip of each task listed twice', async () => {
      const flat = gateway.addTask({ startStage: 'SUCCESS', dialect: 'flat' });
      gateway.setFault({ kind: 'duplicate_clips' });
      const native = json(await fetchOne(id)).data.data as { id: string }[];
      assert.equal(native.length, 3);
      assert.equal(native[2]!.id, native[0]!.id);
      const flatClips = json(await fetchOne(flat)).data.data as { clip_id: string }[];
      assert.equal(flatClips.length, 3);
      assert.equal(flatClips[2]!.clip_id, flatClips[0]!.clip_id);
    });

    it('oversized: a 200 body of the given size', async () => {
      gateway.setFault({ kind: 'oversized', sizeBytes: 2_000_000 });
      const answer = await fetchOne(id);
      assert.equal(answer.status, 200);
      assert.equal(Buffer.byteLength(answer.text), 2_000_000);
      assert.equal(json(answer).code, 'success');
    });

    it('count: affects that many requests, then clears itself', async () => {
      gateway.setFault({ kind: 'status', status: 502, count: 2 });
      assert.equal(gateway.currentFault()?.count, 2);
      assert.equal((await fetchOne(id)).status, 502);
      assert.equal((await fetchBatch({ ids: [id] })).status, 502);
      assert.equal((await fetchOne(id)).status, 200);
      assert.equal(gateway.currentFault(), null);
    });

    it('lasts until cleared without a count', async () => {
      gateway.setFault({ kind: 'rate_limit' });
      for (let index = 0; index < 3; index++) assert.equal((await fetchOne(id)).status, 429);
      gateway.setFault(null);
      assert.equal((await fetchOne(id)).status, 200);
    });

    it('leaves media and control routes alone', async () => {
      gateway.setFault({ kind: 'status', status: 500 });
      const clipId = gateway.taskInfo(id)?.clipIds[0] ?? '';
      assert.equal((await call(`${gateway.url}/media/${clipId}.wav`)).status, 200);
      assert.equal((await call(`${gateway.url}/__control/tasks/${id}`)).status, 200);
      assert.equal(gateway.currentFault()?.kind, 'status');
    });

    it('refuses an invalid fault', () => {
      assert.throws(() => gateway.setFault({ kind: 'explode' } as never));
      assert.throws(() => gateway.setFault({ kind: 'status', status: 42 }));
    });
  });

  describe('request log', () => {
    it('records every fetch request with its ids, auth and status', async () => {
      const a = gateway.addTask();
      const b = gateway.addTask();
      clock = NOW + 5000;
      await fetchOne(a);
      await fetchOne(b, {});
      await fetchBatch({ ids: [b, a] });
      await fetchBatch('not json');
      await call(`${gateway.url}/media/${gateway.taskInfo(a)?.clipIds[0]}.png`);
      await call(`${gateway.url}/__control/requests`);
      const log = gateway.requests;
      assert.equal(log.length, 4);
      assert.deepEqual(
        log.map(({ method, path, ids, authorized, status }) => ({ method, path, ids, authorized, status })),
        [
          { method: 'GET', path: `/suno/fetch/${a}`, ids: [a], authorized: true, status: 200 },
          { method: 'GET', path: `/suno/fetch/${b}`, ids: [b], authorized: false, status: 401 },
          { method: 'POST', path: '/suno/fetch', ids: [b, a], authorized: true, status: 200 },
          { method: 'POST', path: '/suno/fetch', ids: [], authorized: true, status: 400 },
        ],
      );
      assert.equal(log[0].at, NOW + 5000);
      assert.deepEqual(
        log.map(({ origin }) => origin),
        [null, null, null, null],
        'Node sends no Origin',
      );
      await fetchOne(a, { ...AUTH, Origin: 'https://vscode.dev' });
      assert.equal(gateway.requests.at(-1)?.origin, 'https://vscode.dev');
      gateway.clearRequests();
      assert.equal(gateway.requests.length, 0);
    });

    it('hands out copies, not its own log', async () => {
      await fetchOne('x');
      const copy = gateway.requests;
      copy[0].ids.push('y');
      assert.deepEqual(gateway.requests[0].ids, ['x']);
    });
  });

  describe('media', () => {
    let clipId: string;
    beforeEach(() => {
      clipId = gateway.taskInfo(gateway.addTask({ startStage: 'SUCCESS' }))?.clipIds[0] ?? '';
    });

    it('serves a valid mono PCM WAV as long as the clip says, without auth, with CORS', async () => {
      const response = await fetch(`${gateway.url}/media/${clipId}.wav`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'audio/wav');
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal(response.headers.get('accept-ranges'), 'bytes');
      const wav = Buffer.from(await response.arrayBuffer());
      assert.equal(wav.toString('ascii', 0, 4), 'RIFF');
      assert.equal(wav.readUInt32LE(4), wav.length - 8);
      assert.equal(wav.toString('ascii', 8, 16), 'WAVEfmt ');
      assert.equal(wav.readUInt16LE(20), 1, 'PCM');
      assert.equal(wav.readUInt16LE(22), 1, 'mono');
      assert.equal(wav.readUInt32LE(24), SAMPLE_RATE);
      assert.equal(wav.readUInt16LE(34), 16);
      assert.equal(wav.toString('ascii', 36, 40), 'data');
      const dataBytes = wav.readUInt32LE(40);
      assert.equal(dataBytes, wav.length - 44);
      const seconds = dataBytes / 2 / SAMPLE_RATE;
      assert.ok(Math.abs(seconds - clipDurationSeconds(clipId)) < 0.001);
      assert.ok(seconds >= 8 && seconds <= 20);
      let peak = 0;
      for (let offset = 44; offset < wav.length; offset += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(offset)));
      assert.ok(peak > 3000, 'the melody is audible');
      const again = Buffer.from(await (await fetch(`${gateway.url}/media/${clipId}.wav`)).arrayBuffer());
      assert.ok(again.equals(wav), 'the same clip gives the same bytes');
    });

    it('answers Range requests with 206 and Content-Range', async () => {
      const full = Buffer.from(await (await fetch(`${gateway.url}/media/${clipId}.wav`)).arrayBuffer());
      const partial = await fetch(`${gateway.url}/media/${clipId}.wav`, { headers: { Range: 'bytes=100-199' } });
      assert.equal(partial.status, 206);
      assert.equal(partial.headers.get('content-range'), `bytes 100-199/${full.length}`);
      assert.equal(partial.headers.get('content-length'), '100');
      assert.ok(Buffer.from(await partial.arrayBuffer()).equals(full.subarray(100, 200)));
      const open = await fetch(`${gateway.url}/stream/${clipId}`, { headers: { Range: 'bytes=1000-' } });
      assert.equal(open.status, 206);
      assert.equal(open.headers.get('content-range'), `bytes 1000-${full.length - 1}/${full.length}`);
      assert.equal((await open.arrayBuffer()).byteLength, full.length - 1000);
      const beyond = await fetch(`${gateway.url}/media/${clipId}.wav`, { headers: { Range: `bytes=${full.length}-` } });
      assert.equal(beyond.status, 416);
      assert.equal(beyond.headers.get('content-range'), `bytes */${full.length}`);
      await beyond.arrayBuffer();
    });

    it('parses suffix, open and odd ranges', () => {
      assert.deepEqual(parseRange('bytes=-10', 100), { kind: 'partial', start: 90, end: 99 });
      assert.deepEqual(parseRange('bytes=0-', 100), { kind: 'partial', start: 0, end: 99 });
      assert.deepEqual(parseRange('bytes=50-1000', 100), { kind: 'partial', start: 50, end: 99 });
      assert.deepEqual(parseRange('bytes=0-1,5-6', 100), { kind: 'full' });
      assert.deepEqual(parseRange(undefined, 100), { kind: 'full' });
      assert.deepEqual(parseRange('bytes=20-10', 100), { kind: 'unsatisfiable' });
    });

    it('serves the stream URL as audio too', async () => {
      const response = await fetch(`${gateway.url}/stream/${clipId}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'audio/wav');
      assert.equal(Buffer.from(await response.arrayBuffer()).toString('ascii', 0, 4), 'RIFF');
    });

    it('serves PNG covers in two sizes', async () => {
      for (const [suffix, size] of [['', 256], ['-large', 512]] as const) {
        const response = await fetch(`${gateway.url}/media/${clipId}${suffix}.png`);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'image/png');
        const png = Buffer.from(await response.arrayBuffer());
        assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        assert.equal(png.toString('ascii', 12, 16), 'IHDR');
        assert.equal(png.readUInt32BE(16), size);
        assert.equal(png.readUInt32BE(20), size);
        const idatLength = png.readUInt32BE(33);
        assert.equal(png.toString('ascii', 37, 41), 'IDAT');
        const raw = inflateSync(png.subarray(41, 41 + idatLength));
        assert.equal(raw.length, size * (1 + size * 3));
      }
    });

    it('has no video, answers HEAD, and refuses odd names and methods', async () => {
      assert.equal((await call(`${gateway.url}/media/${clipId}.mp4`)).status, 404);
      const head = await fetch(`${gateway.url}/media/${clipId}.wav`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.ok(Number(head.headers.get('content-length')) > 44);
      assert.equal((await call(`${gateway.url}/media/..%2Fetc.wav`)).status, 404);
      assert.equal((await call(`${gateway.url}/media/${clipId}.exe`)).status, 404);
      assert.equal((await call(`${gateway.url}/media/${clipId}.wav`, { method: 'POST' })).status, 405);
      const preflight = await call(`${gateway.url}/media/${clipId}.wav`, { method: 'OPTIONS' });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    });
  });

  describe('control API', () => {
    function control(method: string, path: string, body?: unknown): Promise<Answer> {
      return call(`${gateway.url}/__control/${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    }

    it('adds, reads, advances, stages and removes tasks', async () => {
      const created = await control('POST', 'tasks', { dialect: 'flat', startStage: 'QUEUED', title: 'From afar' });
      assert.equal(created.status, 201);
      const { id, stage, clipIds } = json(created);
      assert.equal(stage, 'QUEUED');
      assert.equal(clipIds.length, 2);
      assert.equal(gateway.taskInfo(id)?.title, 'From afar');
      assert.equal(json(await control('GET', `tasks/${encodeURIComponent(id)}`)).stage, 'QUEUED');
      assert.equal(json(await control('POST', `tasks/${id}/advance`)).stage, 'IN_PROGRESS');
      assert.equal(json(await control('POST', `tasks/${id}/stage`, { stage: 'FAILURE' })).stage, 'FAILURE');
      assert.deepEqual(json(await control('GET', 'tasks')).map((task: any) => task.id), [id]);
      assert.deepEqual(json(await control('DELETE', `tasks/${id}`)), { removed: true });
      assert.equal((await control('GET', `tasks/${id}`)).status, 404);
    });

    it('refuses bad specs with 400', async () => {
      for (const body of [{ dialect: 'klingon' }, { pollsPerStage: 'two' }, { surprise: true }]) {
        const answer = await control('POST', 'tasks', body);
        assert.equal(answer.status, 400, JSON.stringify(body));
        assert.equal(typeof json(answer).error, 'string');
      }
      const notJson = await call(`${gateway.url}/__control/tasks`, { method: 'POST', body: '{oops' });
      assert.equal(notJson.status, 400);
    });

    it('sets faults, batch mode and keys', async () => {
      const id = gateway.addTask();
      assert.equal(json(await control('POST', 'fault', { kind: 'rate_limit', count: 1 })).fault.kind, 'rate_limit');
      assert.equal(json(await control('GET', 'fault')).fault.count, 1);
      assert.equal((await fetchOne(id)).status, 429);
      await control('POST', 'fault', { kind: 'garbage' });
      assert.deepEqual(json(await control('POST', 'fault', null)), { fault: null });
      assert.equal((await control('POST', 'fault', { kind: 'nope' })).status, 400);

      assert.deepEqual(json(await control('POST', 'batch', { mode: false })), { mode: false });
      assert.equal((await fetchBatch({ ids: [id] })).status, 404);
      await control('POST', 'batch', { mode: 'submit_path' });
      assert.equal((await fetchBatch({ ids: [id] }, '/suno/submit/fetch')).status, 200);
      assert.equal((await control('POST', 'batch', { mode: 'sometimes' })).status, 400);

      await control('POST', 'keys', { keys: ['sk-new'] });
      assert.equal((await fetchOne(id)).status, 401);
      assert.equal((await fetchOne(id, { Authorization: 'Bearer sk-new' })).status, 200);
    });

    it('reports and clears the request log, and resets', async () => {
      const id = gateway.addTask();
      await fetchOne(id);
      await fetchOne(id, {});
      const log = json(await control('GET', 'requests'));
      assert.equal(log.length, 2);
      assert.deepEqual(log.map((entry: any) => entry.authorized), [true, false]);
      assert.deepEqual(json(await control('POST', 'requests/clear')), { ok: true });
      assert.deepEqual(json(await control('GET', 'requests')), []);
      await control('POST', 'keys', { keys: [] });
      assert.deepEqual(json(await control('POST', 'reset')), { ok: true });
      assert.equal(gateway.listTasks().length, 0);
      assert.equal((await fetchOne(id)).status, 400, 'the start keys are back and the task is gone');
      assert.equal((await control('GET', 'nothing-here')).status, 404);
    });
  });

  describe('cross-origin requests', () => {
    const preflight = (path: string, url = gateway.url): Promise<Response> =>
      fetch(`${url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://vscode.dev', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });

    it('are refused by default: no Access-Control-Allow-Origin, and a preflight gets 404', async () => {
      const id = gateway.addTask({ dialect: 'native', startStage: 'SUCCESS' });
      const answer = await fetch(`${gateway.url}/suno/fetch/${id}`, { headers: { ...AUTH, Origin: 'https://vscode.dev' } });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('access-control-allow-origin'), null);
      const refused = await preflight('/suno/fetch');
      assert.equal(refused.status, 404);
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
    });

    it('are allowed on request: the preflight allows the key header, answers say who may read them', async () => {
      const allowing = await LocalGateway.start({ allowCrossOrigin: true });
      try {
        const allowed = await preflight('/suno/submit/music', allowing.url);
        assert.equal(allowed.status, 204);
        assert.equal(allowed.headers.get('access-control-allow-origin'), '*');
        assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Authorization/);
        assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
        const id = allowing.addTask({ dialect: 'native', startStage: 'SUCCESS' });
        for (const answer of [
          await fetch(`${allowing.url}/suno/fetch/${id}`, { headers: AUTH }),
          await fetch(`${allowing.url}/suno/fetch/${id}`),
          await fetch(`${allowing.url}/suno/fetch`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify({ ids: [id] }) }),
        ]) {
          assert.equal(answer.headers.get('access-control-allow-origin'), '*', `HTTP ${answer.status}`);
          assert.match(answer.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
        }
        // The browser's question is no request of the client's.
        assert.ok(allowing.requests.every((request) => request.method !== 'OPTIONS'));
      } finally {
        await allowing.close();
      }
    });

    it('switch through the control API, and back on reset', async () => {
      const switched = await call(`${gateway.url}/__control/cors`, { method: 'POST', body: JSON.stringify({ allow: true }) });
      assert.deepEqual(json(switched), { allow: true });
      assert.equal((await preflight('/suno/fetch')).status, 204);
      assert.equal((await call(`${gateway.url}/__control/cors`, { method: 'POST', body: '{"allow": "yes"}' })).status, 400);
      gateway.reset();
      assert.equal((await preflight('/suno/fetch')).status, 404);
    });

    it('never touch the media routes, which a webview always may read', async () => {
      const id = gateway.addTask({ dialect: 'native', startStage: 'SUCCESS' });
      const clipId = gateway.taskInfo(id)?.clipIds[0];
      assert.ok(clipId);
      assert.equal((await fetch(`${gateway.url}/media/${clipId}.png`)).headers.get('access-control-allow-origin'), '*');
    });
  });

  describe('close', () => {
    function serverHandles(): number {
      return process.getActiveResourcesInfo().filter((name) => name === 'TCPServerWrap').length;
    }

    it('frees the port and leaves nothing open, even with a request in flight', async () => {
      const before = serverHandles();
      const other = await LocalGateway.start();
      assert.equal(serverHandles(), before + 1);
      const id = other.addTask();
      other.setFault({ kind: 'delay', delayMs: 60_000 });
      const inFlight = fetch(`${other.url}/suno/fetch/${id}`, { headers: AUTH }).then(
        () => 'answered',
        () => 'failed',
      );
      while (other.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(other.openResources(), { listening: true, connections: 1, pendingDelays: 1 });
      await other.close();
      assert.deepEqual(other.openResources(), { listening: false, connections: 0, pendingDelays: 0 });
      assert.equal(await inFlight, 'failed');
      // libuv releases the listening handle on the loop's next turn.
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(serverHandles(), before);
      await assert.rejects(fetch(`${other.url}/suno/fetch/${id}`, { headers: AUTH }));
      await other.close(); // a second close is harmless
    });

    it('refuses to bind anything but 127.0.0.1', async () => {
      await assert.rejects(LocalGateway.start({ host: '0.0.0.0' as '127.0.0.1' }), /only binds 127\.0\.0\.1/);
    });
  });

  describe('bodies the parser understands', () => {
    const expected: Record<Stage, TaskStatus> = {
      NOT_START: 'pending',
      SUBMITTED: 'pending',
      QUEUED: 'pending',
      IN_PROGRESS: 'running',
      SUCCESS: 'succeeded',
      FAILURE: 'failed',
    };
    const dialects: Dialect[] = ['native', 'flat', 'goapi', 'newapi', 'lyrics'];

    function contextOf(url: string, answer: Answer): ResponseContext {
      return { baseUrl: gateway.url, url, httpStatus: answer.status, contentType: answer.contentType, fetchedAt: new Date(NOW).toISOString() };
    }

    for (const dialect of dialects) {
      it(`parses every stage of a ${dialect} task into the expected status`, async () => {
        for (const stage of Object.keys(expected) as Stage[]) {
          const id = gateway.addTask({ dialect, startStage: stage, pollsPerStage: 0, failReason: '任务超时（10分钟）' });
          const url = `${gateway.url}/suno/fetch/${encodeURIComponent(id)}`;
          const answer = await fetchOne(id);
          const task = parseTaskResponse(answer.text, contextOf(url, answer));
          const where = `${dialect} at ${stage}`;
          assert.equal(task.id, id, where);
          assert.equal(task.status, expected[stage], where);
          assert.equal(task.action, dialect === 'lyrics' ? 'lyrics' : 'music', where);
          if (stage === 'FAILURE') assert.equal(task.failReason, '任务超时（10分钟）', where);
          if (dialect === 'lyrics') {
            if (stage === 'SUCCESS') assert.match(task.lyrics ?? '', /\[Chorus\]/, where);
            continue;
          }
          if (stage === 'IN_PROGRESS') {
            assert.equal(task.clips.length, 2, where);
            for (const clip of task.clips) {
              assert.equal(clip.isStreaming, true, where);
              assert.equal(clip.audioUrl, `${gateway.url}/stream/${clip.id}`, where);
              assert.equal(clip.durationSeconds, null, where);
            }
          }
          if (stage === 'SUCCESS') {
            assert.equal(task.clips.length, 2, where);
            for (const clip of task.clips) {
              assert.equal(clip.status, 'succeeded', where);
              assert.equal(clip.audioUrl, `${gateway.url}/media/${clip.id}.wav`, where);
              assert.equal(clip.imageUrl, `${gateway.url}/media/${clip.id}.png`, where);
              assert.equal(clip.durationSeconds, clipDurationSeconds(clip.id), where);
              assert.equal(clip.model, 'chirp-v4', where);
              assert.match(clip.lyrics ?? '', /\[Verse\]/, where);
            }
            assert.equal(task.title, task.clips[0].title, where);
          }
        }
      });
    }

    it('parses a mixed batch into tasks in creation order', async () => {
      const ids = dialects.map((dialect) => gateway.addTask({ dialect, startStage: 'SUCCESS' }));
      const url = `${gateway.url}/suno/fetch`;
      const answer = await fetchBatch({ ids: [...ids].reverse() });
      const tasks = parseBatchResponse(answer.text, contextOf(url, answer));
      assert.deepEqual(tasks.map((task) => task.id), ids);
      assert.ok(tasks.every((task) => task.status === 'succeeded'));
      const empty = await fetchBatch({ ids: ['nobody'] });
      assert.deepEqual(parseBatchResponse(empty.text, contextOf(url, empty)), []);
    });

    it('gives the parser errors it can tell apart', async () => {
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      const url = `${gateway.url}/suno/fetch/${id}`;
      const kindOf = (answer: Answer): string => {
        try {
          parseTaskResponse(answer.text, contextOf(url, answer));
          return 'parsed';
        } catch (error) {
          return isGatewayError(error) ? error.kind : 'other';
        }
      };
      assert.equal(kindOf(await fetchOne('unknown')), 'not_found');
      for (const kind of ['truncated', 'garbage', 'wrong_api', 'html'] as const) {
        gateway.setFault({ kind, status: kind === 'html' ? 200 : undefined });
        assert.equal(kindOf(await fetchOne(id)), 'bad_response', kind);
      }
    });
  });

  describe('standalone entry', () => {
    it('parses its command line', () => {
      assert.deepEqual(parseGatewayArgs([]), { port: 0, keys: ['test-key'], demo: false, idsFile: null, cors: false });
      assert.deepEqual(parseGatewayArgs(['--port', '8787', '--demo', '--key', 'a', '--key=b', '--ids-file', 'ids.json', '--cors']), {
        port: 8787,
        keys: ['a', 'b'],
        demo: true,
        idsFile: 'ids.json',
        cors: true,
      });
      assert.throws(() => parseGatewayArgs(['--host', '0.0.0.0']), /only binds 127\.0\.0\.1/);
      assert.throws(() => parseGatewayArgs(['--port', 'x']), /--port/);
      assert.throws(() => parseGatewayArgs(['--port']), /needs a value/);
      assert.throws(() => parseGatewayArgs(['--frobnicate']), /unknown argument/);
    });

    it('adds demo tasks of every kind and prints one line each', async () => {
      const tasks = addDemoTasks(gateway);
      assert.deepEqual(new Set(tasks.map((task) => task.dialect)), new Set(['native', 'flat', 'newapi', 'lyrics', 'goapi']));
      assert.ok(tasks.some((task) => task.outcome === 'failure' && gateway.stageOf(task.id) === 'FAILURE'));
      assert.ok(tasks.some((task) => task.outcome === 'running' && gateway.stageOf(task.id) === 'NOT_START'));
      for (const task of tasks) {
        assert.match(formatDemoTask(task), new RegExp(`^demo task: ${task.id} ${task.dialect} (success|failure|running) [A-Z_]+$`));
        assert.equal((await fetchOne(task.id)).status, 200);
      }
    });
  });
});
