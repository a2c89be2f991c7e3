/**
 * Suno: Check Gateway, the diagnosis: every question a user with a misbehaving gateway would ask,
 * answered in one go — is the base URL usable, does anything answer there, is it the API or a
 * website, is the key accepted, is the balance used up, does the batch route exist, do the submit
 * routes answer, may VS Code for the web read the answers, and which request ids to quote to the
 * gateway's support.
 *
 * Three requests go out at once (a single fetch of a task that cannot exist, a batch fetch of
 * it, and a lyrics submit with an empty prompt), each sent once and bounded by a timeout; none
 * can create a task or cost money: the empty prompt is refused by every gateway that checks its
 * input, and a prompt of any other kind is never sent. The report holds plain text only, every
 * piece of the gateway's text cut and made inert, and never the key.
 *
 * No Node imports: this runs in a browser worker as well.
 */

import { systemClock, type Clock } from '../clock';
import { BATCH_ROUTES } from './batchSupportMemory';
import { normaliseBaseUrl } from './baseUrl';
import { answersWithoutCors, sendProbe, type ProbeOptions, type ProbeResult } from './gatewayProbe';
import {
  balanceCheck,
  baseUrlCheck,
  batchRouteCheck,
  crossOriginCheck,
  isMissingRoute,
  quoted,
  jsonCheck,
  keyCheck,
  reachableCheck,
  requestIdCheck,
  skippedForBaseUrl,
  submitRouteCheck,
  type KeyState,
} from './gatewayCheckVerdicts';
import { errorText } from '../errorText';
import { english, type Localize } from '../localize';

export type CheckOutcome = 'ok' | 'warning' | 'failed' | 'skipped';

/** The checks, in the order the report lists them. */
export const CHECK_IDS = ['base_url', 'reachable', 'json', 'api_key', 'balance', 'batch_route', 'submit_route', 'cross_origin', 'request_id'] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export interface GatewayCheck {
  readonly id: CheckId;
  readonly outcome: CheckOutcome;
  /** What was found, in the extension's own words. */
  readonly finding: string;
  /** Words quoted verbatim (the gateway's message, a setting's value): cut, inert, without the key. */
  readonly quote: string | null;
  /** What to do about it, or null when nothing. */
  readonly advice: string | null;
  /** The request the finding rests on (`GET https://…`), or null. */
  readonly request: string | null;
}

export interface GatewayCheckReport {
  /** The base URL as configured (made inert). */
  readonly configuredBaseUrl: string;
  /** The base URL requests went to, or null when it was unusable. */
  readonly baseUrl: string | null;
  /** ISO time the check started. */
  readonly checkedAt: string;
  readonly durationMs: number;
  readonly checks: readonly GatewayCheck[];
}

export interface GatewayCheckOptions {
  /** The base URL as configured; the check says when it is unusable. */
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly fetch?: typeof globalThis.fetch;
  readonly clock?: Clock;
  /** Per request, covering the answer's body too. Default 15 000. */
  readonly timeoutMs?: number;
  /**
   * True where requests go out from a web page (VS Code for the web), so that cross-origin rules
   * apply and are checked; false (default) in Node, where they do not.
   */
  readonly inBrowser?: boolean;
  /** Words the findings and advice: the extension passes `vscode.l10n.t`; English by default. */
  readonly localize?: Localize;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * A task id no gateway hands out (the nil UUID), yet valid by every id rule: "no such task" for it
 * shows that the key was accepted.
 */
export const PROBE_TASK_ID = '00000000-0000-0000-0000-000000000000';

/** The one submit the check sends: a lyrics request with an empty prompt, which gateways refuse. */
export const EMPTY_LYRICS_SUBMIT = JSON.stringify({ prompt: '' });

export async function checkGateway(options: GatewayCheckOptions): Promise<GatewayCheckReport> {
  const clock = options.clock ?? systemClock;
  // Blanked out of every quote, whether it can be sent or not.
  const secret = options.apiKey?.trim() || undefined;
  const localize = options.localize ?? english;
  const started = clock.now();
  const report = (baseUrl: string | null, checks: GatewayCheck[]): GatewayCheckReport => ({
    configuredBaseUrl: quoted(options.baseUrl, secret) ?? '',
    baseUrl,
    checkedAt: new Date(started).toISOString(),
    durationMs: Math.max(0, clock.now() - started),
    checks,
  });

  let baseUrl: string;
  try {
    baseUrl = normaliseBaseUrl(options.baseUrl);
  } catch (error) {
    return report(null, [baseUrlCheck(options.baseUrl, { problem: errorText(error) }, secret, localize), ...skippedForBaseUrl(localize)]);
  }

  const { keyState, sendableKey } = keyStateOf(options.apiKey);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const probeOptions: ProbeOptions = {
    // Bound so that a browser's fetch is not called with the options as `this`.
    fetch: (input, init) => fetchImpl(input, init),
    apiKey: sendableKey,
    clock,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const singleUrl = `${baseUrl}/suno/fetch/${encodeURIComponent(PROBE_TASK_ID)}`;
  const [single, batch, submit] = await Promise.all([
    sendProbe({ method: 'GET', url: singleUrl }, probeOptions),
    probeBatchRoutes(baseUrl, probeOptions),
    sendProbe({ method: 'POST', url: `${baseUrl}/suno/submit/lyrics`, body: EMPTY_LYRICS_SUBMIT }, probeOptions),
  ]);
  const inBrowser = options.inBrowser ?? false;
  // Only a browser hides why a request failed; a no-cors request tells a CORS refusal apart.
  const answersBlocked = inBrowser && single.kind === 'no_answer' && single.reason === 'blocked' ? await answersWithoutCors(singleUrl, probeOptions) : false;

  const key = keyCheck(single, keyState, secret, localize);
  return report(baseUrl, [
    baseUrlCheck(options.baseUrl, { normalised: baseUrl }, secret, localize),
    reachableCheck(single, probeOptions.timeoutMs, answersBlocked, secret, localize),
    jsonCheck(single, secret, localize),
    key,
    balanceCheck([single, ...batch, submit], key.outcome === 'ok', secret, localize),
    batchRouteCheck(batch, secret, localize),
    submitRouteCheck(submit, secret, localize),
    crossOriginCheck(inBrowser, single, answersBlocked, localize),
    requestIdCheck([single, ...batch, submit], secret, localize),
  ]);
}

/** The batch routes in the client's order, the next tried only when the one before does not exist. */
async function probeBatchRoutes(baseUrl: string, options: ProbeOptions): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const route of BATCH_ROUTES) {
    const result = await sendProbe({ method: 'POST', url: `${baseUrl}${route}`, body: JSON.stringify({ ids: [PROBE_TASK_ID] }) }, options);
    results.push(result);
    if (result.kind === 'no_answer' || !isMissingRoute(result)) break;
  }
  return results;
}

/** Whether a key is set and can travel in a header (fetch refuses one with spaces or non-ASCII). */
function keyStateOf(apiKey: string | undefined): { keyState: KeyState; sendableKey: string | undefined } {
  const key = apiKey?.trim();
  if (key === undefined || key === '') return { keyState: 'missing', sendableKey: undefined };
  if (!/^[\x21-\x7e]+$/.test(key)) return { keyState: 'unsendable', sendableKey: undefined };
  return { keyState: 'set', sendableKey: key };
}
