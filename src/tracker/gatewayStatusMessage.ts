import type { GatewayError } from '../core/gatewayError';
import { english, type Localize } from '../core/localize';
import type { GatewayPollState } from '../core/polling/poller';

/**
 * The line shown at the top of the tracker while a gateway cannot be polled. Problems belong in
 * the view, where the affected tasks are, more than in pop-ups: the notification appears once,
 * this stays until the gateway recovers.
 */
export class GatewayStatusMessage {
  private readonly problems = new Map<string, GatewayPollState>();

  /** `localize` words the lines: the tracker passes `vscode.l10n.t`. */
  constructor(private readonly localize: Localize = english) {}

  /** Records a gateway's new state; returns true when the message text changed. */
  update(state: GatewayPollState): boolean {
    const before = this.text();
    if (state.state === 'paused_auth' || (state.lastError !== null && state.state === 'backing_off')) {
      this.problems.set(state.baseUrl, state);
    } else {
      this.problems.delete(state.baseUrl);
    }
    return this.text() !== before;
  }

  /** The gateways currently described. */
  gateways(): string[] {
    return [...this.problems.keys()];
  }

  forget(baseUrl: string): boolean {
    return this.problems.delete(baseUrl);
  }

  /** What is wrong with one gateway (`unreachable — retrying automatically`), or undefined when nothing is. */
  problemOf(baseUrl: string): string | undefined {
    const state = this.problems.get(baseUrl);
    return state === undefined ? undefined : describeProblem(state, this.localize);
  }

  /** Plain text for `TreeView.message`, or undefined when every gateway is fine. */
  text(): string | undefined {
    const lines = [...this.problems.values()].map((state) => describeState(state, this.localize));
    return lines.length > 0 ? lines.join('\n') : undefined;
  }
}

function describeState(state: GatewayPollState, localize: Localize): string {
  const host = hostOf(state.baseUrl);
  if (state.state === 'paused_auth') {
    switch (keyProblem(state.lastError)) {
      case 'missing':
        return localize('{0}: no API key — polling paused. Run "Suno: Set API Key…".', host);
      case 'unsendable':
        return localize('{0}: the stored API key cannot be sent — polling paused. Run "Suno: Set API Key…" and paste it again.', host);
      case 'refused':
        return localize('{0}: the API key was refused — polling paused. Run "Suno: Set API Key…" ("Suno: Check Gateway" tells why).', host);
    }
  }
  const reason = state.lastError ? shortReason(state.lastError, localize) : localize('failed');
  return state.lastError && isAboutTheGateway(state.lastError.kind)
    ? localize('{0}: {1} — retrying automatically. "Suno: Check Gateway" tells why.', host, reason)
    : localize('{0}: {1} — retrying automatically.', host, reason);
}

/** Failures a gateway check can explain: the address, the network or the gateway itself. */
function isAboutTheGateway(kind: string): boolean {
  return kind === 'network' || kind === 'timeout' || kind === 'server' || kind === 'bad_response';
}

function describeProblem(state: GatewayPollState, localize: Localize): string {
  if (state.state === 'paused_auth') {
    switch (keyProblem(state.lastError)) {
      case 'missing':
        return localize('no API key — polling paused');
      case 'unsendable':
        return localize('the stored API key cannot be sent — polling paused');
      case 'refused':
        return localize('the API key was refused — polling paused');
    }
  }
  const reason = state.lastError ? shortReason(state.lastError, localize) : localize('failed');
  return localize('{0} — retrying automatically', reason);
}

/**
 * Why a gateway's polling is paused for its key. An auth error without an answer was raised
 * before anything was sent: no key, unless it says the stored key cannot be sent.
 */
function keyProblem(error: GatewayError | null): 'missing' | 'unsendable' | 'refused' {
  if (error === null) return 'missing';
  if (error.reason === 'unsendable_key') return 'unsendable';
  return error.kind === 'auth' && error.httpStatus === null ? 'missing' : 'refused';
}

function shortReason(error: GatewayError, localize: Localize): string {
  switch (error.kind) {
    case 'network':
      // A gateway the browser would not let us read did answer: it is not unreachable.
      return error.reason === 'cross_origin' ? localize('refused by the browser (CORS)') : localize('unreachable');
    case 'timeout':
      return localize('not answering');
    case 'server':
      return localize('server error');
    case 'rate_limited':
      return localize('rate limited');
    case 'bad_response':
      return localize('unexpected answer');
    case 'quota':
      return localize('account balance too low');
    case 'outcome_unknown':
      return localize('answer lost');
    default:
      return localize('request failed');
  }
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
