/**
 * The local gateway's cross-origin rules for its API routes, as a gateway seen from VS Code for
 * the web needs them or refuses them. Allowed, every answer carries `Access-Control-Allow-Origin`
 * and a preflight `OPTIONS` (which every request gets: the key travels in the `Authorization`
 * header) is answered with the methods and headers the client sends. Refused, answers carry no
 * such header and a preflight gets gin's 404, as from a new-api without a CORS middleware.
 * Media routes always allow cross-origin reads (the panel plays them from a webview).
 */
import type { ServerResponse } from 'node:http';

/** On every API answer while cross-origin requests are allowed. */
const ALLOWED_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  // Not CORS-safelisted, so unreadable to a page unless exposed: the client backs off by Retry-After.
  'Access-Control-Expose-Headers': 'Retry-After, X-Oneapi-Request-Id',
};

const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  ...ALLOWED_ANSWER_HEADERS,
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
  'Access-Control-Max-Age': '600',
};

/**
 * Applies the rules to an API request: adds the headers its answer will carry, and answers a
 * preflight. Returns true when the request was answered here.
 */
export function applyCrossOriginRules(allowed: boolean, method: string, response: ServerResponse): boolean {
  if (allowed) {
    for (const [name, value] of Object.entries(ALLOWED_ANSWER_HEADERS)) response.setHeader(name, value);
  }
  if (method !== 'OPTIONS') return false;
  if (allowed) {
    response.writeHead(204, PREFLIGHT_HEADERS);
    response.end();
  } else {
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('404 page not found');
  }
  return true;
}
