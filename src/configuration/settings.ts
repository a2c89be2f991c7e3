import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { normaliseBaseUrl } from '../core/gateway/baseUrl';
import { DisposableStore } from '../core/disposables';
import { MAX_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '../core/polling/pollInterval';
import { defaultModelFromSetting } from '../core/song/modelId';
import type { HostEnvironment } from '../extensionHost';

/**
 * Typed access to the `suno.*` settings.
 *
 * Defaults live in one place only: the `contributes.configuration` section of package.json.
 * Values are read through `getConfiguration`, which already falls back to those defaults; a value
 * of the wrong type (hand-edited settings.json) is replaced by the manifest default rather than
 * by a second default written here.
 */

export type NotifyOnCompletion = 'always' | 'whenUnfocused' | 'never';

export type GroupTasksByGateway = 'auto' | 'always' | 'never';

type SettingName =
  | 'baseUrl'
  | 'pollIntervalSeconds'
  | 'notifyOnCompletion'
  | 'downloadFolder'
  | 'models'
  | 'defaultModel'
  | 'groupTasksByGateway'
  | 'confirmBeforeSubmit';

interface SettingsChangeEvent {
  affects(setting: SettingName): boolean;
}

const SECTION = 'suno';

/** In test mode the integration tests poll a local gateway many times a second. */
const TEST_MIN_POLL_INTERVAL_SECONDS = 0.1;

const schemas = {
  baseUrl: z.string(),
  pollIntervalSeconds: z.number(),
  notifyOnCompletion: z.enum(['always', 'whenUnfocused', 'never']),
  downloadFolder: z.string(),
  // Entries are checked one by one (songModelsFromSetting): one bad entry costs only itself.
  models: z.array(z.unknown()),
  defaultModel: z.string(),
  groupTasksByGateway: z.enum(['auto', 'always', 'never']),
  confirmBeforeSubmit: z.boolean(),
} satisfies Record<SettingName, z.ZodMiniType>;

type SettingValue<K extends SettingName> = z.infer<(typeof schemas)[K]>;

interface TestOverrides {
  /** `SUNO_TEST_MODE=1` on the extension host. */
  readonly testMode: boolean;
  /** `SUNO_TEST_POLL_INTERVAL_MS`: in test mode, the poll interval in milliseconds. */
  readonly pollIntervalMs: number | undefined;
  /**
   * Whether the walkthrough opens the first time the extension runs: always outside test mode;
   * in test mode only when `SUNO_TEST_FIRST_RUN_WALKTHROUGH=1` asks for it, so that it does not
   * cover the editors the other tests look at.
   */
  readonly walkthroughOnFirstRun: boolean;
}

/** Reads the test-only switches from the host's environment; all are ignored outside test mode. */
export function testOverridesFromEnv(env: HostEnvironment): TestOverrides {
  const testMode = env.SUNO_TEST_MODE === '1';
  const parsed = Number(env.SUNO_TEST_POLL_INTERVAL_MS);
  const pollIntervalMs = testMode && Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
  const walkthroughOnFirstRun = !testMode || env.SUNO_TEST_FIRST_RUN_WALKTHROUGH === '1';
  return { testMode, pollIntervalMs, walkthroughOnFirstRun };
}

export class Settings implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changeEmitter = this.disposables.add(new vscode.EventEmitter<SettingsChangeEvent>());

  /** Fires when any `suno.*` setting changes. */
  readonly onDidChange: vscode.Event<SettingsChangeEvent> = this.changeEmitter.event;

  constructor(private readonly overrides: TestOverrides) {
    this.disposables.add(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(SECTION)) return;
        this.changeEmitter.fire({ affects: (setting) => event.affectsConfiguration(`${SECTION}.${setting}`) });
      }),
    );
  }

  /** The gateway address exactly as the user wrote it (trimmed). */
  rawBaseUrl(): string {
    return this.read('baseUrl').trim();
  }

  /**
   * The gateway address in its normalised form (`https://api.gpt.ge/v1/` → `https://api.gpt.ge`).
   * Throws a GatewayError of kind `invalid_input` whose message says what is wrong with it.
   */
  baseUrl(): string {
    return normaliseBaseUrl(this.rawBaseUrl());
  }

  /**
   * Makes `baseUrl` the gateway in the user's settings. The setting has application scope, so the
   * user (global) target is the one that counts.
   */
  async setBaseUrl(baseUrl: string): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update('baseUrl', baseUrl, vscode.ConfigurationTarget.Global);
  }

  /** The normalised gateway address, or undefined when the setting cannot be used. */
  tryBaseUrl(): string | undefined {
    try {
      return this.baseUrl();
    } catch {
      return undefined;
    }
  }

  /**
   * Milliseconds between two polls of a gateway, clamped to what the manifest allows. In test
   * mode (`SUNO_TEST_MODE=1`) the floor drops to 0.1 s and `SUNO_TEST_POLL_INTERVAL_MS`, when
   * set, replaces the setting altogether, so integration tests need not wait 5 s per round.
   */
  pollIntervalMs(): number {
    if (this.overrides.pollIntervalMs !== undefined) return this.overrides.pollIntervalMs;
    const floor = this.overrides.testMode ? TEST_MIN_POLL_INTERVAL_SECONDS : MIN_POLL_INTERVAL_SECONDS;
    const seconds = Math.min(MAX_POLL_INTERVAL_SECONDS, Math.max(floor, this.read('pollIntervalSeconds')));
    return Math.round(seconds * 1000);
  }

  notifyOnCompletion(): NotifyOnCompletion {
    return this.read('notifyOnCompletion');
  }

  /** "Don't Show Again" on a completion notification. */
  async setNotifyOnCompletion(value: NotifyOnCompletion): Promise<void> {
    await vscode.workspace.getConfiguration(SECTION).update('notifyOnCompletion', value, vscode.ConfigurationTarget.Global);
  }

  /**
   * Where downloads go; empty means "ask". Machine-scoped in the manifest: VS Code ignores a
   * workspace's value, so a cloned repository cannot redirect downloads.
   */
  downloadFolder(): string {
    return this.read('downloadFolder').trim();
  }

  /** The model of a song that names none (`suno.defaultModel`), or the built-in one when it is no id. */
  defaultModel(): string {
    return defaultModelFromSetting(this.read('defaultModel'));
  }

  /**
   * The entries of `suno.models` as written, not yet checked: `songSettings.ts` reads them into
   * models with the song features, which load on first use.
   */
  songModelEntries(): unknown[] {
    return this.read('models');
  }

  /** When the tracker groups tasks under their gateways: `auto` means when there are several. */
  groupTasksByGateway(): GroupTasksByGateway {
    return this.read('groupTasksByGateway');
  }

  /**
   * Whether the first submit to each gateway asks first. User settings only (application scope):
   * a workspace must not be able to make a submit spend credits unasked.
   */
  confirmBeforeSubmit(): boolean {
    return this.read('confirmBeforeSubmit');
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private read<K extends SettingName>(setting: K): SettingValue<K> {
    const configuration = vscode.workspace.getConfiguration(SECTION);
    const parsed = schemas[setting].safeParse(configuration.get<unknown>(setting));
    if (parsed.success) return parsed.data as SettingValue<K>;
    // A value of the wrong type: use the manifest's default instead.
    const fallback = schemas[setting].safeParse(configuration.inspect<unknown>(setting)?.defaultValue);
    if (fallback.success) return fallback.data as SettingValue<K>;
    throw new Error(`The setting ${SECTION}.${setting} has no usable value and no default in the manifest.`);
  }
}
