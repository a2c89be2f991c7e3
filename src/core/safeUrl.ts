/**
 * The one gate through which gateway-supplied URLs enter the model.
 *
 * Everything downstream (the player panel, "Open in Browser", downloads) trusts `Clip.audioUrl`
 * and friends to be plain web addresses, so the check lives here, once: an absolute `http:` or
 * `https:` URL with a host, or nothing.
 */

import { isReachableFromGateway } from './hostReach';

/** Longer than any media URL a gateway sends; a bound keeps pathological strings out of the store. */
const MAX_URL_LENGTH = 4096;

/** Scheme and authority spelled out: `http:foo` and `https:\\host` are not accepted. */
const ABSOLUTE_HTTP = /^https?:\/\/[^/\\?#]/i;

/**
 * Control characters are silently dropped by the URL parser (`java\nscript:`), and backslashes
 * are read as slashes: either would let the text a user sees differ from where a click goes.
 */
// eslint-disable-next-line no-control-regex
const SUSPICIOUS_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * Returns `value` as an absolute http(s) URL in its canonical form (as `URL.href` spells it), or
 * null for anything else: non-strings, relative URLs, `javascript:`, `data:`, `file:`, URLs with
 * credentials (`https://cdn1.suno.ai@evil.example/` reads as one host and goes to another) and
 * garbage.
 */
export function toSafeUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_URL_LENGTH) return null;
  if (!ABSOLUTE_HTTP.test(text) || SUSPICIOUS_CHARACTERS.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname.length === 0 || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/**
 * Whether `value` parses as an absolute URL with an http or https scheme. Looser than `toSafeUrl`:
 * it re-checks URLs that already passed a gate once (stored tasks, panel messages). This file
 * imports nothing but `hostReach`, so the webview bundle shares the check without pulling in
 * the wire schemas.
 */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * `url` when the panel or a download may fetch it for a task of the gateway at `gatewayBaseUrl`,
 * else null: an http(s) URL whose host is no nearer than the gateway's (a remote gateway cannot
 * point the player or a download at `127.0.0.1`, `169.254.169.254` or the user's router). The
 * panel's CSP allows loopback origins only for a loopback gateway, in step with this rule.
 */
export function mediaUrlForGateway(url: string | null, gatewayBaseUrl: string): string | null {
  if (url === null || !isHttpUrl(url)) return null;
  return isReachableFromGateway(url, gatewayBaseUrl) ? url : null;
}
