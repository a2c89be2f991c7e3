import * as assert from 'node:assert/strict';
import { BatchSupportMemory } from '../../src/core/gateway/batchSupportMemory';
import { GatewayClient } from '../../src/core/gateway/gatewayClient';
import type { GatewayErrorKind } from '../../src/core/gatewayError';
import type { Task } from '../../src/core/task/model';
import type { CustomSongBody, ExtendSongBody, SubmitRequest } from '../../src/core/wire/submitBodies';
import { LocalGateway } from '../../src/localGateway/localGateway';
import type { SubmitFault } from '../../src/localGateway/submitFaults';
import { fetchAbortingOnlyAfter } from './support/abortAfter';
import { rejection } from './support/rejection';

/* eslint-disable @typescript-eslint/no-explicit-any -- wire bodies are checked field by field */

const song: CustomSongBody = {
  prompt: '[Verse]\nCity lights are calling',
  mv: 'chirp-auk',
  title: 'City Lights',
  tags: 'emotional punk',
  make_instrumental: false,
  negative_tags: 'country',
};

describe('LocalGateway submits', () => {
  let gateway: LocalGateway;

  const client = (): GatewayClient => new GatewayClient({ baseUrl: gateway.url, apiKey: 'test-key', batchSupport: new BatchSupportMemory() });

  /** A raw POST, for what the client would never send. */
  async function post(path: string, body: unknown, key: string | null = 'test-key'): Promise<{ status: number; json: any }> {
    const response = await fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { Authorization: `Bearer ${key}` }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, json: JSON.parse(await response.text()) };
  }

  async function control(path: string, body?: unknown): Promise<any> {
    const response = await fetch(`${gateway.url}/__control/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    assert.equal(response.status, 200, `control ${path}`);
    return response.json();
  }

  /** Polls the task until it ends (each fetch moves it one stage on). */
  async function finished(id: string): Promise<Task> {
    for (let round = 0; round < 10; round++) {
      const task = await client().fetchTask(id);
      if (task.status === 'succeeded' || task.status === 'failed') return task;
    }
    assert.fail(`task ${id} did not finish`);
  }

  beforeEach(async () => {
    gateway = await LocalGateway.start();
  });

  afterEach(async () => {
    await gateway.close();
  });

  describe('accepted submits', () => {
    it("answers a song with new-api's task id and serves it with what was submitted", async () => {
      const id = await client().submit({ action: 'music', body: song });
      assert.match(id, /^task_[0-9a-f]{32}$/);
      const task = await finished(id);
      assert.equal(task.status, 'succeeded');
      assert.equal(task.action, 'music');
      assert.equal(task.title, 'City Lights');
      assert.equal(task.clips.length, 2);
      for (const clip of task.clips) {
        assert.equal(clip.tags, 'emotional punk');
        assert.equal(clip.model, 'chirp-auk');
        assert.equal(clip.lyrics, song.prompt);
      }
    });

    it('takes the action in any case, and records the submit as received and as forwarded', async () => {
      const answer = await post('/suno/submit/Music', song);
      assert.equal(answer.status, 200);
      assert.deepEqual(Object.keys(answer.json), ['code', 'message', 'data']);
      assert.equal(answer.json.code, 'success');
      const [record] = await control('submits');
      assert.equal(record.action, 'music');
      assert.equal(record.path, '/suno/submit/Music');
      assert.deepEqual(record.body, song);
      assert.deepEqual(record.forwarded, song);
      assert.equal(record.status, 200);
      assert.equal(record.taskId, answer.json.data);
      assert.equal(record.authorized, true);
      assert.equal(record.origin, null, 'Node sends no Origin');
    });

    it("records the Origin a browser page's submit comes with", async () => {
      const response = await fetch(`${gateway.url}/suno/submit/music`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer test-key', Origin: 'https://vscode.dev' },
        body: JSON.stringify(song),
      });
      assert.equal(response.status, 200);
      assert.deepEqual(gateway.submits.map(({ origin }) => origin), ['https://vscode.dev']);
    });

    it("drops the fields vanilla new-api drops in 'vanilla' mode, and keeps them again after a reset", async () => {
      await control('submit-mode', { fields: 'vanilla' });
      await post('/suno/submit/music', { ...song, persona_id: 'p1', notify_hook: 'https://example.com/hook' });
      const [record] = gateway.submits;
      assert.equal((record.body as any).negative_tags, 'country');
      assert.equal((record.body as any).persona_id, 'p1');
      assert.deepEqual(Object.keys(record.forwarded ?? {}).sort(), ['make_instrumental', 'mv', 'prompt', 'tags', 'title']);
      await control('reset', {});
      assert.equal(gateway.submits.length, 0);
      await post('/suno/submit/music', song);
      assert.equal(gateway.submits[0].forwarded?.negative_tags, 'country');
    });

    it('turns a missing model into chirp-v3-0, as new-api does', async () => {
      const answer = await post('/suno/submit/music', { prompt: 'la la', title: 'Old', tags: 'folk' });
      assert.equal(gateway.submits[0].forwarded?.mv, 'chirp-v3-0');
      const task = await finished(answer.json.data);
      assert.equal(task.clips[0].model, 'chirp-v3-0');
    });

    it('writes a title and lyrics from a description, and none for an instrumental', async () => {
      const sung = await client().submit({ action: 'music', body: { gpt_description_prompt: 'nostalgia for the sea', mv: 'chirp-v4', make_instrumental: false } });
      const task = await finished(sung);
      assert.equal(task.title, 'Nostalgia For The Sea');
      assert.equal(task.clips[0].description, 'nostalgia for the sea');
      assert.match(task.clips[0].lyrics ?? '', /^\[Verse\]\n.*nostalgia for the sea/);
      const instrumental = await finished(
        await client().submit({ action: 'music', body: { gpt_description_prompt: 'rain', mv: 'chirp-v4', make_instrumental: true } }),
      );
      assert.equal(instrumental.clips[0].lyrics, null);
    });

    it('accepts an instrumental with an empty prompt', async () => {
      const id = await client().submit({ action: 'music', body: { ...song, prompt: '', make_instrumental: true } });
      assert.equal((await finished(id)).title, 'City Lights');
    });

    it('answers lyrics with a lyrics task that has a title and lyrics on the theme', async () => {
      const id = await client().submit({ action: 'lyrics', body: { prompt: 'a bright pop song about the sea' } });
      assert.match(id, /^task_[0-9a-f]{32}$/);
      const task = await finished(id);
      assert.equal(task.action, 'lyrics');
      assert.equal(task.title, 'A Bright Pop Song');
      assert.match(task.lyrics ?? '', /\[Chorus\]/);
      assert.match(task.lyrics ?? '', /a bright pop song about the sea/);
    });

    it('continues a clip of a task it created, from the second asked for', async () => {
      const original = await finished(await client().submit({ action: 'music', body: song }));
      const body: ExtendSongBody = { ...song, task_id: original.id, continue_clip_id: original.clips[0].id, continue_at: 80 };
      const id = await client().submit({ action: 'music', body });
      await finished(id);
      const raw = JSON.parse((await client().fetchRaw(id)).body);
      assert.deepEqual(raw.data.data[0].metadata.history, [{ id: original.clips[0].id, continue_at: 80, type: 'gen', source: 'web' }]);
    });

    it('speaks the dialect set for new songs, with upstream ids outside new-api', async () => {
      await control('submit-mode', { fields: 'all', musicDialect: 'flat' });
      const id = await client().submit({ action: 'music', body: song });
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(gateway.taskInfo(id)?.dialect, 'flat');
      assert.equal((await finished(id)).clips[0].model, 'chirp-auk');
    });
  });

  describe("new-api's refusals", () => {
    const refusals: [string, string, unknown, string][] = [
      ['an empty prompt for a song with lyrics', '/suno/submit/music', { ...song, prompt: '  ' }, 'prompt_empty'],
      ['an empty lyrics prompt', '/suno/submit/lyrics', { prompt: '' }, 'prompt_empty'],
      ['a clip to continue without a task id', '/suno/submit/music', { ...song, continue_clip_id: 'c1', continue_at: 10 }, 'task id is empty'],
      ['an unknown action', '/suno/submit/concat', song, 'invalid_action'],
    ];
    for (const [name, path, body, message] of refusals) {
      it(`answers 400 invalid_request "${message}" for ${name}, and makes no task`, async () => {
        const answer = await post(path, body);
        assert.equal(answer.status, 400);
        assert.deepEqual(answer.json, { code: 'invalid_request', message, data: null });
        assert.equal(gateway.listTasks().length, 0);
        assert.equal(gateway.submits[0].forwarded, null);
        assert.equal(gateway.submits[0].status, 400);
      });
    }

    it('answers 400 task_not_exist for a continuation of a task it does not know', async () => {
      const answer = await post('/suno/submit/music', { ...song, task_id: 'task_unknown', continue_clip_id: 'c1', continue_at: 10 });
      assert.equal(answer.status, 400);
      assert.equal(answer.json.code, 'task_not_exist');
      const body: ExtendSongBody = { ...song, task_id: 'task_unknown', continue_clip_id: 'c1', continue_at: 10 };
      await rejection(client().submit({ action: 'music', body }), 'not_found');
    });

    it('refuses fields of the wrong type, bodies that are no JSON, and a missing key', async () => {
      assert.equal((await post('/suno/submit/music', { ...song, prompt: 42 })).json.code, 'invalid_request');
      assert.equal((await post('/suno/submit/music', { ...song, continue_at: -5 })).json.code, 'invalid_request');
      assert.equal((await post('/suno/submit/music', '{oops')).json.code, 'invalid_request');
      assert.equal((await post('/suno/submit/music', [song])).json.code, 'invalid_request');
      assert.equal((await post('/suno/submit/music', song, null)).status, 401);
      assert.equal((await post('/suno/submit/music', song, 'wrong-key')).status, 401);
      assert.equal(gateway.listTasks().length, 0);
    });
  });

  describe('submit faults', () => {
    const music: SubmitRequest = { action: 'music', body: song };
    const faults: [SubmitFault, GatewayErrorKind][] = [
      [{ kind: 'quota' }, 'quota'],
      [{ kind: 'quota', wording: 'insufficient_balance' }, 'quota'],
      [{ kind: 'quota', wording: 'yu_e_bu_zu' }, 'quota'],
      [{ kind: 'quota', wording: 'e_du_bu_zu' }, 'quota'],
      [{ kind: 'quota', wording: 'payment_required' }, 'quota'],
      [{ kind: 'quota', wording: 'rate_limited' }, 'quota'],
      [{ kind: 'invalid_request', message: 'invalid_action' }, 'invalid_input'],
      [{ kind: 'unauthorized' }, 'auth'],
      [{ kind: 'rate_limit' }, 'rate_limited'],
      [{ kind: 'upstream' }, 'server'],
      [{ kind: 'html' }, 'server'],
    ];
    for (const [fault, kind] of faults) {
      it(`${JSON.stringify(fault)} reaches the client as ${kind}, and makes no task`, async () => {
        await control('submit-fault', fault);
        await rejection(client().submit(music), kind);
        assert.equal(gateway.listTasks().length, 0);
        assert.equal(gateway.submits.length, 1);
      });
    }

    it('hangs after taking the body: the task exists, the client learns an unknown outcome', async () => {
      gateway.setSubmitFault({ kind: 'hang' });
      const fetch = fetchAbortingOnlyAfter(() => gateway.submits.length > 0);
      const hurried = new GatewayClient({ baseUrl: gateway.url, apiKey: 'test-key', timeoutMs: 100, fetch });
      const error = await rejection(hurried.submit(music), 'outcome_unknown');
      assert.match(error.message, /before submitting again/);
      assert.equal(gateway.listTasks().length, 1);
      assert.equal(gateway.submits[0].status, null);
      assert.equal(gateway.openResources().pendingDelays, 1);
      await gateway.close();
      assert.equal(gateway.openResources().pendingDelays, 0);
    });

    it('drops the connection after taking the body: the task exists, the outcome is unknown', async () => {
      gateway.setSubmitFault({ kind: 'reset', count: 1 });
      await rejection(client().submit(music), 'outcome_unknown');
      assert.equal(gateway.listTasks().length, 1);
      assert.equal(gateway.currentSubmitFault(), null);
      assert.match(await client().submit(music), /^task_/);
    });

    it('counts down a fault, and leaves the fetch routes alone', async () => {
      await control('submit-fault', { kind: 'quota', count: 2 });
      assert.deepEqual(await control('submit-fault'), { fault: { kind: 'quota', count: 2 } });
      await rejection(client().submit(music), 'quota');
      const id = gateway.addTask({ startStage: 'SUCCESS' });
      assert.equal((await client().fetchTask(id)).status, 'succeeded');
      await rejection(client().submit(music), 'quota');
      assert.match(await client().submit(music), /^task_/);
    });

    it('refuses a fault it does not know over the control API', async () => {
      const response = await fetch(`${gateway.url}/__control/submit-fault`, { method: 'POST', body: JSON.stringify({ kind: 'explode' }) });
      assert.equal(response.status, 400);
      assert.equal(gateway.currentSubmitFault(), null);
    });
  });
});
