import type { GatewayPollState } from '../core/polling/poller';

/**
 * The line shown at the top of the tracker while a gateway cannot be polled. Problems belong in
 * the view, where the affected tasks are, more than in pop-ups: the notification appears once,
 * this stays until the gateway recovers.
 */
export class GatewayStatusMessage {
  private readonly problems = new Map<string, GatewayPollState>();

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
    return state === undefined ? undefined : describeProblem(state);
  }

  /** Plain text for `TreeView.message`, or undefined when every gateway is fine. */
  text(): string | undefined {
    const lines = [...this.problems.values()].map(describeState);
    return lines.length > 0 ? lines.join('\n') : undefined;
  }
}

function describeState(state: GatewayPollState): string {
  return `${hostOf(state.baseUrl)}: ${describeProblem(state)}.${nextStep(state)}`;
}

/** What to do about it, after the sentence that says what is wrong. */
function nextStep(state: GatewayPollState): string {
  if (state.state === 'paused_auth') {
    return state.lastError ? ' Run "Suno: Set API Key…" ("Suno: Check Gateway" tells why).' : ' Run "Suno: Set API Key…".';
  }
  return state.lastError && isAboutTheGateway(state.lastError.kind) ? ' "Suno: Check Gateway" tells why.' : '';
}

/** Failures a gateway check can explain: the address, the network or the gateway itself. */
function isAboutTheGateway(kind: string): boolean {
  return kind === 'network' || kind === 'timeout' || kind === 'server' || kind === 'bad_response';
}

function describeProblem(state: GatewayPollState): string {
  if (state.state === 'paused_auth') {
    return state.lastError ? 'the API key was refused — polling paused' : 'no API key — polling paused';
  }
  const reason = state.lastError ? shortReason(state.lastError.kind) : 'failed';
  return `${reason} — retrying automatically`;
}

function shortReason(kind: string): string {
  switch (kind) {
    case 'network':
      return 'unreachable';
    case 'timeout':
      return 'not answering';
    case 'server':
      return 'server error';
    case 'rate_limited':
      return 'rate limited';
    case 'bad_response':
      return 'unexpected answer';
    case 'quota':
      return 'account balance too low';
    case 'outcome_unknown':
      return 'answer lost';
    default:
      return 'request failed';
  }
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
