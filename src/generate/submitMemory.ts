import type * as vscode from 'vscode';
import {
  forgetSubmit,
  isRecentDuplicate,
  readConfirmedGateways,
  readRecentSubmits,
  rememberSubmit,
  withConfirmedGateway,
  type RecentSubmits,
} from '../core/song/submitGuard';

const RECENT_SUBMITS_KEY = 'suno.recentSubmits';
const CONFIRMED_GATEWAYS_KEY = 'suno.submitConfirmedGateways';

/**
 * What the submit guard remembers, in this window's memory and in `globalState`: the window's
 * own record counts even when a write to `globalState` is slow or fails, and `globalState` lets
 * the other windows of the machine see a submit made here. Only hashes and times are kept,
 * never the song.
 */
export class SubmitMemory {
  private recentHere: RecentSubmits = {};
  private readonly confirmedHere = new Set<string>();

  constructor(
    private readonly globalState: vscode.Memento,
    private readonly now: () => number = Date.now,
  ) {}

  isRecentDuplicate(fingerprint: string): boolean {
    const now = this.now();
    return isRecentDuplicate(this.recentHere, fingerprint, now) || isRecentDuplicate(this.stored(now), fingerprint, now);
  }

  /** Said before sending: a submit whose answer is lost still counts as sent. */
  async rememberSent(fingerprint: string): Promise<void> {
    const now = this.now();
    this.recentHere = rememberSubmit(this.recentHere, fingerprint, now);
    await this.globalState.update(RECENT_SUBMITS_KEY, rememberSubmit(this.stored(now), fingerprint, now));
  }

  /** The gateway said no, or nothing left: the same content again is no repeat. */
  async forgetSent(fingerprint: string): Promise<void> {
    this.recentHere = forgetSubmit(this.recentHere, fingerprint);
    await this.globalState.update(RECENT_SUBMITS_KEY, forgetSubmit(this.stored(this.now()), fingerprint));
  }

  /** Gateways answered "Submit, Don't Ask Again", in any window. */
  confirmedGateways(): readonly string[] {
    return readConfirmedGateways(this.globalState.get<unknown>(CONFIRMED_GATEWAYS_KEY));
  }

  /** Gateways confirmed with "Submit" in this window: asked once per window, not before every song. */
  confirmedThisSession(): ReadonlySet<string> {
    return this.confirmedHere;
  }

  confirmForSession(baseUrl: string): void {
    this.confirmedHere.add(baseUrl);
  }

  async confirmForGood(baseUrl: string): Promise<void> {
    this.confirmedHere.add(baseUrl);
    await this.globalState.update(CONFIRMED_GATEWAYS_KEY, withConfirmedGateway(this.confirmedGateways(), baseUrl));
  }

  private stored(now: number): RecentSubmits {
    return readRecentSubmits(this.globalState.get<unknown>(RECENT_SUBMITS_KEY), now);
  }
}
