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
import { english, type Localize } from '../localize';
import { gatewayMessageOf, isRecord, isTaskNotExist, looksLikeHtml, tryParseJson } from '../wire/answerBody';

export type KeyState = 'missing' | 'unsendable' | 'set';

type Answer = Extract<ProbeResult, { kind: 'answer' }>;

/** The longest quote a check carries: enough for a gateway's error message, never a page. */
const MAX_QUOTE_LENGTH = 300;

function setKeyAdvice(localize: Localize): string {
  return localize('Run "Suno: Set API Key…" with the key the gateway gave you.');
}

function websiteAdvice(localize: Localize): string {
  return localize(
    'Set "suno.baseUrl" to the API address the gateway\'s docs give (often the host name with api. in front, e.g. {0}), not the address of its website or console. A /v1 on the end makes no difference; a path after the host is kept, so remove one the docs do not show.',
    DEFAULT_BASE_URL,
  );
}

function pathAdvice(localize: Localize): string {
  return localize(
    'The address answers, but not as a Suno gateway under this path. Check the path after the host in "suno.baseUrl" against the gateway\'s docs (most need none: {0}).',
    DEFAULT_BASE_URL,
  );
}

function noAnswer(localize: Localize): string {
  return localize('No answer arrived, so this could not be checked (see "Reachable").');
}

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

export function baseUrlCheck(
  configured: string,
  result: { normalised: string } | { problem: string },
  secret?: string,
  localize: Localize = english,
): GatewayCheck {
  if ('problem' in result) {
    return check('base_url', 'failed', localize('The base URL setting cannot be used.'), {
      quote: quoted(result.problem, secret),
      advice: localize('Open the "suno.baseUrl" setting and enter the gateway\'s address, e.g. {0}.', DEFAULT_BASE_URL),
    });
  }
  if (sendsKeyInClearText(result.normalised)) {
    return check('base_url', 'warning', localize('The base URL is plain http:// to a host outside this computer and your network: the API key would travel unencrypted.'), {
      quote: quoted(result.normalised, secret),
      advice: localize('Use the https:// address of the gateway.'),
    });
  }
  const changed = result.normalised !== configured.trim();
  return check('base_url', 'ok', changed ? localize('The base URL is usable; requests go to the address quoted.') : localize('The base URL is usable.'), {
    quote: quoted(result.normalised, secret),
  });
}

/** Every check after the base URL, skipped for want of a usable one. */
export function skippedForBaseUrl(localize: Localize = english): GatewayCheck[] {
  const ids: CheckId[] = ['reachable', 'json', 'api_key', 'balance', 'batch_route', 'submit_route', 'cross_origin', 'request_id'];
  return ids.map((id) => check(id, 'skipped', localize('Not checked: there is no usable base URL.')));
}

export function reachableCheck(
  single: ProbeResult,
  timeoutMs: number,
  answersBlocked: boolean,
  secret: string | undefined,
  localize: Localize = english,
): GatewayCheck {
  const request = requestOf(single);
  if (single.kind === 'answer') {
    if (single.redirectedTo !== null) {
      return check('reachable', 'warning', localize('The gateway answered (HTTP {0}, {1} ms), but only after redirecting the request to the address quoted. A redirect turns the batch and submit requests into plain GETs.', single.httpStatus, single.durationMs), {
        quote: quoted(single.redirectedTo, secret),
        advice: localize('Set "suno.baseUrl" to the address the gateway redirects to.'),
        request,
      });
    }
    return check('reachable', 'ok', localize('The gateway answered (HTTP {0}, {1} ms).', single.httpStatus, single.durationMs), { request });
  }
  const code = single.code === null ? '' : ` (${single.code})`;
  const detail = quoted(single.detail, secret);
  switch (single.reason) {
    case 'dns':
      return check('reachable', 'failed', localize('The host name could not be resolved{0}.', code), {
        advice: localize('Check the host name in "suno.baseUrl" for typos. If it is right, check your network connection, DNS or proxy.'),
        request,
      });
    case 'refused':
      return check('reachable', 'failed', localize('Nothing accepts connections at this address: the connection was refused{0}.', code), {
        advice: localize('Check the port and http:// versus https:// in "suno.baseUrl", and that the gateway is running.'),
        request,
      });
    case 'tls':
      return check('reachable', 'failed', localize('The secure (TLS) connection failed{0}.', code), {
        quote: detail,
        advice: localize(
          'Check the host name: a certificate for another name means the address is wrong. Check this computer\'s date. Behind a company proxy that inspects traffic, its certificate must be trusted (VS Code\'s "http.proxyStrictSSL" setting).',
        ),
        request,
      });
    case 'timeout':
      return check('reachable', 'failed', localize('No answer within {0} s{1}.', Math.round(timeoutMs / 100) / 10, code), {
        advice: localize('Try again. If it lasts, the gateway is down, or a firewall or proxy swallows the request (VS Code\'s "http.proxy" setting).'),
        request,
      });
    case 'reset':
      return check('reachable', 'failed', localize('The connection was closed before an answer arrived{0}.', code), {
        advice: localize('Try again. If it lasts, check http:// versus https:// in "suno.baseUrl", and any proxy or firewall on the way.'),
        request,
      });
    case 'unreachable':
      return check('reachable', 'failed', localize('The network or the host is unreachable{0}.', code), { advice: localize('Check your network connection.'), request });
    case 'blocked':
      if (answersBlocked) {
        return check('reachable', 'ok', localize('The gateway answers, but the browser does not let VS Code for the web read its answers (see "Cross-origin requests").'), { request });
      }
      return check('reachable', 'failed', localize('The browser could not reach the gateway and does not say why: an unknown host, no connection, or a blocked request.'), {
        advice: localize('Check the address in "suno.baseUrl" and your network connection.'),
        request,
      });
    case 'other':
      return check('reachable', 'failed', localize('The request failed{0}.', code), { quote: detail, advice: localize('Check "suno.baseUrl" and your network connection.'), request });
  }
}

export function jsonCheck(single: ProbeResult, secret: string | undefined, localize: Localize = english): GatewayCheck {
  if (single.kind === 'no_answer') return check('json', 'skipped', noAnswer(localize));
  const request = requestOf(single);
  const status = single.httpStatus;
  if (looksLikeHtml(single.body)) {
    const title = quoted(htmlTitle(single.body), secret);
    if (status >= 500) {
      return check('json', 'warning', localize("A proxy in front of the gateway answered with an error page (HTTP {0}) instead of the gateway's JSON: the gateway itself is probably down or restarting.", status), {
        quote: title,
        advice: localize("Try again in a few minutes. If it lasts, tell the gateway's support, quoting the request ids below."),
        request,
      });
    }
    return check('json', 'failed', localize("This looks like a web page (HTTP {0}, HTML instead of JSON): the base URL probably points at the gateway's website, not its API.", status), {
      quote: title,
      advice: websiteAdvice(localize),
      request,
    });
  }
  const json = tryParseJson(single.body);
  if (json === undefined) {
    const what = single.body.trim() === '' ? localize('an empty body') : localize('plain text');
    return check('json', 'failed', localize('It answered HTTP {0} with {1} instead of JSON.', status, what), { quote: quoted(single.body, secret), advice: pathAdvice(localize), request });
  }
  if (status === 404 && !isTaskNotExist(single.body)) {
    return check('json', 'failed', localize('It answers JSON, but has no Suno fetch route under this address (HTTP 404).'), { quote: messageOf(single, secret), advice: pathAdvice(localize), request });
  }
  if (!isRecord(json) || !('code' in json || 'data' in json || 'error' in json || 'message' in json)) {
    return check('json', 'warning', localize('It answers JSON (HTTP {0}), but not in a shape any Suno gateway uses: it may be another API.', status), {
      quote: quoted(single.body, secret),
      advice: pathAdvice(localize),
      request,
    });
  }
  return check('json', 'ok', localize('It answers JSON, as a Suno gateway does (HTTP {0}).', status), { request });
}

export function keyCheck(single: ProbeResult, keyState: KeyState, secret: string | undefined, localize: Localize = english): GatewayCheck {
  if (keyState === 'missing') return check('api_key', 'skipped', localize('No API key is set for this gateway.'), { advice: setKeyAdvice(localize) });
  if (keyState === 'unsendable') {
    return check('api_key', 'failed', localize('The stored API key contains spaces, line breaks or non-ASCII characters, so it cannot be sent.'), {
      advice: localize('Copy the key again and paste it with "Suno: Set API Key…".'),
    });
  }
  if (single.kind === 'no_answer') return check('api_key', 'skipped', noAnswer(localize));
  const request = requestOf(single);
  const status = single.httpStatus;
  const quote = messageOf(single, secret);
  if (status === 401 || status === 403) {
    const banned = status === 403 ? ` ${localize('A 403 can also mean that the gateway blocked the account, its group or your IP address.')}` : '';
    return check('api_key', 'failed', localize('The gateway refused the API key (HTTP {0}).{1}', status, banned), {
      quote,
      advice: localize("Copy the key again from the gateway's console, check that it belongs to this gateway and has not expired or run out, then run \"Suno: Set API Key…\"."),
      request,
    });
  }
  if (isTaskNotExist(single.body)) {
    return check('api_key', 'ok', localize('The key was accepted: asked for a task that cannot exist, the gateway answered that there is no such task.'), { request });
  }
  if (status === 429) return check('api_key', 'warning', localize('The gateway is limiting requests (HTTP 429), so the key could not be checked.'), { quote, advice: localize('Try again in a minute.'), request });
  if (status >= 500) return check('api_key', 'warning', localize('The gateway had trouble (HTTP {0}), so the key could not be checked.', status), { quote, advice: localize('Try again later.'), request });
  if (status >= 200 && status < 300 && !looksLikeHtml(single.body)) return check('api_key', 'ok', localize('The key seems accepted (HTTP {0}).', status), { request });
  return check('api_key', 'skipped', localize('The answer (HTTP {0}) does not say whether the key was accepted (see "Answers JSON").', status), { request });
}

export function balanceCheck(
  results: readonly ProbeResult[],
  keyAccepted: boolean,
  secret: string | undefined,
  localize: Localize = english,
): GatewayCheck {
  for (const result of results) {
    if (result.kind !== 'answer' || looksLikeHtml(result.body)) continue;
    const message = gatewayMessageOf(result.body);
    const json = tryParseJson(result.body);
    const code = isRecord(json) && typeof json.code === 'string' ? json.code : '';
    if (result.httpStatus === 402 || QUOTA_WORDS.test(code) || (message !== null && result.httpStatus >= 400 && QUOTA_WORDS.test(message))) {
      return check('balance', 'failed', localize("The gateway says the account's balance or the key's quota is used up (HTTP {0}).", result.httpStatus), {
        quote: quoted(message ?? code, secret),
        advice: localize("Top up the account in the gateway's console, or raise the key's quota there."),
        request: requestOf(result),
      });
    }
  }
  if (!keyAccepted) return check('balance', 'skipped', localize('Not checked: it needs an accepted key.'));
  return check(
    'balance',
    'ok',
    localize("No answer mentioned the balance or a quota. The balance itself shows only in the gateway's console: these checks cost nothing, so they cannot tell whether it covers a song."),
  );
}

/**
 * The batch route does not exist: 404/405/501, or a 400 that is not "no such task" (a gateway that
 * does not understand `{"ids": […]}`); the client decides the same way.
 */
export function isMissingRoute(answer: Answer): boolean {
  return [400, 404, 405, 501].includes(answer.httpStatus) && !isTaskNotExist(answer.body);
}

export function batchRouteCheck(results: readonly ProbeResult[], secret: string | undefined, localize: Localize = english): GatewayCheck {
  const last = results[results.length - 1];
  if (last === undefined || last.kind === 'no_answer') return check('batch_route', 'skipped', noAnswer(localize));
  const request = requestOf(last);
  const status = last.httpStatus;
  const quote = messageOf(last, secret);
  if (looksLikeHtml(last.body)) return check('batch_route', 'skipped', localize('Not checked: the gateway answered with a web page (HTTP {0}).', status), { request });
  if (isMissingRoute(last)) {
    return check('batch_route', 'warning', localize('There is no batch route: neither POST /suno/fetch nor POST /suno/submit/fetch exists here (HTTP {0}).', status), {
      quote,
      advice: localize('Nothing to do: the tracker asks for each task on its own instead (one request per task and round) and remembers that for this gateway.'),
      request,
    });
  }
  const route = new URL(last.request.url).pathname.endsWith('/suno/submit/fetch') ? 'POST /suno/submit/fetch' : 'POST /suno/fetch';
  const json = tryParseJson(last.body);
  if (isTaskNotExist(last.body) || (status >= 200 && status < 300 && isRecord(json) && Array.isArray(json.data))) {
    return check('batch_route', 'ok', localize('The batch route {0} answers: the tracker asks for many tasks in one request.', route), { request });
  }
  if (status === 401 || status === 403) return check('batch_route', 'skipped', localize('Not checked: the gateway refused the key on {0} (HTTP {1}).', route, status), { quote, request });
  return check('batch_route', 'warning', localize('{0} answered HTTP {1}, but not with a list of tasks.', route, status), {
    quote: quote ?? quoted(last.body, secret),
    advice: status === 429 || status >= 500 ? localize('Try again later.') : localize('The tracker falls back to asking for each task on its own when batches fail.'),
    request,
  });
}

export function submitRouteCheck(submit: ProbeResult, secret: string | undefined, localize: Localize = english): GatewayCheck {
  if (submit.kind === 'no_answer') return check('submit_route', 'skipped', noAnswer(localize));
  const request = requestOf(submit);
  const status = submit.httpStatus;
  const message = gatewayMessageOf(submit.body);
  const quote = quoted(message, secret);
  if (looksLikeHtml(submit.body)) return check('submit_route', 'skipped', localize('Not checked: the gateway answered with a web page (HTTP {0}).', status), { request });
  if (status >= 200 && status < 300) {
    return check('submit_route', 'warning', localize('The gateway ACCEPTED an empty lyrics request (HTTP {0}) instead of refusing it.', status), {
      quote: quote ?? quoted(submit.body, secret),
      advice: localize(
        "Look in the gateway's console for a new lyrics task: it may have been created and charged. This gateway passes requests on without checking them, so check your songs before you generate them.",
      ),
      request,
    });
  }
  if (status === 402 || (message !== null && QUOTA_WORDS.test(message))) {
    return check('submit_route', 'ok', localize('The submit route answers (HTTP {0}, about the balance: see "Balance").', status), { quote, request });
  }
  if (status === 404 || status === 405 || status === 501) {
    return check('submit_route', 'warning', localize('There is no submit route: POST /suno/submit/lyrics does not exist here (HTTP {0}).', status), {
      quote,
      advice: localize('Tracking works. Creating songs and lyrics from the editor needs a gateway that sells Suno generation.'),
      request,
    });
  }
  if (status === 401 || status === 403) return check('submit_route', 'skipped', localize('Not checked: the gateway refused the key on the submit route (HTTP {0}).', status), { quote, request });
  if (status === 400 || status === 422) {
    return check('submit_route', 'ok', localize('The submit route answers: it refused an empty lyrics request (HTTP {0}), as it should, so nothing was created or charged.', status), { quote, request });
  }
  return check('submit_route', 'warning', localize('The submit route answered HTTP {0}.', status), { quote, advice: status === 429 || status >= 500 ? localize('Try again later.') : null, request });
}

export function crossOriginCheck(inBrowser: boolean, single: ProbeResult, answersBlocked: boolean, localize: Localize = english): GatewayCheck {
  if (!inBrowser) {
    return check('cross_origin', 'skipped', localize('Only VS Code for the web (vscode.dev, github.dev) is subject to cross-origin rules; here requests go out from the extension host.'));
  }
  if (single.kind === 'answer') return check('cross_origin', 'ok', localize('The gateway allows cross-origin requests: VS Code for the web can read its answers.'), { request: requestOf(single) });
  if (answersBlocked) {
    // In the words the tracker uses when a request is refused the same way.
    return check('cross_origin', 'failed', crossOriginRefusalMessage(single.request.url, localize), {
      advice: localize('Use desktop VS Code with this gateway, or ask its operator to allow cross-origin requests (Access-Control-Allow-Origin, with the Authorization header allowed).'),
      request: requestOf(single),
    });
  }
  return check('cross_origin', 'skipped', noAnswer(localize));
}

export function requestIdCheck(results: readonly ProbeResult[], secret: string | undefined, localize: Localize = english): GatewayCheck {
  const ids = new Set<string>();
  for (const result of results) {
    if (result.kind !== 'answer') continue;
    if (result.requestIdHeader !== null) ids.add(result.requestIdHeader);
    const inMessage = REQUEST_ID_IN_MESSAGE.exec(gatewayMessageOf(result.body) ?? '')?.[1];
    if (inMessage !== undefined) ids.add(inMessage);
  }
  if (ids.size === 0) return check('request_id', 'skipped', localize("The gateway's answers carried no request id."));
  return check('request_id', 'ok', localize("The gateway numbered its answers: quote these request ids when you ask its support about this check."), {
    quote: quoted([...ids].join(', '), secret),
  });
}

function htmlTitle(body: string): string | null {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body.slice(0, 4096))?.[1]?.replace(/<[^>]*>/g, '').trim();
  return title ? `<title>${title}</title>` : null;
}
