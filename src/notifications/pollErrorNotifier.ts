import * as vscode from 'vscode';
import { DisposableStore } from '../core/disposables';
import { isTransient, type GatewayError } from '../core/gatewayError';
import { loadOnce } from '../core/loadOnce';
import type { Poller } from '../core/polling/poller';

// Most sessions never show one: the message's wording and actions load with the first.
const loadGatewayErrorMessage = loadOnce(() => import('../commands/gatewayErrorMessage'));

/**
 * A notification the user neither answered nor closed moves to the notification centre and its
 * promise stays pending; after this long it no longer counts as "on screen".
 */
const ON_SCREEN_MS = 30_000;

/** A passing failure is reported only when it happens this many rounds in a row. */
const TRANSIENT_FAILURES_BEFORE_NOTICE = 2;

/**
 * Tells the user when polling a gateway fails — once. The same error from the same gateway is
 * not repeated every round; it may be reported again after the gateway recovered. Only one such
 * notification is on screen at a time. Passing trouble (5xx, network, rate limits) is reported
 * only when it lasts, since the poller retries by itself; an auth failure at once, since nothing
 * changes until the user sets a key.
 */
export interface PollErrorNotice {
  readonly baseUrl: string;
  readonly error: GatewayError;
}

export class PollErrorNotifier implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly noticeEmitter = this.disposables.add(new vscode.EventEmitter<PollErrorNotice>());
  /** Fires as each notification is shown (the integration tests watch it). */
  readonly onDidNotify: vscode.Event<PollErrorNotice> = this.noticeEmitter.event;

  /** What was last reported per gateway, until it recovers. */
  private readonly reported = new Map<string, string>();
  /** When the notification now on screen was shown, if one is. */
  private showingSince: number | undefined;

  constructor(
    private readonly poller: Poller,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.add(poller.onDidFail(({ baseUrl, error, taskIds }) => void this.onFail(baseUrl, error, taskIds.length)));
    this.disposables.add(
      poller.onDidRecover(({ baseUrl }) => {
        if (this.reported.delete(baseUrl)) this.log.info(`Polling ${baseUrl} works again.`);
      }),
    );
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private async onFail(baseUrl: string, error: GatewayError, taskCount: number): Promise<void> {
    this.log.warn(`Polling ${baseUrl} failed (${error.kind}): ${error.message}`);
    // Kind, status and reason only: gateway messages carry request ids that differ every round.
    const signature = `${error.kind}|${error.httpStatus ?? ''}|${error.reason ?? ''}`;
    if (this.reported.get(baseUrl) === signature) return;
    if (isTransient(error) && this.poller.gatewayState(baseUrl).consecutiveFailures < TRANSIENT_FAILURES_BEFORE_NOTICE) return;
    if (this.showingSince !== undefined && Date.now() - this.showingSince < ON_SCREEN_MS) return;
    this.reported.set(baseUrl, signature);
    const shownAt = Date.now();
    this.showingSince = shownAt;
    const tasks = taskCount === 1 ? vscode.l10n.t('1 Suno task') : vscode.l10n.t('{0} Suno tasks', taskCount);
    const prefix = error.kind === 'auth'
      ? vscode.l10n.t('Stopped polling {0} at {1}:', tasks, baseUrl)
      : error.kind === 'not_found'
        ? vscode.l10n.t('The gateway {0} did not return {1}; kept in the tracker and checked again on Refresh.', baseUrl, tasks)
        : vscode.l10n.t('Could not update {0} at {1}; retrying automatically.', tasks, baseUrl);
    this.noticeEmitter.fire({ baseUrl, error });
    try {
      const { showGatewayError } = await loadGatewayErrorMessage();
      await showGatewayError(error, { prefix, baseUrl, retry: () => this.poller.pollNow(baseUrl) });
    } finally {
      if (this.showingSince === shownAt) this.showingSince = undefined;
    }
  }
}
