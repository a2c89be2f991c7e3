import * as assert from 'node:assert/strict';
import { english, type DisplayLanguage, type Localize } from '../../src/core/localize';
import { moreClipsNotShown } from '../../src/core/task/displayLimits';
import { formatDateTime, formatNumber, formatRelativeTime, formatStatus } from '../../src/core/task/format';
import { validateSong } from '../../src/core/song/songValidation';
import { parseSongDocument } from '../../src/core/song/songDocument';
import { DEFAULT_SONG_MODELS } from '../../src/core/song/songModels';
import { renderGatewayCheckMarkdown } from '../../src/core/gateway/gatewayCheckReport';
import { spokenCurrentGatewayLabel, spokenGatewayGroupLabel, spokenTaskLabel } from '../../src/tracker/spokenLabels';
import { normaliseBaseUrl } from '../../src/core/gateway/baseUrl';
import { parseContinueAt } from '../../src/core/song/continueAt';
import { descriptionSongBody, extendSongBody, lyricsBody } from '../../src/core/song/songRequest';
import { planDownloads } from '../../src/core/task/downloadPlan';
import { explainIdProblem } from '../../src/core/task/idProblemText';
import { validateTaskIdInput } from '../../src/core/task/taskIds';
import { buildClip, buildTask } from './support/taskBuilders';

/**
 * The core's words and formats follow the display language it is given (src/core/localize.ts),
 * and stay English without one. A `Localize` that marks what it translates shows which words
 * went through it.
 */

const marked: Localize = (message, ...args) => `«${english(message, ...args)}»`;
const NOW = Date.parse('2024-09-21T12:00:00Z');
const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString();

describe('The display language', () => {
  it('fills arguments in English as vscode.l10n.t does, leaving unknown ones', () => {
    assert.equal(english('{0} of {1}, {0} again, {2}', 1, 'two'), '1 of two, 1 again, {2}');
  });

  it('words statuses, limits and spoken labels through the Localize it is given', () => {
    assert.equal(formatStatus('running', null, marked), '«running»');
    assert.equal(formatStatus('unknown', 'PAUSED', marked), '«unknown» (PAUSED)');
    const language: DisplayLanguage = { localize: marked, locale: 'en' };
    assert.equal(moreClipsNotShown(1200, language), '«1,200 more clips not shown»');
    const task = buildTask({ status: 'running', progress: 40, startedAt: ago(120) });
    assert.equal(spokenTaskLabel(task, 'City Lights', NOW, language), 'City Lights, «song», «running», «40 percent», 2 minutes ago');
  });

  it('words the gateway group and the gateway status bar item through the Localize, the gateway’s name kept', () => {
    assert.equal(spokenGatewayGroupLabel('api.gpt.ge', { tasks: 3, running: 1 }, undefined, marked), 'api.gpt.ge, «gateway», «3 tasks», «1 running»');
    assert.equal(spokenGatewayGroupLabel('api.gpt.ge', { tasks: 1, running: 0 }, undefined, marked), 'api.gpt.ge, «gateway», «1 task»');
    assert.equal(spokenCurrentGatewayLabel('api.gpt.ge', 2, marked), '«Suno gateway api.gpt.ge, one of 2 known gateways, activate to switch»');
  });

  it('gives relative times and dates in the locale, and English for English or a tag Intl refuses', () => {
    assert.equal(formatRelativeTime(ago(120), NOW, 'zh-cn'), '2分钟前');
    assert.equal(formatRelativeTime(ago(86_400), NOW, 'zh-cn'), '昨天');
    assert.equal(formatRelativeTime(ago(10), NOW, 'zh-cn'), '现在');
    assert.equal(formatRelativeTime(ago(40 * 86_400), NOW, 'zh-cn'), '2024年8月12日');
    assert.equal(formatRelativeTime(ago(120), NOW, 'en-gb'), '2 min ago');
    for (const hostile of ['', 'not a locale!', 'x'.repeat(500), '[x](command:y)']) {
      assert.equal(formatRelativeTime(ago(120), NOW, hostile), '2 min ago', JSON.stringify(hostile));
    }
    assert.equal(formatRelativeTime(null, NOW, 'zh-cn'), '');
    assert.equal(formatRelativeTime('garbage', NOW, 'zh-cn'), '');
  });

  it('words song problems and their fixes, and the check report’s frame, through the Localize', () => {
    const problems = validateSong(parseSongDocument('---\nstlye: pop\n---\nla la'), { models: DEFAULT_SONG_MODELS, defaultModel: 'chirp-auk' }, marked);
    assert.ok(problems.length > 0);
    for (const problem of problems) {
      assert.match(problem.message, /^«.*»$/);
      if (problem.fix) assert.match(problem.fix.title, /^«.*»$/);
    }
    const markdown = renderGatewayCheckMarkdown(
      { configuredBaseUrl: 'https://api.gpt.ge', baseUrl: 'https://api.gpt.ge', checkedAt: '2024-09-21T12:00:00Z', durationMs: 5, checks: [] },
      { localize: marked, locale: 'en' },
    );
    assert.match(markdown, /^# «Suno gateway check»$/m);
    assert.match(markdown, /«No problem found\.»/);
    assert.match(markdown, /«Checked 2024-09-21T12:00:00Z, in 5 ms\.»/);
  });

  it('writes the check report’s time and duration in the display language’s format', () => {
    const report = { configuredBaseUrl: 'https://api.gpt.ge', baseUrl: 'https://api.gpt.ge', checkedAt: '2024-09-21T12:00:00Z', durationMs: 1234, checks: [] };
    const markdown = renderGatewayCheckMarkdown(report, { localize: marked, locale: 'zh-cn' });
    assert.match(markdown, /«Checked 2024年9月21日 \d{2}:\d{2}:\d{2}, in 1,234 ms\.»/);
    assert.equal(formatDateTime('not a time', 'zh-cn'), 'not a time');
    assert.equal(formatDateTime('2024-09-21T12:00:00Z', 'not a language tag!'), '2024-09-21T12:00:00Z');
    assert.equal(formatNumber(1234567, 'de'), '1.234.567');
  });
});

describe('What input boxes refuse, in the display language', () => {
  const settings = { models: DEFAULT_SONG_MODELS, defaultModel: 'chirp-auk' };
  const refusal = (result: { ok: boolean; reason?: string }): string => (result.ok ? '' : (result.reason ?? ''));

  it('words why a text is not a task id, for every kind of refusal', () => {
    for (const input of ['', 'no', 'x'.repeat(200), 'not/an/id', '{"task_id": ".."}', '{"other": 1}', 'https://example.com/nothing-here']) {
      assert.match(String(validateTaskIdInput(input, marked)), /^«.*»$/s, JSON.stringify(input));
    }
    assert.equal(validateTaskIdInput('2a145658-3342-4228-b779-b8323a2b77df', marked), null);
    assert.equal(explainIdProblem('', 'clip id', marked), '«The clip id is empty.»');
    assert.equal(explainIdProblem('..', 'task id'), '".." is not a task id: dots alone would be read as a path.');
  });

  it('words where a continuation may start, and what the submit builders refuse', () => {
    assert.match(refusal(parseContinueAt('soon', 184.32, marked)), /^«Type where to continue from .* up to 3:04 \(184\.32 s\)\.»$/);
    assert.match(refusal(parseContinueAt('9:00', 60, marked)), /^«The clip is 1:00 \(60 s\) long/);
    assert.equal(refusal(lyricsBody('  ', marked)), '«Write what the lyrics should be about.»');
    assert.equal(refusal(descriptionSongBody({ description: '', instrumental: false }, settings, marked)), '«Write a description of the song.»');
    const clip = buildClip({ id: 'clip-a', durationSeconds: 30 });
    const continued = extendSongBody({ task: buildTask({ clips: [clip] }), clipId: 'clip-a', continueAt: 31 }, settings, marked);
    assert.equal(refusal(continued), '«The clip is 30 seconds long: continue from 30 seconds or earlier.»');
  });

  it('words why a download has nothing to save', () => {
    const streaming = buildTask({ clips: [buildClip({ id: 'clip-a', isStreaming: true, audioUrl: 'https://audiopipe.suno.ai/?item_id=clip-a', videoUrl: null, lyrics: null })], lyrics: null });
    const reasons = planDownloads(streaming, undefined, ['audio', 'video', 'lyrics'], marked).skipped.map((skip) => skip.reason);
    assert.deepEqual(reasons, ['«the audio is still streaming»', '«no video yet»', '«no lyrics yet»']);
    assert.deepEqual(planDownloads(buildTask({ clips: [] }), undefined, ['cover'], marked).skipped.map((skip) => skip.reason), ['«the task has no cover art»']);
  });

  it('words a refused gateway address for the Switch Gateway box, and keeps English for the rest', () => {
    assert.throws(() => normaliseBaseUrl('ftp://files.example', marked), { message: '«The gateway base URL "ftp://files.example" must start with http:// or https://.»' });
    assert.throws(() => normaliseBaseUrl('ftp://files.example'), { message: 'The gateway base URL "ftp://files.example" must start with http:// or https://.' });
  });
});

describe('The gateway check in the display language', () => {
  it('words every finding and piece of advice through the Localize, without a gateway', async () => {
    const { checkGateway } = await import('../../src/core/gateway/gatewayCheck');
    const report = await checkGateway({ baseUrl: 'ftp://not a gateway', apiKey: undefined, localize: marked });
    assert.ok(report.checks.length > 1);
    for (const check of report.checks) {
      assert.match(check.finding, /^«.*»$/, check.id);
      if (check.advice !== null) assert.match(check.advice, /^«.*»$/, check.id);
    }
  });
});
