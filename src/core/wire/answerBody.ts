/**
 * Reading a gateway's answer body: is it HTML, is it JSON, what explanation did the gateway give,
 * and is it new-api's "no such task" answer. The parser and the client's error mapping both ask
 * these questions of a body, so they are answered once, here, below both.
 */

/** Longest gateway explanation quoted in a message. */
const MAX_GATEWAY_MESSAGE = 500;

/** True when the body is an HTML page (a proxy's error page, a website, a SPA shell). */
export function looksLikeHtml(body: string): boolean {
  const start = body.trimStart().slice(0, 512).toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || /<(head|body|title|h1|center|div|p)[\s>]/.test(start);
}

/** The body as JSON, or undefined when it is not JSON. */
export function tryParseJson(body: string): unknown {
  const trimmed = body.trim();
  if (trimmed === '' || (trimmed[0] !== '{' && trimmed[0] !== '[')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * The gateway's own explanation, when it sent one: OpenAI-style `error.message`, an envelope's
 * `message` / `msg`, GoAPI's `error_message`, or a short plain-text body. Never HTML.
 */
export function gatewayMessageOf(body: string): string | null {
  const json = tryParseJson(body);
  if (json !== undefined) {
    if (!isRecord(json)) return null;
    const error = json.error;
    const candidates: unknown[] = [
      isRecord(error) ? error.message : error,
      json.error_message,
      json.message,
      json.msg,
      json.detail,
      isRecord(json.data) ? json.data.error_message : undefined,
    ];
    for (const candidate of candidates) {
      const text = nonEmptyString(candidate);
      // An envelope's "success" is not an explanation.
      if (text !== null && text.toLowerCase() !== 'success') return clip(text, MAX_GATEWAY_MESSAGE);
    }
    return null;
  }
  const trimmed = body.trim();
  if (trimmed === '' || looksLikeHtml(trimmed) || trimmed.length > MAX_GATEWAY_MESSAGE) return null;
  // Binary or garbled bytes are not a message.
  if (isGarbled(trimmed)) return null;
  return clip(trimmed, MAX_GATEWAY_MESSAGE);
}

function isGarbled(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f || code === 0xfffd) return true;
  }
  return false;
}

/** True for new-api's / one-hub's "no such task (for this key)" answer in any of its forms. */
export function isTaskNotExist(body: string): boolean {
  if (looksLikeHtml(body)) return false;
  const json = tryParseJson(body);
  if (isRecord(json)) {
    const error = isRecord(json.error) ? json.error : { message: json.error };
    return [json.code, json.message, json.msg, json.error_message, error.code, error.message, error.type].some(
      (value) => typeof value === 'string' && /task[\s_-]*not[\s_-]*exists?|任务不存在/i.test(value),
    );
  }
  return json === undefined && /^\s*"?(task[\s_-]*not[\s_-]*exists?|任务不存在)"?\s*$/i.test(body);
}
