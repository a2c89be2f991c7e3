/**
 * Which VS Code window polls which gateway. All windows share the tracked tasks (see
 * `taskStore.ts`); if each polled them, a gateway would get one request per window per round
 * and the user one completion notification per window. So each gateway has a lease, a small
 * file in the shared folder (`leases/<hash of the base URL>.json`):
 *
 *     { "version": 1, "baseUrl": "…", "holder": "<window id>", "expiresAt": 1735689600000 }
 *
 * Only the holder polls (the poller asks `holds(baseUrl)` before each round). The holder renews
 * the lease with a heartbeat, three times per lifetime; a window that finds the lease missing,
 * expired or unreadable claims it by writing its own and reading it back (of two windows
 * claiming at once, the later write wins and the other sees it). A window releases its leases
 * when it closes, so another takes over at its next heartbeat; a window whose extension host
 * died stops renewing, and its leases expire.
 *
 * Timing, with I the poll interval: the heartbeat runs every I/6 and a lease lives I/2 (at least
 * 3 s), so after the holder dies another window holds the lease within I/2 + I/6 and polls at its
 * next round, which comes at most one interval later: within two intervals.
 *
 * When the shared folder cannot be written, a window polls anyway: two windows polling is
 * better than none.
 */

import * as z from 'zod/mini';
import type { Clock } from '../clock';
import type { Disposable } from '../emitter';
import { errorText } from '../errorText';
import { hashedFileName } from '../store/fileNames';
import type { Poller } from './poller';
import type { SharedFiles } from '../store/sharedFiles';
import type { TaskStore } from '../store/taskStore';

export const LEASES_FOLDER = 'leases';
const LEASE_VERSION = 1;
/** A lease lives this many heartbeats: one missed beat (a busy host) does not lose it. */
const HEARTBEATS_PER_LIFETIME = 3;
/**
 * Never shorter, however short the interval (test mode): a busy machine must not lose leases.
 * With the shortest interval users can set (5 s) a dead window is still replaced within 2.
 */
const MIN_LIFETIME_MS = 3_000;

const leaseSchema = z.object({
  version: z.literal(LEASE_VERSION),
  baseUrl: z.string(),
  holder: z.string().check(z.minLength(1)),
  expiresAt: z.number(),
});

export interface PollingLeaseOptions {
  files: SharedFiles;
  /** Unique to this window's extension host. */
  holderId: string;
  /** Runs the heartbeat; `now()` must be wall-clock time, shared by every window. */
  clock: Clock;
  /** The poll interval in ms, read at every heartbeat. */
  intervalMs(): number;
  /** The gateways this window has something to poll at: it holds leases for these only. */
  wanted(): Iterable<string>;
  /** Told once about a shared folder that cannot be used. */
  onProblem?: (message: string) => void;
}

/**
 * The gateways a window should hold leases for: those with unfinished tasks, except the ones its
 * poller has paused for a missing or refused key, whose polling is better left to a window that
 * has a key (keys may differ between windows, e.g. in VS Code for the web).
 */
export function gatewaysWorthPolling(store: Pick<TaskStore, 'unfinished'>, poller: Pick<Poller, 'gatewayState'>): string[] {
  const baseUrls = new Set(store.unfinished().map((task) => task.baseUrl));
  return [...baseUrls].filter((baseUrl) => poller.gatewayState(baseUrl).state !== 'paused_auth');
}

export class PollingLeases implements Disposable {
  private readonly held = new Set<string>();
  private timer: unknown;
  private hasTimer = false;
  private running: Promise<void> | undefined;
  private disposed = false;
  private problemReported = false;

  constructor(private readonly options: PollingLeaseOptions) {}

  /** Whether this window is the one to poll `baseUrl` now. */
  holds(baseUrl: string): boolean {
    return this.held.has(baseUrl);
  }

  /** Beats now and then every sixth of an interval until disposed. */
  start(): void {
    if (this.disposed || this.hasTimer || this.running !== undefined) return;
    void this.beatAndReschedule();
  }

  /**
   * Renews the leases this window holds, claims free or expired ones for the gateways it wants,
   * and releases the ones it no longer wants. Calls made while one runs share it.
   */
  heartbeat(): Promise<void> {
    this.running ??= this.beat().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops the heartbeat and gives up every lease, so another window takes over at once. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.hasTimer) this.options.clock.clearTimeout(this.timer);
    this.hasTimer = false;
    const released = [...this.held];
    this.held.clear();
    for (const baseUrl of released) void this.release(baseUrl).catch(() => undefined);
  }

  /** The lifetime of a lease written now. */
  lifetimeMs(): number {
    const interval = this.options.intervalMs();
    const usable = Number.isFinite(interval) && interval > 0 ? interval : 0;
    return Math.max(MIN_LIFETIME_MS, usable / 2);
  }

  private async beatAndReschedule(): Promise<void> {
    await this.heartbeat();
    if (this.disposed) return;
    this.hasTimer = true;
    this.timer = this.options.clock.setTimeout(() => {
      this.hasTimer = false;
      void this.beatAndReschedule();
    }, this.lifetimeMs() / HEARTBEATS_PER_LIFETIME);
  }

  private async beat(): Promise<void> {
    const wanted = new Set(this.options.wanted());
    for (const baseUrl of [...this.held]) {
      if (wanted.has(baseUrl)) continue;
      this.held.delete(baseUrl);
      await this.release(baseUrl).catch((error: unknown) => this.report(error));
    }
    for (const baseUrl of wanted) {
      if (this.disposed) return;
      try {
        if (await this.claim(baseUrl)) this.held.add(baseUrl);
        else this.held.delete(baseUrl);
      } catch (error) {
        this.report(error);
        this.held.add(baseUrl);
      }
    }
  }

  /** Renews or takes the lease of `baseUrl`; false when another window holds it. */
  private async claim(baseUrl: string): Promise<boolean> {
    const path = this.pathOf(baseUrl);
    const current = await this.readLease(path, baseUrl);
    const now = this.options.clock.now();
    if (current !== undefined && current.holder !== this.options.holderId && current.expiresAt > now) return false;
    const lease = { version: LEASE_VERSION, baseUrl, holder: this.options.holderId, expiresAt: now + this.lifetimeMs() };
    await this.options.files.write(path, JSON.stringify(lease));
    // Read back: another window claiming at the same moment may have written after this one.
    const after = await this.readLease(path, baseUrl);
    return after?.holder === this.options.holderId;
  }

  private async release(baseUrl: string): Promise<void> {
    const path = this.pathOf(baseUrl);
    const current = await this.readLease(path, baseUrl);
    if (current?.holder === this.options.holderId) await this.options.files.delete(path);
  }

  /** The lease in force, or undefined when there is none or it is unreadable (then it is free). */
  private async readLease(path: string, baseUrl: string): Promise<z.infer<typeof leaseSchema> | undefined> {
    const text = await this.options.files.read(path);
    if (text === undefined) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    const lease = leaseSchema.safeParse(json);
    // A lease about another gateway under this one's name is no lease for this one.
    return lease.success && lease.data.baseUrl === baseUrl ? lease.data : undefined;
  }

  private pathOf(baseUrl: string): string {
    return `${LEASES_FOLDER}/${hashedFileName(baseUrl, this.options.files.sha256Hex)}`;
  }

  private report(error: unknown): void {
    if (this.problemReported) return;
    this.problemReported = true;
    const message = errorText(error);
    this.options.onProblem?.(`Could not coordinate polling with other windows, so this window polls on its own: ${message}`);
  }
}
