import * as vscode from 'vscode';
import type { ApiKeys } from '../auth/apiKeys';
import type { Settings } from '../configuration/settings';
import { DisposableStore } from '../core/disposables';
import { forgetGateway, parseKnownGateways, rememberGateway, type KnownGateway } from '../core/gateway/knownGateways';
import type { TaskStore } from '../core/store/taskStore';

/** Where the list lives in `globalState`: one list for every window of the machine. */
const STATE_KEY = 'suno.knownGateways';

interface KnownGatewaysSources {
  readonly settings: Settings;
  readonly store: TaskStore;
  readonly apiKeys: ApiKeys;
  /** Epoch milliseconds; injectable for tests. */
  readonly now?: () => number;
}

/**
 * The known gateways (core/gateway/knownGateways.ts), kept in `globalState` and fed by what counts
 * as using a gateway: configuring it, tracking a task from it, storing a key for it.
 *
 * The first time (nothing stored yet), the list is seeded from the tasks already tracked and the
 * keys already stored. After that only new uses add to it, so a gateway the user forgot stays
 * forgotten although its old tasks or key are still around.
 */
export class KnownGateways implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changeEmitter = this.disposables.add(new vscode.EventEmitter<void>());
  /** Writes one after the other, each reading what the last one wrote. */
  private writes: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private disposed = false;

  /** Fires when this window changed the list. */
  readonly onDidChange: vscode.Event<void> = this.changeEmitter.event;
  /** Settles once the list is seeded and the sources are followed. */
  readonly ready: Promise<void>;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly sources: KnownGatewaysSources,
  ) {
    this.now = sources.now ?? Date.now;
    this.ready = this.start().catch(() => undefined);
    this.disposables.addCallback(() => {
      this.disposed = true;
    });
  }

  /**
   * The known gateways, newest use first; the configured one is always among them. Read from
   * `globalState` on every call, so that what another window remembered shows up too.
   */
  list(): KnownGateway[] {
    const known = this.stored();
    const configured = this.sources.settings.tryBaseUrl();
    return configured === undefined ? known : rememberGateway(known, configured, 0);
  }

  /** The list once the uses reported so far are written: what a quick pick should offer. */
  async settledList(): Promise<KnownGateway[]> {
    await this.ready;
    await this.writes;
    return this.list();
  }

  /** Records a use of a gateway (now, unless said otherwise). */
  remember(baseUrl: string, usedAt: number = this.now()): Promise<void> {
    return this.change((known) => rememberGateway(known, baseUrl, usedAt));
  }

  forget(baseUrl: string): Promise<void> {
    return this.change((known) => forgetGateway(known, baseUrl));
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private async start(): Promise<void> {
    const { settings, store, apiKeys } = this.sources;
    const needsSeed = this.memento.get<unknown>(STATE_KEY) === undefined;
    this.disposables.add(
      settings.onDidChange((event) => {
        const configured = event.affects('baseUrl') ? settings.tryBaseUrl() : undefined;
        if (configured !== undefined) void this.remember(configured);
      }),
    );
    this.disposables.add(
      apiKeys.onDidChange(({ baseUrl }) => {
        // Storing a key is a use; removing one is not.
        void apiKeys.has(baseUrl).then(
          (hasKey) => (hasKey ? this.remember(baseUrl) : undefined),
          () => undefined,
        );
      }),
    );
    await store.loaded;
    if (this.disposed) return;
    const seen = new Set(store.all().map((task) => task.id));
    this.disposables.add(
      store.onDidChange(({ changed }) => {
        for (const id of changed) {
          if (seen.has(id)) continue;
          seen.add(id);
          const task = store.get(id);
          if (task) void this.remember(task.baseUrl);
        }
      }),
    );
    if (needsSeed) await this.seed();
    const configured = settings.tryBaseUrl();
    if (configured !== undefined) await this.remember(configured);
  }

  /** The first list: every gateway a task was tracked from or a key was stored for. */
  private async seed(): Promise<void> {
    const keyed = await this.sources.apiKeys.list().catch(() => []);
    await this.change((known) => {
      let seeded = known;
      for (const baseUrl of keyed) seeded = rememberGateway(seeded, baseUrl, 0);
      for (const task of this.sources.store.all()) {
        seeded = rememberGateway(seeded, task.baseUrl, Date.parse(task.submittedAt ?? task.fetchedAt));
      }
      return seeded;
    });
  }

  private stored(): KnownGateway[] {
    return parseKnownGateways(this.memento.get<unknown>(STATE_KEY));
  }

  private change(update: (known: KnownGateway[]) => KnownGateway[]): Promise<void> {
    const write = this.writes.then(async () => {
      if (this.disposed) return;
      const before = this.stored();
      const after = update(before);
      if (JSON.stringify(after) === JSON.stringify(before) && this.memento.get<unknown>(STATE_KEY) !== undefined) return;
      await this.memento.update(STATE_KEY, after);
      this.changeEmitter.fire();
    });
    this.writes = write.catch(() => undefined);
    return write;
  }
}
