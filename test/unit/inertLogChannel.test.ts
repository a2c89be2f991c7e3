import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { InertLogChannel } from '../../src/logging/inertLogChannel';

/** Records what reaches the real channel; only the members the tests call exist. */
function recordingChannel(): { channel: vscode.LogOutputChannel; lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string, ...args: unknown[]) => {
    lines.push([`[${level}] ${message}`, ...args.map(String)].join(' '));
  };
  const channel = {
    info: record('info'),
    warn: record('warning'),
    error: record('error'),
    debug: record('debug'),
    trace: record('trace'),
    appendLine: record('line'),
  } as unknown as vscode.LogOutputChannel;
  return { channel, lines };
}

describe('InertLogChannel', () => {
  it('keeps a gateway message that holds line breaks on one line', () => {
    const { channel, lines } = recordingChannel();
    new InertLogChannel(channel).warn('Polling failed: bad gateway\n2026-11-30 12:00:00.000 [info] Stored an API key');
    assert.deepEqual(lines, ['[warning] Polling failed: bad gateway\\n2026-11-30 12:00:00.000 [info] Stored an API key']);
  });

  it('redacts a key before cutting, so no part of it survives a cut line', () => {
    const { channel, lines } = recordingChannel();
    const key = 'sk-0123456789abcdefghij';
    // The key straddles the cut: cutting first would leave its start, which no pattern matches.
    new InertLogChannel(channel).info(`${'x'.repeat(3990)} ${key}`);
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0], /sk-0123/);
    assert.doesNotMatch(lines[0], /sk-\w/);
  });

  it('redacts and neutralises string arguments and errors too', () => {
    const { channel, lines } = recordingChannel();
    const log = new InertLogChannel(channel);
    log.error(new Error('Authorization: Bearer sk-secret-value-1\nforged'));
    log.info('request', 'Bearer abc.def\r\nforged', 42);
    assert.deepEqual(lines, ['[error] Error: Authorization: Bearer ***\\nforged', '[info] request Bearer ***\\r\\nforged 42']);
  });

  it('shows ANSI escapes and bidi overrides as escapes, and leaves ordinary text alone', () => {
    const { channel, lines } = recordingChannel();
    const log = new InertLogChannel(channel);
    log.appendLine('\u001b[31mred\u001b[0m name\u202Etxt.exe');
    log.info('GET https://api.gpt.ge/suno/fetch/1 → 200 (12 ms) 夜空');
    assert.deepEqual(lines, ['[line] \\u001b[31mred\\u001b[0m name\\u202etxt.exe', '[info] GET https://api.gpt.ge/suno/fetch/1 → 200 (12 ms) 夜空']);
  });
});
