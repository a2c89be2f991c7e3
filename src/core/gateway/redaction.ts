/**
 * Keeps API keys out of everything a person or a log sees. Two ways, for two situations:
 *
 * - the client knows the key it sends: `redactKey` blanks every copy of it out of bodies, URLs
 *   and messages before anything cuts, quotes or escapes them (a copy cut in half no longer
 *   matches), and `redactKeyInError` does so for a `GatewayError`;
 * - the log channel and notifications do not know any key: `redactKeyPatterns` masks what looks
 *   like one (`Bearer …` tokens, `sk-…` keys), belt and braces for a proxy or a network stack
 *   that echoes a header.
 *
 * No Node imports: this runs in a browser worker as well.
 */

import { GatewayError } from '../gatewayError';

/** Shorter "keys" would blank ordinary words; no gateway issues keys that short. */
const MIN_KEY_LENGTH = 4;

const MASK = '***';

/**
 * `text` with every copy of `key` blanked out, also where it appears JSON-escaped (inside a JSON
 * string, a key with a quote or backslash is spelled differently).
 */
export function redactKey(text: string, key: string | undefined): string {
  if (key === undefined || key.length < MIN_KEY_LENGTH) return text;
  const escaped = JSON.stringify(key).slice(1, -1);
  const redacted = text.split(key).join(MASK);
  return escaped === key ? redacted : redacted.split(escaped).join(MASK);
}

/**
 * A copy of `error` with `key` blanked out of its message, URL and gateway message. Gateways have
 * been seen echoing the token they refused; the key must never reach a log or a terminal.
 */
export function redactKeyInError(error: GatewayError, key: string | undefined): GatewayError {
  if (key === undefined || key.length < MIN_KEY_LENGTH) return error;
  const inMessage = error.message.includes(key);
  const inGateway = error.gatewayMessage?.includes(key) ?? false;
  const inUrl = error.url?.includes(key) ?? false;
  const inCause = error.cause instanceof Error && error.cause.message.includes(key);
  if (!inMessage && !inGateway && !inUrl && !inCause) return error;
  return new GatewayError(error.kind, redactKey(error.message, key), {
    url: error.url === null ? null : redactKey(error.url, key),
    httpStatus: error.httpStatus,
    gatewayMessage: error.gatewayMessage === null ? null : redactKey(error.gatewayMessage, key),
    retryAfterMs: error.retryAfterMs,
    answeredTaskId: error.answeredTaskId,
    faultySetting: error.faultySetting,
    reason: error.reason,
    // The original may quote the key; keep it out of `cause` chains that loggers print.
    cause: undefined,
  });
}

/** Bearer tokens and `sk-…` keys masked, for text whose key nobody here knows. */
export function redactKeyPatterns(text: string): string {
  return text.replace(/(Bearer\s+)[^\s"',;]+/gi, `$1${MASK}`).replace(/\bsk-[A-Za-z0-9_-]{6,}/g, `sk-${MASK}`);
}
