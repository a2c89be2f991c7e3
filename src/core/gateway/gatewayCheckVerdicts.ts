/**
 * What each answer of the gateway check means: one function per check, from the probes' results
 * to an outcome, a finding in plain words and what to do. Every text that came from the gateway
 * (or the setting) goes into `quote`, redacted and made inert, never into the finding itself.
 *
 * No Node imports: this runs in a browser worker as well.
 */

import { DEFAULT_BASE_URL } from './baseUrl';
import { crossOriginRefusalMessage } from './crossOriginRefusal';
import type { CheckId, GatewayCheck } from './gatewayCheck';
import type { ProbeResult } from './gatewayProbe';
import { sendsKeyInClearText } from './plainHttp';
import { redactKey, redactKeyPatterns } from './redaction';
import { inertText } from '../inertText';
import { gatewayMessageOf, isRecord, isTaskNotExist, looksLikeHtml, tryParseJson } from '../wire/answerBody';

export type KeyState = 'missing' | 'unsendable' | 'set';

type Answer = Extract<ProbeResult, { kind: 'answer' }>;

/** The longest quote a check carries: enough for a gateway's error message, never a page. */
const MAX_QUOTE_LENGTH = 300;

const SET_KEY_ADVICE = 'Run "Suno: Set API Key…" with the key the gateway gave you.';
const WEBSITE_ADVICE =
  `Set "suno.baseUrl" to the API address the gateway's docs give (often the host name with api. in front, e.g. ${DEFAULT_BASE_URL}), ` +
  'not the address of its website or console. A /v1 on the end makes no difference; a path after the host is kept, ' +
  'so remove one the docs do not show.';
const PATH_ADVICE =
  'The address answers, but not as a Suno gateway under this path. Check the path after the host in "suno.baseUrl" ' +
  `against the gateway's docs (most need none: ${DEFAULT_BASE_URL}).`;

/** Gateways' words for a balance or quota that ran out, in English and Chinese. */
const QUOTA_WORDS = /quota|insufficient|balance|not\s+enough|credits?\b|余额|额度|欠费/i;

/** new-api's request id inside an error message: `(request id: 2025…)`. */
const REQUEST_ID_IN_MESSAGE = /request[\s_-]*id[:：\s]+([A-Za-z0-9_.:-]{6,80})/i;

function check(id: CheckId, outcome: GatewayCheck['outcome'], finding: string, extra: Partial<Pick<GatewayCheck, 'quote' | 'advice' | 'request'>> = {}): GatewayCheck {
  return { id, outcome, finding, quote: extra.quote ?? null, advice: extra.advice ?? null, request: extra.request ?? null };
}

/** Text from outside, safe to show: without the key or anything that looks like one, on one line, inert, cut. */
export function quoted(text: string | null | undefined, secret: string | undefined): string | null {
  if (text == null || text.trim() === '') return null;
  return inertText(redactKeyPatterns(redactKey(text, secret)), MAX_QUOTE_LENGTH);
}

function requestOf(result: ProbeResult): string {
  return inertText(`${result.request.method} ${result.request.url}`, MAX_QUOTE_LENGTH);
}

function messageOf(answer: Answer, secret: string | undefined): string | null {
  return quoted(gatewayMessageOf(answer.body), secret);
}

const NO_ANSWER = 'No answer arrived, so this could not be checked (see "Reachable").';

export function baseUrlCheck(configured: string, result: { normalised: string } | { problem: string }, secret?: string): GatewayCheck {
  if ('problem' in result) {
    return check('base_url', 'failed', 'The base URL setting cannot be used.', {
      quote: quoted(result.problem, secret),
      advice: `Open the "suno.baseUrl" setting and enter the gateway's address, e.g. ${DEFAULT_BASE_URL}.`,
    });
  }
  if (sendsKeyInClearText(result.normalised)) {
    return check('base_url', 'warning', 'The base URL is plain http:// to a host outside this computer and your network: the API key would travel unencrypted.', {
      quote: quoted(result.normalised, secret),
      advice: 'Use the https:// address of the gateway.',
    });
  }
  const changed = result.normalised !== configured.trim();
  return check('base_url', 'ok', changed ? 'The base URL is usable; requests go to the address quoted.' : 'The base URL is usable.', {
    quote: quoted(result.normalised, secret),
  });
}

/** Every check after the base URL, skipped for want of a usable one. */
export function skippedForBaseUrl(): GatewayCheck[] {
  const ids: CheckId[] = ['reachable', 'json', 'api_key', 'balance', 'batch_route', 'submit_route', 'cross_origin', 'request_id'];
  return ids.map((id) => check(id, 'skipped', 'Not checked: there is no usable base URL.'));
}

export function reachableCheck(single: ProbeResult, timeoutMs: number, answersBlocked: boolean, secret: string | undefined): GatewayCheck {
  const request = requestOf(single);
  if (single.kind === 'answer') {
    if (single.redirectedTo !== null) {
      return check('reachable', 'warning', `The gateway answered (HTTP ${single.httpStatus}, ${single.durationMs} ms), but only after redirecting the request to the address quoted. A redirect turns the batch and submit requests into plain GETs.`, {
        quote: quoted(single.redirectedTo, secret),
        advice: 'Set "suno.baseUrl" to the address the gateway redirects to.',
        request,
      });
    }
    return check('reachable', 'ok', `The gateway answered (HTTP ${single.httpStatus}, ${single.durationMs} ms).`, { request });
  }
  const code = single.code === null ? '' : ` (${single.code})`;
  const detail = quoted(single.detail, secret);
  switch (single.reason) {
    case 'dns':
      return check('reachable', 'failed', `The host name could not be resolved${code}.`, {
        advice: 'Check the host name in "suno.baseUrl" for typos. If it is right, check your network connection, DNS or proxy.',
        request,
      });
    case 'refused':
      return check('reachable', 'failed', `Nothing accepts connections at this address: the connection was refused${code}.`, {
        advice: 'Check the port and http:// versus https:// in "suno.baseUrl", and that the gateway is running.',
        request,
      });
    case 'tls':
      return check('reachable', 'failed', `The secure (TLS) connection failed${code}.`, {
        quote: detail,
        advice:
          "Check the host name: a certificate for another name means the address is wrong. Check this computer's date. " +
          'Behind a company proxy that inspects traffic, its certificate must be trusted (VS Code\'s "http.proxyStrictSSL" setting).',
        request,
      });
    case 'timeout':
      return check('reachable', 'failed', `No answer within ${Math.round(timeoutMs / 100) / 10} s${code}.`, {
        advice: 'Try again. If it lasts, the gateway is down, or a firewall or proxy swallows the request (VS Code\'s "http.proxy" setting).',
        request,
      });
    case 'reset':
      return check('reachable', 'failed', `The connection was closed before an answer arrived${code}.`, {
        advice: 'Try again. If it lasts, check http:// versus https:// in "suno.baseUrl", and any proxy or firewall on the way.',
        request,
      });
    case 'unreachable':
      return check('reachable', 'failed', `The network or the host is unreachable${code}.`, { advice: 'Check your network connection.', request });
    case 'blocked':
      if (answersBlocked) {
        return check('reachable', 'ok', 'The gateway answers, but the browser does not let VS Code for the web read its answers (see "Cross-origin requests").', { request });
      }
      return check('reachable', 'failed', 'The browser could not reach the gateway and does not say why: an unknown host, no connection, or a blocked request.', {
        advice: 'Check the address in "suno.baseUrl" and your network connection.',
        request,
      });
    case 'other':
      return check('reachable', 'failed', `The request failed${code}.`, { quote: detail, advice: 'Check "suno.baseUrl" and your network connection.', request });
  }
}

export function jsonCheck(single: ProbeResult, secret: string | undefined): GatewayCheck {
  if (single.kind === 'no_answer') return check('json', 'skipped', NO_ANSWER);
  const request = requestOf(single);
  const status = single.httpStatus;
  if (looksLikeHtml(single.body)) {
    const title = quoted(htmlTitle(single.body), secret);
    if (status >= 500) {
      return check('json', 'warning', `A proxy in front of the gateway answered with an error page (HTTP ${status}) instead of the gateway's JSON: the gateway itself is probably down or restarting.`, {
        quote: title,
        advice: "Try again in a few minutes. If it lasts, tell the gateway's support, quoting the request ids below.",
        request,
      });
    }
    return check('json', 'failed', `This looks like a web page (HTTP ${status}, HTML instead of JSON): the base URL probably points at the gateway's website, not its API.`, {
      quote: title,
      advice: WEBSITE_ADVICE,
      request,
    });
  }
  const json = tryParseJson(single.body);
  if (json === undefined) {
    const what = single.body.trim() === '' ? 'an empty body' : 'plain text';
    return check('json', 'failed', `It answered HTTP ${status} with ${what} instead of JSON.`, { quote: quoted(single.body, secret), advice: PATH_ADVICE, request });
  }
  if (status === 404 && !isTaskNotExist(single.body)) {
    return check('json', 'failed', 'It answers JSON, but has no Suno fetch route under this address (HTTP 404).', { quote: messageOf(single, secret), advice: PATH_ADVICE, request });
  }
  if (!isRecord(json) || !('code' in json || 'data' in json || 'error' in json || 'message' in json)) {
    return check('json', 'warning', `It answers JSON (HTTP ${status}), but not in a shape any Suno gateway uses: it may be another API.`, {
      quote: quoted(single.body, secret),
      advice: PATH_ADVICE,
      request,
    });
  }
  return check('json', 'ok', `It answers JSON, as a Suno gateway does (HTTP ${status}).`, { request });
}

export function keyCheck(single: ProbeResult, keyState: KeyState, secret: string | undefined): GatewayCheck {
  if (keyState === 'missing') return check('api_key', 'skipped', 'No API key is set for this gateway.', { advice: SET_KEY_ADVICE });
  if (keyState === 'unsendable') {
    return check('api_key', 'failed', 'The stored API key contains spaces, line breaks or non-ASCII characters, so it cannot be sent.', {
      advice: 'Copy the key again and paste it with "Suno: Set API Key…".',
    });
  }
  if (single.kind === 'no_answer') return check('api_key', 'skipped', NO_ANSWER);
  const request = requestOf(single);
  const status = single.httpStatus;
  const quote = messageOf(single, secret);
  if (status === 401 || status === 403) {
    const banned = status === 403 ? ' A 403 can also mean that the gateway blocked the account, its group or your IP address.' : '';
    return check('api_key', 'failed', `The gateway refused the API key (HTTP ${status}).${banned}`, {
      quote,
      advice: "Copy the key again from the gateway's console, check that it belongs to this gateway and has not expired or run out, then run \"Suno: Set API Key…\".",
      request,
    });
  }
  if (isTaskNotExist(single.body)) {
    return check('api_key', 'ok', 'The key was accepted: asked for a task that cannot exist, the gateway answered that there is no such task.', { request });
  }
  if (status === 429) return check('api_key', 'warning', 'The gateway is limiting requests (HTTP 429), so the key could not be checked.', { quote, advice: 'Try again in a minute.', request });
  if (status >= 500) return check('api_key', 'warning', `The gateway had trouble (HTTP ${status}), so the key could not be checked.`, { quote, advice: 'Try again later.', request });
  if (status >= 200 && status < 300 && !looksLikeHtml(single.body)) return check('api_key', 'ok', `The key seems accepted (HTTP ${status}).`, { request });
  return check('api_key', 'skipped', `The answer (HTTP ${status}) does not say whether the key was accepted (see "Answers JSON").`, { request });
}

export function balanceCheck(results: readonly ProbeResult[], keyAccepted: boolean, secret: string | undefined): GatewayCheck {
  for (const result of results) {
    if (result.kind !== 'answer' || looksLikeHtml(result.body)) continue;
    const message = gatewayMessageOf(result.body);
    const json = tryParseJson(result.body);
    const code = isRecord(json) && typeof json.code === 'string' ? json.code : '';
    if (result.httpStatus === 402 || QUOTA_WORDS.test(code) || (message !== null && result.httpStatus >= 400 && QUOTA_WORDS.test(message))) {
      return check('balance', 'failed', `The gateway says the account's balance or the key's quota is used up (HTTP ${result.httpStatus}).`, {
        quote: quoted(message ?? code, secret),
        advice: "Top up the account in the gateway's console, or raise the key's quota there.",
        request: requestOf(result),
      });
    }
  }
  if (!keyAccepted) return check('balance', 'skipped', 'Not checked: it needs an accepted key.');
  return check(
    'balance',
    'ok',
    "No answer mentioned the balance or a quota. The balance itself shows only in the gateway's console: these checks cost nothing, so they cannot tell whether it covers a song.",
  );
}

/**
 * The batch route does not exist: 404/405/501, or a 400 that is not "no such task" (a gateway that
 * does not understand `{"ids": […]}`); the client decides the same way.
 */
export function isMissingRoute(answer: Answer): boolean {
  return [400, 404, 405, 501].includes(answer.httpStatus) && !isTaskNotExist(answer.body);
}

export function batchRouteCheck(results: readonly ProbeResult[], secret: string | undefined): GatewayCheck {
  const last = results[results.length - 1];
  if (last === undefined || last.kind === 'no_answer') return check('batch_route', 'skipped', NO_ANSWER);
  const request = requestOf(last);
  const status = last.httpStatus;
  const quote = messageOf(last, secret);
  if (looksLikeHtml(last.body)) return check('batch_route', 'skipped', `Not checked: the gateway answered with a web page (HTTP ${status}).`, { request });
  if (isMissingRoute(last)) {
    return check('batch_route', 'warning', `There is no batch route: neither POST /suno/fetch nor POST /suno/submit/fetch exists here (HTTP ${status}).`, {
      quote,
      advice: 'Nothing to do: the tracker asks for each task on its own instead (one request per task and round) and remembers that for this gateway.',
      request,
    });
  }
  const route = new URL(last.request.url).pathname.endsWith('/suno/submit/fetch') ? 'POST /suno/submit/fetch' : 'POST /suno/fetch';
  const json = tryParseJson(last.body);
  if (isTaskNotExist(last.body) || (status >= 200 && status < 300 && isRecord(json) && Array.isArray(json.data))) {
    return check('batch_route', 'ok', `The batch route ${route} answers: the tracker asks for many tasks in one request.`, { request });
  }
  if (status === 401 || status === 403) return check('batch_route', 'skipped', `Not checked: the gateway refused the key on ${route} (HTTP ${status}).`, { quote, request });
  return check('batch_route', 'warning', `${route} answered HTTP ${status}, but not with a list of tasks.`, {
    quote: quote ?? quoted(last.body, secret),
    advice: status === 429 || status >= 500 ? 'Try again later.' : 'The tracker falls back to asking for each task on its own when batches fail.',
    request,
  });
}

export function submitRouteCheck(submit: ProbeResult, secret: string | undefined): GatewayCheck {
  if (submit.kind === 'no_answer') return check('submit_route', 'skipped', NO_ANSWER);
  const request = requestOf(submit);
  const status = submit.httpStatus;
  const message = gatewayMessageOf(submit.body);
  const quote = quoted(message, secret);
  if (looksLikeHtml(submit.body)) return check('submit_route', 'skipped', `Not checked: the gateway answered with a web page (HTTP ${status}).`, { request });
  if (status >= 200 && status < 300) {
    return check('submit_route', 'warning', `The gateway ACCEPTED an empty lyrics request (HTTP ${status}) instead of refusing it.`, {
      quote: quote ?? quoted(submit.body, secret),
      advice:
        "Look in the gateway's console for a new lyrics task: it may have been created and charged. This gateway passes requests on " +
        'without checking them, so check your songs before you generate them.',
      request,
    });
  }
  if (status === 402 || (message !== null && QUOTA_WORDS.test(message))) {
    return check('submit_route', 'ok', `The submit route answers (HTTP ${status}, about the balance: see "Balance").`, { quote, request });
  }
  if (status === 404 || status === 405 || status === 501) {
    return check('submit_route', 'warning', `There is no submit route: POST /suno/submit/lyrics does not exist here (HTTP ${status}).`, {
      quote,
      advice: 'Tracking works. Creating songs and lyrics from the editor needs a gateway that sells Suno generation.',
      request,
    });
  }
  if (status === 401 || status === 403) return check('submit_route', 'skipped', `Not checked: the gateway refused the key on the submit route (HTTP ${status}).`, { quote, request });
  if (status === 400 || status === 422) {
    return check('submit_route', 'ok', `The submit route answers: it refused an empty lyrics request (HTTP ${status}), as it should, so nothing was created or charged.`, { quote, request });
  }
  return check('submit_route', 'warning', `The submit route answered HTTP ${status}.`, { quote, advice: status === 429 || status >= 500 ? 'Try again later.' : null, request });
}

export function crossOriginCheck(inBrowser: boolean, single: ProbeResult, answersBlocked: boolean): GatewayCheck {
  if (!inBrowser) {
    return check('cross_origin', 'skipped', 'Only VS Code for the web (vscode.dev, github.dev) is subject to cross-origin rules; here requests go out from the extension host.');
  }
  if (single.kind === 'answer') return check('cross_origin', 'ok', 'The gateway allows cross-origin requests: VS Code for the web can read its answers.', { request: requestOf(single) });
  if (answersBlocked) {
    // In the words the tracker uses when a request is refused the same way.
    return check('cross_origin', 'failed', crossOriginRefusalMessage(single.request.url), {
      advice: "Use desktop VS Code with this gateway, or ask its operator to allow cross-origin requests (Access-Control-Allow-Origin, with the Authorization header allowed).",
      request: requestOf(single),
    });
  }
  return check('cross_origin', 'skipped', NO_ANSWER);
}

export function requestIdCheck(results: readonly ProbeResult[], secret: string | undefined): GatewayCheck {
  const ids = new Set<string>();
  for (const result of results) {
    if (result.kind !== 'answer') continue;
    if (result.requestIdHeader !== null) ids.add(result.requestIdHeader);
    const inMessage = REQUEST_ID_IN_MESSAGE.exec(gatewayMessageOf(result.body) ?? '')?.[1];
    if (inMessage !== undefined) ids.add(inMessage);
  }
  if (ids.size === 0) return check('request_id', 'skipped', "The gateway's answers carried no request id.");
  return check('request_id', 'ok', "The gateway numbered its answers: quote these request ids when you ask its support about this check.", {
    quote: quoted([...ids].join(', '), secret),
  });
}

function htmlTitle(body: string): string | null {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body.slice(0, 4096))?.[1]?.replace(/<[^>]*>/g, '').trim();
  return title ? `<title>${title}</title>` : null;
}
