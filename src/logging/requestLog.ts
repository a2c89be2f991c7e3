import * as vscode from 'vscode';
import type { RequestLogEntry } from '../core/gateway/gatewayClient';
import { InertLogChannel } from './inertLogChannel';
import { redactKeyPatterns } from '../core/gateway/redaction';

/**
 * The "Suno" log channel. A LogOutputChannel (`{ log: true }`) gives timestamps and levels and
 * follows the user's log level, so every request can be recorded without flooding anyone who
 * did not ask for it. API keys never reach it: they travel only in request headers, and the
 * entries below carry method, URL, status and timing only. Every line passes through
 * `InertLogChannel`: redacted, then made inert.
 */

const LOG_CHANNEL_NAME = 'Suno';

export function createLogChannel(): vscode.LogOutputChannel {
  return new InertLogChannel(vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true }));
}

/** One line per gateway request: `GET https://api.gpt.ge/suno/fetch/… → 200 (153 ms)`. */
export function logRequest(log: vscode.LogOutputChannel, entry: RequestLogEntry): void {
  const status = entry.httpStatus === null ? 'no answer' : String(entry.httpStatus);
  const line = `${entry.method} ${entry.url} → ${status} (${Math.round(entry.durationMs)} ms)`;
  if (entry.error !== null) {
    log.warn(`${line}: ${redactKeyPatterns(entry.error)}`);
  } else if (entry.httpStatus !== null && entry.httpStatus >= 400) {
    log.warn(line);
  } else {
    log.info(line);
  }
}
