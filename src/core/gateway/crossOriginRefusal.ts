/**
 * A browser's fetch (VS Code for the web) that says when a gateway refuses cross-origin requests.
 *
 * In a browser, a gateway that sends no `Access-Control-Allow-Origin` cannot be read: fetch
 * rejects with a bare `TypeError: Failed to fetch`, exactly as for a host that does not exist.
 * The key travels in the `Authorization` header, so every request is preflighted and a refusing
 * gateway never receives it. A `no-cors` request tells the two apart: the browser sends it
 * whatever the gateway's rules say and resolves with an opaque answer when anything answers.
 * Node's fetch knows no cross-origin rules: the desktop never wraps its fetch in this.
 *
 * The browser gives the same `TypeError` when the request did go out: a gateway that allows
 * cross-origin requests whose proxy answers with an error page without the header, or a
 * connection lost while waiting. For a read that is harmless; a submit may have been charged, so
 * its outcome is unknown, and it is said so.
 */

import type { Clock } from '../clock';
import { GatewayError } from '../gatewayError';
import { english, type Localize } from '../localize';
import { clip } from '../wire/answerBody';
import { answersWithoutCors } from './gatewayProbe';
import { OUTCOME_UNKNOWN_ADVICE } from './submitAdvice';

/** How long the `no-cors` look at the gateway may take before the original failure stands. */
const PROBE_TIMEOUT_MS = 10_000;

/** The one wording of a cross-origin refusal, wherever it is shown, worded by `localize`. */
export function crossOriginRefusalMessage(url: string, localize: Localize = english): string {
  return localize(
    'The gateway at {0} does not allow requests from the browser (CORS), so it cannot be used from vscode.dev; use the desktop app, or a gateway that allows cross-origin requests.',
    hostOf(url),
  );
}

/**
 * `fetchImpl`, except that a request the browser refused to let us read, at a gateway that does
 * answer, fails with a GatewayError saying so: 'network' for a GET or HEAD, 'outcome_unknown'
 * for anything else (a submit). Other failures are rethrown as they came (an unreachable host
 * stays a network failure, an abort stays an abort).
 */
export function explainingCrossOriginRefusals(fetchImpl: typeof globalThis.fetch, clock: Clock): typeof globalThis.fetch {
  return async (input, init) => {
    try {
      return await fetchImpl(input, init);
    } catch (error) {
      if (!(error instanceof TypeError) || init?.signal?.aborted === true || init?.mode === 'no-cors') throw error;
      const url = urlOf(input);
      // The origin, not the request itself: looking must not send a submit a second time.
      const origin = originOf(url);
      // Called as a plain function: a browser's fetch refuses any other `this` than the global.
      const probeFetch: typeof globalThis.fetch = (probeInput, probeInit) => fetchImpl(probeInput, probeInit);
      if (origin === undefined || !(await answersWithoutCors(`${origin}/`, { fetch: probeFetch, clock, timeoutMs: PROBE_TIMEOUT_MS }))) throw error;
      const refusal = crossOriginRefusalMessage(url);
      const method = (init?.method ?? 'GET').toUpperCase();
      if (method === 'GET' || method === 'HEAD') throw new GatewayError('network', refusal, { url, reason: 'cross_origin', cause: error });
      throw new GatewayError('outcome_unknown', `${refusal} ${OUTCOME_UNKNOWN_ADVICE}`, { url, reason: 'cross_origin', cause: error });
    }
  };
}

/** Where a request of the client goes: it always passes the URL as a string. */
function urlOf(input: unknown): string {
  return String(input);
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/** The host and port only: never the credentials a URL may carry, nor its path. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return clip(url, 100);
  }
}
