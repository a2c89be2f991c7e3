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
    return state.lastError
      ? localize('{0}: the API key was refused — polling paused. Run "Suno: Set API Key…" ("Suno: Check Gateway" tells why).', host)
      : localize('{0}: no API key — polling paused. Run "Suno: Set API Key…".', host);
  }
  const reason = state.lastError ? shortReason(state.lastError.kind, localize) : localize('failed');
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
    return state.lastError ? localize('the API key was refused — polling paused') : localize('no API key — polling paused');
  }
  const reason = state.lastError ? shortReason(state.lastError.kind, localize) : localize('failed');
  return localize('{0} — retrying automatically', reason);
}

function shortReason(kind: string, localize: Localize): string {
  switch (kind) {
    case 'network':
      return localize('unreachable');
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
