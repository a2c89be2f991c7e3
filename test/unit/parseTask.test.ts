import * as assert from 'node:assert/strict';
import { describeResponse } from '../../src/core/wire/describeResponse';
import { GatewayError } from '../../src/core/gatewayError';
import type { Task } from '../../src/core/task/model';
import { parseBatchResponse, parseTaskData, parseTaskResponse } from '../../src/core/wire/parseTask';
import { normaliseTaskStatus, resolveTaskStatus } from '../../src/core/task/taskStatus';
import { deriveProgress } from '../../src/core/task/progress';
import { toWirePercent, toWireTime } from '../../src/core/wire/wireSchemas';
import { listFixtures, readFixture, taskFixtures, testContext, TEST_BASE_URL, TEST_FETCHED_AT } from './support/fixtures';

function parseFixture(name: string): Task {
  return parseTaskResponse(readFixture(name), testContext());
}

/** A fixture's JSON with `edit` applied to its task object, parsed again. */
function parseEdited(name: string, edit: (task: Record<string, unknown>) => void): Task {
  const json = JSON.parse(readFixture(name)) as { data: Record<string, unknown> };
  edit(json.data);
  return parseTaskResponse(JSON.stringify(json), testContext());
}

function parseFails(body: string, overrides: Parameters<typeof testContext>[0] = {}): GatewayError {
  try {
    parseTaskResponse(body, testContext(overrides));
  } catch (error) {
    assert.ok(error instanceof GatewayError, `expected a GatewayError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the parser to throw');
}

describe('parseTaskResponse', () => {
  describe('the gateways’ own examples', () => {
    it('reads dialect A (new-api, native clips) completely', () => {
      const task = parseFixture('seeds/000-native.json');
      assert.deepEqual(task, {
        id: '2a145658-3342-4228-b779-b8323a2b77df',
        baseUrl: TEST_BASE_URL,
        action: 'music',
        title: 'Happy Weekend',
        status: 'succeeded',
        rawStatus: 'SUCCESS',
        progress: 100,
        failReason: null,
        submittedAt: '2024-09-21T09:43:21.000Z',
        startedAt: '2024-09-21T09:43:32.000Z',
        finishedAt: '2024-09-21T09:44:57.000Z',
        clips: [
          {
            id: '3435e194-50e7-4edc-9442-bffe072fccfc',
            title: 'Happy Weekend',
            status: 'succeeded',
            rawStatus: 'complete',
            audioUrl: 'https://cdn1.suno.ai/3435e194-50e7-4edc-9442-bffe072fccfc.mp3',
            videoUrl: 'https://cdn1.suno.ai/3435e194-50e7-4edc-9442-bffe072fccfc.mp4',
            imageUrl: 'https://cdn2.suno.ai/image_3435e194-50e7-4edc-9442-bffe072fccfc.jpeg',
            imageLargeUrl: 'https://cdn2.suno.ai/image_large_3435e194-50e7-4edc-9442-bffe072fccfc.jpeg',
            durationSeconds: 128.92,
            tags: 'heartfelt salsa',
            model: 'chirp-v3',
            lyrics: null, // the prompt is "" in this example
            description: null,
            createdAt: '2024-09-21T09:43:21.637Z',
            errorMessage: null,
            isStreaming: false,
          },
        ],
        lyrics: null,
        fetchedAt: TEST_FETCHED_AT,
      });
    });

    it('reads dialect B (flattened clips): mv, prompt, duration and create_time as epoch text', () => {
      const task = parseFixture('seeds/001-flat.json');
      assert.equal(task.id, 'ba46ad15-07ce-41a6-b68d-196321dc00d5');
      assert.equal(task.status, 'succeeded');
      assert.equal(task.title, 'City Lights');
      assert.equal(task.clips.length, 2);
      const [first, second] = task.clips;
      assert.ok(first && second);
      // The clip's own id, not the flattened "<task>_1" task_id.
      assert.equal(first.id, 'a06015d0-9e04-4f30-85db-401494940394');
      assert.equal(second.id, 'a6bd6a70-4cde-4f06-a80b-7f199f7dd92e');
      assert.equal(first.model, 'chirp-v4');
      assert.equal(first.durationSeconds, 219);
      assert.equal(second.durationSeconds, 201);
      assert.equal(first.tags, 'emotional punk');
      assert.equal(first.createdAt, '2024-12-09T04:13:19.000Z');
      assert.equal(first.rawStatus, 'complete');
      assert.ok(first.lyrics?.startsWith('[Verse]\nWalking down the streets'));
      assert.ok(first.lyrics?.includes('I’m alive in this moment'), 'typographic apostrophes survive');
      assert.equal(first.errorMessage, null, 'an empty msg is no error');
      assert.equal(task.failReason, null);
    });

    it('reads dialect C (GoAPI): numeric code, completed, input as a JSON string, clips as a map', () => {
      const task = parseFixture('seeds/002-goapi.json');
      assert.equal(task.id, '56ea8da3-8507-4118-9f1e-111111111111');
      assert.equal(task.status, 'succeeded');
      assert.equal(task.rawStatus, 'completed');
      assert.equal(task.action, 'music');
      assert.equal(task.progress, 100);
      assert.deepEqual(
        task.clips.map((clip) => clip.id),
        ['e0fe8bba-fac8-460b-bf1c-111111111111', 'f66f7a6f-a868-464f-b280-111111111111'],
      );
      const clip = task.clips[0];
      assert.ok(clip);
      assert.equal(clip.title, "Blowin' in the Breeze");
      assert.equal(clip.description, 'blowing in the wind');
      assert.equal(clip.model, 'chirp-v3');
      assert.equal(clip.durationSeconds, 108.8);
      assert.equal(clip.imageLargeUrl, 'https://cdn1.suno.ai/image_large_e0fe8bba-fac8-460b-bf1c-111111111111.png');
      assert.ok(clip.lyrics?.includes("Blowin' in the breeze"));
      assert.equal(task.submittedAt, null);
      assert.equal(task.finishedAt, null);
    });

    it('reads dialect D (not started): pending at 0%, no clips, finish_time 0 is no time', () => {
      const task = parseFixture('seeds/003-not-started.json');
      assert.equal(task.id, 'dcb812bd-40c5-4907-836e-3a7aa9a2e546');
      assert.equal(task.status, 'pending');
      assert.equal(task.rawStatus, 'NOT_START');
      assert.equal(task.progress, 0);
      assert.deepEqual(task.clips, []);
      assert.equal(task.title, null);
      assert.equal(task.finishedAt, null);
      assert.equal(task.submittedAt, '2025-05-14T06:23:39.000Z');
      assert.equal(task.failReason, null, 'an empty fail_reason is no reason');
    });

    it('decides by the body, not the content type (CometAPI sends JSON as text/plain)', () => {
      const body = readFixture('seeds/003-not-started.json');
      for (const contentType of ['text/plain; charset=utf-8', 'text/html', null]) {
        assert.equal(parseTaskResponse(body, testContext({ contentType })).status, 'pending');
      }
    });

    it('accepts a byte order mark in front of the JSON', () => {
      assert.equal(parseTaskResponse(`\uFEFF${readFixture('seeds/000-native.json')}`, testContext()).status, 'succeeded');
    });

    it('copies baseUrl and fetchedAt from the context into the task', () => {
      const task = parseTaskResponse(
        readFixture('seeds/000-native.json'),
        testContext({ baseUrl: 'https://api.cometapi.com', fetchedAt: '2030-01-02T03:04:05.000Z' }),
      );
      assert.equal(task.baseUrl, 'https://api.cometapi.com');
      assert.equal(task.fetchedAt, '2030-01-02T03:04:05.000Z');
    });
  });

  describe('lyrics tasks', () => {
    it('reads the single lyrics object: text, title, no clips', () => {
      const task = parseFixture('dialects/lyrics-task.json');
      assert.equal(task.action, 'lyrics');
      assert.equal(task.status, 'succeeded');
      assert.equal(task.title, '月光 Moonlight');
      assert.equal(task.lyrics, '[Verse]\n月光洒在窗台\nMoonlight on the sill\n\n[Chorus]\nSing it <b>loud</b> & clear');
      assert.deepEqual(task.clips, []);
      assert.equal(task.progress, 100);
    });

    it('branches on the JSON type of data, not on action: a clip array labelled LYRICS is music', () => {
      const task = parseFixture('dialects/clip-array-labelled-lyrics.json');
      assert.equal(task.action, 'music');
      assert.equal(task.lyrics, null);
      assert.equal(task.clips.length, 1);
      assert.equal(task.clips[0]?.lyrics, '[Verse]\nA clip, not lyrics');
      assert.equal(task.title, 'Labelled Wrong');
    });

    it('reads a lyrics object even when action says MUSIC or is missing', () => {
      for (const action of ['MUSIC', undefined]) {
        const task = parseEdited('dialects/lyrics-task.json', (data) => {
          data['action'] = action;
        });
        assert.equal(task.action, 'lyrics');
        assert.ok(task.lyrics?.startsWith('[Verse]'));
      }
    });

    it('shows a lyrics task whose result is still running as running', () => {
      const task = parseEdited('dialects/lyrics-task.json', (data) => {
        data['finish_time'] = 0;
        (data['data'] as Record<string, unknown>)['status'] = 'running';
      });
      assert.equal(task.status, 'running');
      assert.ok(task.progress !== null && task.progress < 100);
    });
  });

  describe('newer new-api builds', () => {
    it('uses task_id (task_…), not the numeric database id, and ignores the extra fields', () => {
      const task = parseFixture('dialects/newer-new-api.json');
      assert.equal(task.id, 'task_Xy7KqP2mN8vR4tL0wZ3bC6dF9gH1jA5s');
      assert.equal(task.status, 'succeeded');
      assert.equal(task.title, 'Green Tea Morning');
      assert.equal(task.clips[0]?.model, 'chirp-v4-5');
      assert.equal(task.clips[0]?.description, 'a song about tea');
      assert.equal(task.submittedAt, '2025-10-09T08:53:21.000Z');
      assert.equal(task.finishedAt, '2025-10-09T08:56:30.000Z');
    });

    it('falls back to created_at when submit_time is missing', () => {
      const task = parseEdited('dialects/newer-new-api.json', (data) => {
        delete data['submit_time'];
      });
      assert.equal(task.submittedAt, '2025-10-09T08:53:20.000Z');
    });
  });

  describe('GoAPI tasks in progress and failed', () => {
    it('reads a processing task: a streaming clip and a queued one', () => {
      const task = parseFixture('dialects/goapi-processing.json');
      assert.equal(task.status, 'running');
      assert.equal(task.rawStatus, 'processing');
      assert.equal(task.title, 'Rooftop Rain');
      const [streaming, queued] = task.clips;
      assert.ok(streaming && queued);
      assert.equal(streaming.isStreaming, true);
      assert.equal(streaming.status, 'running');
      assert.equal(streaming.audioUrl, 'https://audiopipe.suno.ai/?item_id=c1d2e3f4-a5b6-4c7d-8e9f-222222222222');
      assert.equal(streaming.videoUrl, null, 'an empty URL is no URL');
      assert.equal(streaming.durationSeconds, null);
      assert.equal(queued.status, 'pending');
      assert.equal(queued.isStreaming, false);
      assert.equal(queued.audioUrl, null);
      // A clip without a model of its own takes the model the task was submitted with.
      assert.equal(streaming.model, 'chirp-v3-5');
      assert.equal(task.progress, 35, 'streaming (60) and queued (10), averaged');
    });

    it('reads a failed task whose reason is in the envelope’s error_message', () => {
      const task = parseFixture('dialects/goapi-failed.json');
      assert.equal(task.status, 'failed');
      assert.equal(task.failReason, 'Unable to generate: the description contains a copyrighted artist name');
      assert.deepEqual(task.clips, []);
      assert.equal(task.action, 'music', 'a GoAPI task with input is a music task');
    });

    it('takes the clip id from the map key when the clip has none', () => {
      const task = parseEdited('dialects/goapi-processing.json', (data) => {
        const clips = data['clips'] as Record<string, Record<string, unknown>>;
        for (const clip of Object.values(clips)) delete clip['id'];
      });
      assert.deepEqual(
        task.clips.map((clip) => clip.id),
        ['c1d2e3f4-a5b6-4c7d-8e9f-222222222222', 'd2e3f4a5-b6c7-4d8e-9f0a-222222222222'],
      );
    });

    it('survives an input that is not valid JSON', () => {
      const task = parseEdited('dialects/goapi-processing.json', (data) => {
        data['input'] = '{"title": "cut of';
      });
      assert.equal(task.status, 'running');
      assert.equal(task.clips[0]?.model, null);
    });
  });

  describe('status rules', () => {
    it('shows a task running while its clips stream, with the stream URL and no duration', () => {
      const task = parseFixture('status/streaming-clips.json');
      assert.equal(task.status, 'running');
      assert.equal(task.progress, 60, '"0%" says nothing; streaming clips say more');
      assert.equal(task.finishedAt, null);
      for (const clip of task.clips) {
        assert.equal(clip.isStreaming, true);
        assert.equal(clip.status, 'running');
        assert.equal(clip.durationSeconds, null);
        assert.equal(clip.imageLargeUrl, null);
        assert.ok(clip.audioUrl?.startsWith('https://audiopipe.suno.ai/?item_id='));
      }
    });

    it('is not succeeded while one clip still streams, even when the task says SUCCESS', () => {
      const task = parseFixture('status/mixed-clip-states.json');
      assert.equal(task.rawStatus, 'SUCCESS');
      assert.equal(task.status, 'running');
      assert.equal(task.progress, 80, 'complete (100) and streaming (60), averaged');
      const [done, streaming] = task.clips;
      assert.equal(done?.status, 'succeeded');
      assert.equal(done?.durationSeconds, 187.2);
      assert.equal(streaming?.isStreaming, true);
      assert.equal(streaming?.durationSeconds, null, 'a streaming clip has no duration yet, whatever the gateway says');
    });

    it('is failed when the task says SUCCESS but a clip failed and none is left running', () => {
      const task = parseEdited('status/mixed-clip-states.json', (data) => {
        const clip = (data['data'] as Record<string, unknown>[])[1];
        assert.ok(clip);
        clip['status'] = 'error';
        clip['metadata'] = { error_message: 'Audio generation failed' };
      });
      assert.equal(task.status, 'failed');
      assert.equal(task.failReason, 'Audio generation failed');
    });

    it('keeps a Chinese fail reason verbatim', () => {
      const task = parseFixture('status/failure-chinese-reason.json');
      assert.equal(task.status, 'failed');
      assert.equal(task.failReason, '任务超时（10分钟）');
      assert.equal(task.finishedAt, '2025-05-14T06:33:40.000Z');
      assert.equal(task.progress, 100);
    });

    it('takes the fail reason from a clip’s metadata.error_message when the task has none', () => {
      const task = parseFixture('status/clip-error-message.json');
      assert.equal(task.status, 'failed');
      assert.equal(task.failReason, '歌词包含敏感内容，请修改后重试');
      assert.equal(task.clips[0]?.status, 'failed');
      assert.equal(task.clips[0]?.errorMessage, '歌词包含敏感内容，请修改后重试');
      assert.equal(task.clips[0]?.lyrics, null);
    });

    it('takes the fail reason from a flattened clip’s msg', () => {
      const task = parseFixture('status/flat-failure-msg.json');
      assert.equal(task.status, 'failed');
      assert.equal(task.failReason, 'Song Description contained artist name: Taylor Swift');
      const clip = task.clips[0];
      assert.ok(clip);
      assert.equal(clip.title, null);
      assert.equal(clip.durationSeconds, null, 'a duration of 0 is no duration');
      assert.equal(clip.description, 'a song like Taylor Swift');
      assert.equal(clip.rawStatus, 'error', 'status wins over state');
    });

    it('prefers the task’s fail_reason over a clip’s message', () => {
      const task = parseEdited('status/clip-error-message.json', (data) => {
        data['fail_reason'] = 'time out';
      });
      assert.equal(task.failReason, 'time out');
    });

    it('reads lowercase and mixed-case statuses', () => {
      const task = parseFixture('status/lowercase-statuses.json');
      assert.equal(task.status, 'succeeded');
      assert.equal(task.rawStatus, 'completed');
      assert.equal(task.action, 'music');
      assert.deepEqual(
        task.clips.map((clip) => [clip.status, clip.rawStatus]),
        [
          ['succeeded', 'Complete'],
          ['succeeded', 'succeeded'],
        ],
      );
    });

    it('reads numbers sent as strings, and a gateway progress that says more than 0%/100%', () => {
      const task = parseFixture('status/numbers-as-strings.json');
      assert.equal(task.submittedAt, '2024-12-09T04:12:47.000Z');
      assert.equal(task.startedAt, '2024-12-09T04:12:49.000Z');
      assert.equal(task.finishedAt, null, '"0" is no time');
      assert.equal(task.status, 'running');
      assert.equal(task.progress, 45);
      const clip = task.clips[0];
      assert.equal(clip?.durationSeconds, 219.5);
      assert.equal(clip?.status, 'pending');
      assert.equal(clip?.createdAt, '2024-12-09T04:13:19.000Z');
    });

    it('reads null where a string belongs and missing fields as null, and drops unsafe URLs', () => {
      const task = parseFixture('status/nulls-and-missing.json');
      assert.equal(task.status, 'succeeded');
      assert.equal(task.action, 'music', 'a task with clips is music even without an action');
      assert.equal(task.title, null);
      assert.equal(task.failReason, null);
      assert.equal(task.submittedAt, null);
      assert.equal(task.startedAt, null);
      assert.equal(task.progress, 100);
      const clip = task.clips[0];
      assert.ok(clip);
      assert.equal(clip.audioUrl, 'https://cdn1.suno.ai/aa77bb88-cc99-4daa-9ebb-bbbbbbbbbbb1.mp3');
      assert.equal(clip.imageUrl, null, 'javascript: never enters the model');
      assert.equal(clip.imageLargeUrl, null, 'a relative URL never enters the model');
      assert.equal(clip.videoUrl, null);
      assert.equal(clip.tags, null);
      assert.equal(clip.lyrics, null);
      assert.equal(clip.durationSeconds, null);
      assert.equal(clip.createdAt, null);
    });

    it('shows UNKNOWN as unknown, with no progress figure', () => {
      const task = parseFixture('status/unknown-status.json');
      assert.equal(task.status, 'unknown');
      assert.equal(task.rawStatus, 'UNKNOWN');
      assert.equal(task.progress, null);
    });

    it('shows a status never seen before as unknown without crashing', () => {
      const task = parseEdited('seeds/003-not-started.json', (data) => {
        data['status'] = 'WAITING_FOR_GODOT';
      });
      assert.equal(task.status, 'unknown');
      assert.equal(task.rawStatus, 'WAITING_FOR_GODOT');
    });

    it('treats finish_time > 0 as finished: an unclear status is decided by the clips', () => {
      const task = parseFixture('status/finished-unclear-status.json');
      assert.equal(task.rawStatus, 'IN_PROGRESS');
      assert.equal(task.status, 'succeeded');
      assert.equal(task.progress, 100);
    });

    it('treats finish_time > 0 with a fail reason as failed', () => {
      const task = parseEdited('seeds/003-not-started.json', (data) => {
        data['status'] = 'UNKNOWN';
        data['finish_time'] = 1747204000;
        data['fail_reason'] = 'upstream error';
      });
      assert.equal(task.status, 'failed');
      assert.equal(task.failReason, 'upstream error');
    });

    it('leaves a finished task with nothing to decide by unknown', () => {
      const task = parseEdited('seeds/003-not-started.json', (data) => {
        data['status'] = 'UNKNOWN';
        data['finish_time'] = 1747204000;
      });
      assert.equal(task.status, 'unknown');
      assert.equal(task.progress, null);
    });

    it('derives progress from clip stages: submitted and queued', () => {
      const task = parseFixture('status/queued.json');
      assert.equal(task.status, 'pending');
      assert.equal(task.rawStatus, 'QUEUED');
      assert.deepEqual(
        task.clips.map((clip) => clip.status),
        ['pending', 'pending'],
      );
      assert.equal(task.progress, 8, 'submitted (5) and queued (10), averaged and rounded');
      assert.equal(task.startedAt, null);
      assert.deepEqual(
        task.clips.map((clip) => clip.title),
        [null, null],
      );
    });

    it('shows a pending task whose clip already streams as running', () => {
      const task = parseEdited('status/streaming-clips.json', (data) => {
        data['status'] = 'SUBMITTED';
      });
      assert.equal(task.status, 'running');
    });

    it('keeps an IN_PROGRESS task running when all clips are complete, below 100%', () => {
      const task = parseEdited('seeds/000-native.json', (data) => {
        data['status'] = 'IN_PROGRESS';
        data['finish_time'] = 0;
        data['progress'] = '100%';
      });
      assert.equal(task.status, 'running');
      assert.equal(task.progress, 99);
    });

    it('marks a clip as streaming by its audiopipe URL when its status is missing', () => {
      const task = parseEdited('status/streaming-clips.json', (data) => {
        for (const clip of data['data'] as Record<string, unknown>[]) delete clip['status'];
      });
      assert.equal(task.clips[0]?.isStreaming, true);
      assert.equal(task.clips[0]?.status, 'running');
      assert.equal(task.status, 'running');
    });

    it('does not call a complete clip streaming because of its URL', () => {
      const task = parseEdited('seeds/000-native.json', (data) => {
        const clip = (data['data'] as Record<string, unknown>[])[0];
        assert.ok(clip);
        clip['audio_url'] = 'https://audiopipe.suno.ai/?item_id=3435e194';
      });
      assert.equal(task.clips[0]?.isStreaming, false);
      assert.equal(task.clips[0]?.durationSeconds, 128.92);
    });
  });

  describe('lenient fields', () => {
    it('reads ISO times and epoch milliseconds as well as epoch seconds', () => {
      const task = parseEdited('seeds/000-native.json', (data) => {
        data['submit_time'] = '2024-09-21T09:43:21Z';
        data['start_time'] = 1726911812000;
        data['finish_time'] = '2024-09-21 09:44:57';
      });
      assert.equal(task.submittedAt, '2024-09-21T09:43:21.000Z');
      assert.equal(task.startedAt, '2024-09-21T09:43:32.000Z');
      assert.equal(task.finishedAt, '2024-09-21T09:44:57.000Z');
    });

    it('reads garbage times, negative times and objects as null', () => {
      const task = parseEdited('seeds/000-native.json', (data) => {
        data['submit_time'] = 'yesterday';
        data['start_time'] = -5;
        data['finish_time'] = { when: 'now' };
      });
      assert.equal(task.submittedAt, null);
      assert.equal(task.startedAt, null);
      assert.equal(task.finishedAt, null);
      assert.equal(task.status, 'succeeded', 'SUCCESS is terminal without a finish time');
    });

    it('accepts a numeric task_id and reads it as a string', () => {
      const task = parseEdited('seeds/003-not-started.json', (data) => {
        data['task_id'] = 123456789;
      });
      assert.equal(task.id, '123456789');
    });

    it('skips clip entries that are not objects', () => {
      const task = parseEdited('seeds/000-native.json', (data) => {
        (data['data'] as unknown[]).push(null, 'garbage', 42);
      });
      assert.equal(task.clips.length, 1);
    });

    it('reads a metadata that is a string or array as absent', () => {
      const task = parseEdited('seeds/000-native.json', (data) => {
        const clip = (data['data'] as Record<string, unknown>[])[0];
        assert.ok(clip);
        clip['metadata'] = 'n/a';
      });
      assert.equal(task.clips[0]?.tags, null);
      assert.equal(task.clips[0]?.durationSeconds, null);
    });

    it('treats an unknown action as other and missing action without shape as other', () => {
      assert.equal(
        parseEdited('seeds/003-not-started.json', (data) => {
          data['action'] = 'CONCAT';
        }).action,
        'other',
      );
      assert.equal(
        parseEdited('seeds/003-not-started.json', (data) => {
          delete data['action'];
        }).action,
        'other',
      );
    });

    it('accepts a bare task without an envelope', () => {
      const json = JSON.parse(readFixture('seeds/000-native.json')) as { data: unknown };
      const task = parseTaskResponse(JSON.stringify(json.data), testContext());
      assert.equal(task.id, '2a145658-3342-4228-b779-b8323a2b77df');
    });

    it('accepts a single task sent in a one-row array, with or without an envelope', () => {
      const json = JSON.parse(readFixture('seeds/000-native.json')) as { data: unknown };
      for (const body of [{ code: 'success', message: '', data: [json.data] }, [json.data]]) {
        assert.equal(parseTaskResponse(JSON.stringify(body), testContext()).id, '2a145658-3342-4228-b779-b8323a2b77df');
      }
    });

    it('rejects a many-row batch where a single task was asked for', () => {
      const error = parseFails(readFixture('batch/batch-mixed.json'));
      assert.equal(error.kind, 'bad_response');
    });

    it('keeps untrusted text as text: markup in titles and lyrics is not interpreted', () => {
      const task = parseEdited('seeds/000-native.json', (data) => {
        const clip = (data['data'] as Record<string, unknown>[])[0];
        assert.ok(clip);
        clip['title'] = '<img src=x onerror=alert(1)>';
      });
      assert.equal(task.title, '<img src=x onerror=alert(1)>');
    });
  });

  describe('answers that are not tasks', () => {
    it('reads task_not_exist as not_found, with the URL in the message', () => {
      const url = 'https://api.gpt.ge/suno/fetch/3b1d9c2e-0000-4000-8000-000000000000';
      const error = parseFails(readFixture('errors/task-not-exist.json'), { httpStatus: 400, url });
      assert.equal(error.kind, 'not_found');
      assert.equal(error.httpStatus, 400);
      assert.equal(error.url, url);
      assert.ok(error.message.includes(url));
      assert.equal(error.gatewayMessage, 'task_not_exist');
    });

    it('reads task_not_exist in a message or an OpenAI-style error as not_found too', () => {
      assert.equal(parseFails(readFixture('errors/task-not-exist-in-message.json')).kind, 'not_found');
      assert.equal(parseFails(readFixture('errors/task-not-exist-openai-style.json'), { httpStatus: 404 }).kind, 'not_found');
    });

    it('rejects an HTML page as bad_response, describing what arrived', () => {
      const body = readFixture('errors/html-page.html');
      const error = parseFails(body, { contentType: 'text/html; charset=utf-8' });
      assert.equal(error.kind, 'bad_response');
      assert.ok(error.message.includes('HTML'));
      assert.ok(error.message.includes('HTTP 200'));
      assert.ok(error.message.includes('text/html; charset=utf-8'));
      assert.ok(error.message.includes(testContext().url));
      assert.ok(error.message.includes(describeResponse(200, 'text/html; charset=utf-8', body)));
      assert.ok(error.message.includes('<!DOCTYPE html>'));
    });

    it('rejects truncated JSON as bad_response', () => {
      const error = parseFails(readFixture('errors/truncated.txt'));
      assert.equal(error.kind, 'bad_response');
      assert.ok(error.message.includes('not valid JSON'));
    });

    it('rejects an OpenAI-style error that arrived with 200, quoting the gateway', () => {
      const error = parseFails(readFixture('errors/openai-error.json'));
      assert.equal(error.kind, 'bad_response');
      assert.equal(error.gatewayMessage, '无效的令牌 (request id: 20250514062339123456789abcdef)');
      assert.ok(error.message.includes('无效的令牌'));
    });

    it('rejects JSON of another API', () => {
      const error = parseFails(readFixture('errors/other-api.json'));
      assert.equal(error.kind, 'bad_response');
      assert.ok(error.message.includes('"object":"list"') || error.message.includes('\\"object\\":\\"list\\"'));
    });

    it('rejects error envelopes (invalid_request, get_task_failed) with their message', () => {
      for (const name of ['errors/invalid-request.json', 'errors/get-task-failed.json']) {
        const error = parseFails(readFixture(name));
        assert.equal(error.kind, 'bad_response', name);
        assert.ok(error.gatewayMessage !== null && error.message.includes(error.gatewayMessage), name);
      }
    });

    it('rejects a submit answer (data is a bare id)', () => {
      const error = parseFails(readFixture('errors/submit-answer.json'));
      assert.equal(error.kind, 'bad_response');
      assert.ok(error.message.includes('submit'));
    });

    it('rejects garbage, empty bodies, bare values and envelopes without a task', () => {
      const bodies = ['', '   ', 'garbage', '42', 'null', '"text"', '[]', '{}', '{"code":"success","message":"","data":null}', '{"code":"success","data":{"foo":1}}', '{"data":{"id":"x","object":"thing"}}'];
      for (const body of bodies) {
        assert.equal(parseFails(body).kind, 'bad_response', JSON.stringify(body));
      }
    });

    it('quotes at most the first 200 characters of a long body', () => {
      const body = `<html>${'x'.repeat(5000)}</html>`;
      const error = parseFails(body);
      assert.ok(error.message.length < 600, `message is ${error.message.length} characters`);
      assert.ok(error.message.includes('5013 characters'));
    });
  });
});

describe('parseBatchResponse', () => {
  it('reads every row in the gateway’s order, whatever its dialect', () => {
    const tasks = parseBatchResponse(readFixture('batch/batch-mixed.json'), testContext());
    assert.deepEqual(
      tasks.map((task) => [task.id, task.status, task.action]),
      [
        ['dcb812bd-40c5-4907-836e-3a7aa9a2e546', 'pending', 'music'],
        ['2a145658-3342-4228-b779-b8323a2b77df', 'succeeded', 'music'],
        ['7c1f5a0e-3b2d-4f44-9a51-2f0b8c6d1e90', 'succeeded', 'lyrics'],
      ],
    );
    assert.equal(tasks[2]?.lyrics, '[Verse]\nshort');
  });

  it('reads an empty batch as no tasks', () => {
    assert.deepEqual(parseBatchResponse(readFixture('batch/batch-empty.json'), testContext()), []);
  });

  it('accepts a single task object where an array was expected', () => {
    const tasks = parseBatchResponse(readFixture('seeds/001-flat.json'), testContext());
    assert.deepEqual(
      tasks.map((task) => task.id),
      ['ba46ad15-07ce-41a6-b68d-196321dc00d5'],
    );
  });

  it('rejects a batch with a row that is not a task, naming the row', () => {
    const json = JSON.parse(readFixture('batch/batch-mixed.json')) as { data: unknown[] };
    json.data.push({ foo: 'bar' });
    assert.throws(
      () => parseBatchResponse(JSON.stringify(json), testContext()),
      (error: unknown) => error instanceof GatewayError && error.kind === 'bad_response' && error.message.includes('row 4 of 4'),
    );
  });

  it('rejects another API’s list, a bare empty array and HTML', () => {
    for (const body of [readFixture('errors/other-api.json'), '[]', '{"object":"list","data":[]}', readFixture('errors/html-page.html')]) {
      assert.throws(
        () => parseBatchResponse(body, testContext()),
        (error: unknown) => error instanceof GatewayError && error.kind === 'bad_response',
        body.slice(0, 40),
      );
    }
  });

  it('reads task_not_exist as not_found', () => {
    assert.throws(
      () => parseBatchResponse(readFixture('errors/task-not-exist.json'), testContext()),
      (error: unknown) => error instanceof GatewayError && error.kind === 'not_found',
    );
  });

  it('reads a bare array of tasks', () => {
    const json = JSON.parse(readFixture('batch/batch-mixed.json')) as { data: unknown[] };
    assert.equal(parseBatchResponse(JSON.stringify(json.data), testContext()).length, 3);
  });
});

describe('parseTaskData', () => {
  it('parses a task object out of its envelope', () => {
    const json = JSON.parse(readFixture('seeds/002-goapi.json')) as { data: unknown };
    const task = parseTaskData(json.data, 'https://api.sunoapi.com', TEST_FETCHED_AT);
    assert.equal(task.id, '56ea8da3-8507-4118-9f1e-111111111111');
    assert.equal(task.baseUrl, 'https://api.sunoapi.com');
    assert.equal(task.clips.length, 2);
  });

  it('throws bad_response for anything that is not a task', () => {
    for (const value of [null, undefined, 42, 'id', [], {}, { id: 5 }, { task_id: '' , status: 'SUCCESS' }, { task_id: 'x' }]) {
      assert.throws(
        () => parseTaskData(value, TEST_BASE_URL, TEST_FETCHED_AT),
        (error: unknown) => error instanceof GatewayError && error.kind === 'bad_response',
        JSON.stringify(value),
      );
    }
  });
});

describe('every task fixture', () => {
  for (const name of taskFixtures()) {
    it(`${name} is JSON and parses into a task with a known status`, () => {
      const text = readFixture(name);
      assert.doesNotThrow(() => JSON.parse(text));
      const task = parseTaskResponse(text, testContext());
      assert.ok(task.id.length > 0);
      assert.ok(['pending', 'running', 'succeeded', 'failed', 'unknown'].includes(task.status));
    });
  }

  for (const name of listFixtures('errors')) {
    it(`${name} is rejected with a GatewayError`, () => {
      const error = parseFails(readFixture(name));
      assert.ok(error.kind === 'bad_response' || error.kind === 'not_found');
    });
  }
});

describe('normaliseTaskStatus', () => {
  const cases: [unknown, string][] = [
    ['SUCCESS', 'succeeded'],
    ['success', 'succeeded'],
    ['completed', 'succeeded'],
    ['complete', 'succeeded'],
    ['succeeded', 'succeeded'],
    ['FAILURE', 'failed'],
    ['failed', 'failed'],
    ['failure', 'failed'],
    ['error', 'failed'],
    ['NOT_START', 'pending'],
    ['SUBMITTED', 'pending'],
    ['submitted', 'pending'],
    ['QUEUED', 'pending'],
    ['queued', 'pending'],
    ['pending', 'pending'],
    ['IN_PROGRESS', 'running'],
    ['in progress', 'running'],
    ['in-progress', 'running'],
    ['processing', 'running'],
    ['streaming', 'running'],
    ['UNKNOWN', 'unknown'],
    ['  Success  ', 'succeeded'],
    ['brand-new-word', 'unknown'],
    ['', 'unknown'],
    [null, 'unknown'],
    [undefined, 'unknown'],
    [3, 'unknown'],
    [{ status: 'SUCCESS' }, 'unknown'],
  ];
  for (const [raw, expected] of cases) {
    it(`${JSON.stringify(raw) ?? 'undefined'} → ${expected}`, () => {
      assert.equal(normaliseTaskStatus(raw), expected);
    });
  }
});

describe('resolveTaskStatus', () => {
  const part = (status: 'pending' | 'running' | 'succeeded' | 'failed' | 'unknown'): { status: typeof status } => ({ status });

  it('lets clips whose status is unknown neither confirm nor veto success', () => {
    assert.equal(resolveTaskStatus({ reported: 'succeeded', finished: true, hasFailReason: false, parts: [part('succeeded'), part('unknown')] }), 'succeeded');
  });

  it('shows the clip that holds a SUCCESS task back: running before pending before failed', () => {
    const resolve = (...statuses: Parameters<typeof part>[0][]): string =>
      resolveTaskStatus({ reported: 'succeeded', finished: false, hasFailReason: false, parts: statuses.map(part) });
    assert.equal(resolve('succeeded', 'running'), 'running');
    assert.equal(resolve('pending', 'running'), 'running');
    assert.equal(resolve('succeeded', 'pending'), 'pending');
    assert.equal(resolve('failed', 'pending'), 'pending');
    assert.equal(resolve('succeeded', 'failed'), 'failed');
  });

  it('keeps FAILURE failed whatever the clips say', () => {
    assert.equal(resolveTaskStatus({ reported: 'failed', finished: true, hasFailReason: false, parts: [part('succeeded')] }), 'failed');
  });

  it('decides a task without any status word from its clips and fail reason', () => {
    assert.equal(resolveTaskStatus({ reported: null, finished: false, hasFailReason: false, parts: [part('succeeded')] }), 'succeeded');
    assert.equal(resolveTaskStatus({ reported: null, finished: false, hasFailReason: false, parts: [part('running')] }), 'running');
    assert.equal(resolveTaskStatus({ reported: null, finished: false, hasFailReason: true, parts: [] }), 'failed');
    assert.equal(resolveTaskStatus({ reported: null, finished: false, hasFailReason: false, parts: [] }), 'unknown');
  });

  it('keeps UNKNOWN unknown while not finished, even with complete clips', () => {
    assert.equal(resolveTaskStatus({ reported: 'unknown', finished: false, hasFailReason: false, parts: [part('succeeded')] }), 'unknown');
  });
});

describe('deriveProgress', () => {
  const task = { status: 'running' as const, rawStatus: 'IN_PROGRESS', isStreaming: false };

  it('uses the gateway figure only when it is neither 0 nor 100', () => {
    assert.equal(deriveProgress({ status: 'running', gatewayPercent: 45, task, parts: [] }), 45);
    assert.equal(deriveProgress({ status: 'running', gatewayPercent: 0, task, parts: [] }), 30);
    assert.equal(deriveProgress({ status: 'running', gatewayPercent: 100, task, parts: [] }), 30);
    assert.equal(deriveProgress({ status: 'running', gatewayPercent: null, task, parts: [] }), 30);
  });

  it('is 100 when succeeded and null when unknown', () => {
    assert.equal(deriveProgress({ status: 'succeeded', gatewayPercent: 0, task, parts: [] }), 100);
    assert.equal(deriveProgress({ status: 'unknown', gatewayPercent: 45, task, parts: [] }), null);
  });

  it('climbs through the clip stages submitted → queued → streaming → complete', () => {
    const figures = ['submitted', 'queued', 'streaming'].map((rawStatus) =>
      deriveProgress({
        status: 'running',
        gatewayPercent: 0,
        task,
        parts: [{ status: normaliseTaskStatus(rawStatus), rawStatus, isStreaming: rawStatus === 'streaming' }],
      }),
    );
    assert.deepEqual(figures, [5, 10, 60]);
  });

  it('never goes back as a GoAPI task moves from pending to clips being submitted and queued', () => {
    const stage = (status: 'pending' | 'running', rawStatus: string, parts: string[]): number | null =>
      deriveProgress({
        status,
        gatewayPercent: null,
        task: { status, rawStatus, isStreaming: false },
        parts: parts.map((word) => ({ status: normaliseTaskStatus(word), rawStatus: word, isStreaming: word === 'streaming' })),
      });
    const figures = [
      stage('pending', 'pending', []),
      stage('pending', 'pending', ['submitted', 'submitted']),
      stage('pending', 'pending', ['queued', 'queued']),
      stage('running', 'processing', ['streaming', 'queued']),
      stage('running', 'processing', ['streaming', 'streaming']),
    ];
    assert.deepEqual(figures, [0, 5, 10, 35, 60]);
  });
});

describe('wire field readers', () => {
  it('reads percentages in their several spellings', () => {
    assert.equal(toWirePercent('45%'), 45);
    assert.equal(toWirePercent(' 45 % '), 45);
    assert.equal(toWirePercent('45'), 45);
    assert.equal(toWirePercent(45.5), 45.5);
    assert.equal(toWirePercent('250%'), 100);
    assert.equal(toWirePercent('-5%'), null);
    assert.equal(toWirePercent('half'), null);
    assert.equal(toWirePercent(Number.NaN), null);
  });

  it('reads times as ISO, with 0 and junk as null', () => {
    assert.equal(toWireTime(1726911801), '2024-09-21T09:43:21.000Z');
    assert.equal(toWireTime('1726911801'), '2024-09-21T09:43:21.000Z');
    assert.equal(toWireTime(1726911801000), '2024-09-21T09:43:21.000Z');
    assert.equal(toWireTime('2024-09-21T09:43:21.637Z'), '2024-09-21T09:43:21.637Z');
    assert.equal(toWireTime('2024-09-21T17:43:21+08:00'), '2024-09-21T09:43:21.000Z');
    assert.equal(toWireTime(0), null);
    assert.equal(toWireTime('0'), null);
    assert.equal(toWireTime(''), null);
    assert.equal(toWireTime('2024-13-45'), null);
    assert.equal(toWireTime(Number.MAX_VALUE), null);
    assert.equal(toWireTime(true), null);
  });
});
