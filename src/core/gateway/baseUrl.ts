/**
 * Turns whatever a user pasted as "the gateway's address" into the one form the client builds
 * URLs from: `scheme://host[:port][/prefix]`, no trailing slash.
 *
 * Users copy base URLs from OpenAI-style settings (`https://api.gpt.ge/v1/`), from a gateway's
 * docs (`https://api.gpt.ge/suno/fetch`) or from a browser bar without a scheme (`api.gpt.ge`).
 * Rules:
 * - surrounding whitespace is trimmed;
 * - a bare host (no `scheme://`) gets `https://`, the only thing ever added: gateways that sell
 *   API keys are served over TLS, and a user who means plain http must say so;
 * - only http and https are accepted;
 * - everything from a `/suno` path segment on (`/suno`, `/suno/fetch`, `/suno/fetch/<id>`,
 *   `/suno/submit/music` …) is removed, then one trailing `/v1`, then trailing slashes;
 * - any other path is kept as a prefix, because some resellers mount the API under a path;
 * - user names, passwords, query strings and fragments are refused rather than dropped: they
 *   would end up in logs and error messages, and a key pasted into the URL must never travel
 *   in one.
 * Lives in the core without Node imports so that the same code runs in a browser worker. Refusals
 * are worded by `localize` (English unless an input box of the extension asks).
 */

import { GatewayError } from '../gatewayError';
import { english, type Localize } from '../localize';
import { hasSpaceOrControl } from '../spaceOrControl';

/** The gateway the extension and the CLI talk to when none is set (package.json repeats it). */
export const DEFAULT_BASE_URL = 'https://api.gpt.ge';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export function normaliseBaseUrl(input: string, localize: Localize = english): string {
  const trimmed = typeof input === 'string' ? input.trim() : '';
  if (trimmed === '') {
    throw invalid(localize('The gateway base URL is empty. Set it to the address of your gateway, e.g. {0}.', DEFAULT_BASE_URL));
  }
  const shown = trimmed.length > 120 ? `${trimmed.slice(0, 117)}...` : trimmed;
  if (hasSpaceOrControl(trimmed)) {
    throw invalid(localize('The gateway base URL "{0}" contains spaces or control characters.', shown));
  }
  if (!SCHEME.test(trimmed) && /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/]|$))/i.test(trimmed)) {
    // `http:/host`, `mailto:…`, `javascript:…`: a scheme without `//`, not a `host:port`.
    throw invalid(localize('The gateway base URL "{0}" must start with http:// or https://.', shown));
  }
  const withScheme = SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`;

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid(localize('The gateway base URL "{0}" is not a valid URL. Expected something like {1}.', shown, DEFAULT_BASE_URL));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(localize('The gateway base URL "{0}" must start with http:// or https://.', shown));
  }
  if (url.hostname === '') {
    throw invalid(localize('The gateway base URL "{0}" has no host name.', shown));
  }
  if (url.username !== '' || url.password !== '') {
    // Do not echo the input: the "user name" may well be the API key.
    throw invalid(localize('The gateway base URL must not contain a user name or password. Put the API key in the key setting instead.'));
  }
  if (url.search !== '' || trimmed.endsWith('?')) {
    throw invalid(localize('The gateway base URL must not contain a query string (?…). Use only the gateway address, e.g. {0}.', DEFAULT_BASE_URL));
  }
  if (url.hash !== '' || trimmed.endsWith('#')) {
    throw invalid(localize('The gateway base URL "{0}" must not contain a fragment (#…).', shown));
  }

  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const sunoAt = segments.findIndex((segment) => segment.toLowerCase() === 'suno');
  if (sunoAt >= 0) segments.length = sunoAt;
  if (segments.length > 0 && segments[segments.length - 1].toLowerCase() === 'v1') segments.pop();

  const path = segments.length > 0 ? `/${segments.join('/')}` : '';
  return `${url.protocol}//${url.host}${path}`;
}

function invalid(message: string): GatewayError {
  return new GatewayError('invalid_input', message, { faultySetting: 'baseUrl' });
}
