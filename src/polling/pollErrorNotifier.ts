import type * as vscode from 'vscode';
import { isTransient, type GatewayError } from '../core/gatewayError';
import type { Poller } from '../core/poller';
import { showGatewayError } from '../commands/gatewayErrorMessage';

/** A passing failure is reported only when it happens this many rounds in a row. */
const TRANSIENT_FAILURES_BEFORE_NOTICE = 2;

/**
 * Tells the user when polling a gateway fails — once. The same error from the same gateway is
 * not repeated every round; it may be reported again after the gateway recovered. Only one such
 * notification is on screen at a time. Passing trouble (5xx, network, rate limits) is reported
 * only when it lasts, since the poller retries by itself; an auth failure at once, since nothing
 * changes until the user sets a key.
 */
export class PollErrorNotifier implements vscode.Disposable {
  /** What was last reported per gateway, until it recovers. */
  private readonly reported = new Map<string, string>();
  private showing = false;
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly poller: Poller,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      poller.onDidFail(({ baseUrl, error, taskIds }) => void this.onFail(baseUrl, error, taskIds.length)),
      poller.onDidRecover(({ baseUrl }) => {
        if (this.reported.delete(baseUrl)) this.log.info(`Polling ${baseUrl} works again.`);
      }),
    ];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async onFail(baseUrl: string, error: GatewayError, taskCount: number): Promise<void> {
    this.log.warn(`Polling ${baseUrl} failed (${error.kind}): ${error.message}`);
    const signature = `${error.kind}|${error.httpStatus ?? ''}|${error.gatewayMessage ?? error.message}`;
    if (this.reported.get(baseUrl) === signature) return;
    if (isTransient(error) && this.poller.gatewayState(baseUrl).consecutiveFailures < TRANSIENT_FAILURES_BEFORE_NOTICE) return;
    if (this.showing) return;
    this.reported.set(baseUrl, signature);
    this.showing = true;
    const tasks = taskCount === 1 ? '1 Suno task' : `${taskCount} Suno tasks`;
    const prefix = error.kind === 'auth'
      ? `Stopped polling ${tasks} at ${baseUrl}:`
      : `Could not update ${tasks} at ${baseUrl}; retrying automatically.`;
    try {
      await showGatewayError(error, { prefix, baseUrl, retry: () => this.poller.pollNow(baseUrl) });
    } finally {
      this.showing = false;
    }
  }
}
