import * as assert from 'node:assert/strict';
import type { Task } from '../../src/core/task/model';
import { MAX_ID_LENGTH } from '../../src/core/task/idRules';
import { parseTaskData } from '../../src/core/wire/parseTask';
import { parseHostMessage } from '../../src/shared/hostMessages';
import { parsePageMessage, parsePanelState } from '../../src/shared/panelMessages';
import { buildClip, buildTask } from './support/taskBuilders';

const TASK: Task = buildTask({
  baseUrl: 'http://127.0.0.1:4123',
  status: 'running',
  rawStatus: 'IN_PROGRESS',
  progress: 60,
  submittedAt: '2024-12-09T04:13:19Z',
  clips: [
    buildClip({
      status: 'running',
      rawStatus: 'streaming',
      audioUrl: 'http://127.0.0.1:4123/media/clip-1/stream',
      imageUrl: 'https://cdn2.suno.ai/image_clip-1.jpeg',
      tags: 'synthwave',
      model: 'chirp-v4',
      lyrics: '[Verse]\nNeon',
      createdAt: '2024-12-09T04:13:19Z',
      isStreaming: true,
    }),
  ],
  fetchedAt: '2024-12-09T04:14:00Z',
});

describe('panelMessages', () => {
  describe('host → page', () => {
    it('accepts an update carrying a whole task, unchanged', () => {
      const parsed = parseHostMessage(JSON.parse(JSON.stringify({ type: 'update', task: TASK })));
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.message, { type: 'update', task: TASK });
    });

    it('refuses a task whose media URL is not http(s), naming the field', () => {
      const bad = { ...TASK, clips: [{ ...TASK.clips[0], audioUrl: 'javascript:alert(1)' }] };
      const parsed = parseHostMessage({ type: 'update', task: bad });
      assert.equal(parsed.ok, false);
      assert.match(parsed.ok ? '' : parsed.reason, /clips\.0\.audioUrl/);
    });

    it('refuses unknown message types and non-objects', () => {
      assert.equal(parseHostMessage({ type: 'reload' }).ok, false);
      assert.equal(parseHostMessage('update').ok, false);
      assert.equal(parseHostMessage(null).ok, false);
      assert.equal(parseHostMessage({ type: 'update' }).ok, false);
    });
  });

  describe('page → host', () => {
    it('accepts each action the page sends', () => {
      const messages = [
        { type: 'ready' },
        { type: 'openLyrics' },
        { type: 'openLyrics', clipId: 'clip-1' },
        { type: 'copyLink', clipId: 'clip-1' },
        { type: 'download' },
        { type: 'download', clipId: 'clip-1' },
        { type: 'editAsNewSong' },
        { type: 'extendClip', clipId: 'clip-1' },
        { type: 'openVideo', clipId: 'clip-1' },
        { type: 'mediaError', clipId: 'clip-1', media: 'audio' },
      ];
      for (const message of messages) {
        const parsed = parsePageMessage(message);
        assert.ok(parsed.ok, JSON.stringify(message));
        assert.deepEqual(parsed.message, message);
      }
    });

    it('drops fields it does not know', () => {
      const parsed = parsePageMessage({ type: 'download', clipId: 'clip-1', path: '/etc/passwd' });
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.message, { type: 'download', clipId: 'clip-1' });
    });

    it('keeps only the clip id of openVideo: the host opens the URL it stored, not one the page names', () => {
      const parsed = parsePageMessage({ type: 'openVideo', clipId: 'clip-1', url: 'https://evil.example/' });
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.message, { type: 'openVideo', clipId: 'clip-1' });
    });

    it('refuses unknown types and malformed fields with a reason', () => {
      const cases: unknown[] = [
        { type: 'runCommand', command: 'workbench.action.quit' },
        { type: 'copyLink' },
        { type: 'copyLink', clipId: '' },
        { type: 'copyLink', clipId: 42 },
        { type: 'openVideo' },
        { type: 'openVideo', clipId: '' },
        { type: 'mediaError', clipId: 'clip-1', media: 'script' },
        { type: 'copyLink', clipId: '..' },
        { type: 'download', clipId: '../../etc/passwd' },
        { type: 'extendClip' },
        { type: 'extendClip', clipId: '../other-task' },
        { type: 'openLyrics', clipId: 'a'.repeat(129) },
        'ready',
        undefined,
      ];
      for (const value of cases) {
        const parsed = parsePageMessage(value);
        assert.equal(parsed.ok, false, JSON.stringify(value));
        assert.ok(!parsed.ok && parsed.reason.length > 0);
      }
    });
  });

  describe('clip ids from the parser', () => {
    it('accepts every clip id a parsed task can carry: long, derived and made unique', () => {
      const long = 'c'.repeat(MAX_ID_LENGTH);
      const task = parseTaskData(
        {
          task_id: 'task-ids-1',
          status: 'SUCCESS',
          data: [{ id: long, title: 'A' }, { id: long, title: 'B' }, { id: 'x'.repeat(300), title: 'C' }, { title: 'D' }],
        },
        'https://gateway.example',
        '2024-09-21T12:00:00.000Z',
      );
      assert.equal(task.clips.length, 4);
      for (const clip of task.clips) {
        for (const type of ['copyLink', 'openVideo', 'openLyrics', 'download'] as const) {
          assert.ok(parsePageMessage({ type, clipId: clip.id }).ok, `${type} with ${clip.id}`);
        }
      }
    });
  });

  describe('saved state', () => {
    it('reads the task id and nothing else', () => {
      assert.deepEqual(parsePanelState({ taskId: 'task-1', scroll: 10 }), { taskId: 'task-1' });
      assert.equal(parsePanelState({ taskId: '' }), undefined);
      assert.equal(parsePanelState(undefined), undefined);
      assert.equal(parsePanelState({ id: 'task-1' }), undefined);
    });
  });
});
