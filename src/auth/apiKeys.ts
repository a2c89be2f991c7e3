import * as vscode from 'vscode';
import { setContext } from '../commands/typedCommands';
import { ContextKeys } from '../contributionIds';
import { normaliseBaseUrl } from '../core/gateway/baseUrl';
import { DisposableStore } from '../core/disposables';
import { errorText } from '../core/errorText';
import type { Settings } from '../configuration/settings';

/**
 * API keys, one per gateway, in VS Code's SecretStorage: the operating system's keychain in the
 * desktop app, the browser's storage in VS Code for the web. The words shown name neither unless
 * they know which. Keys never go to settings, state, logs or error messages.
 *
 * A key is stored under `suno.apiKey:<normalised base URL>`, so `https://api.gpt.ge/v1/` and
 * `https://api.gpt.ge` share one key, and tasks fetched from another gateway keep being polled
 * with that gateway's key after the user switches `suno.baseUrl`.
 */

const KEY_PREFIX = 'suno.apiKey:';

class KeychainError extends Error {
  override readonly name = 'KeychainError';
}

interface ApiKeyChange {
  /** The normalised base URL whose key was stored or deleted. */
  readonly baseUrl: string;
}

export class ApiKeys implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changeEmitter = this.disposables.add(new vscode.EventEmitter<ApiKeyChange>());
  /** Reads are cached: the poller asks for a key every round. SecretStorage events keep it true. */
  private readonly cache = new Map<string, Promise<string | undefined>>();

  /** Fires when a key is stored or deleted, in this window or in another one. */
  readonly onDidChange: vscode.Event<ApiKeyChange> = this.changeEmitter.event;

  /** `inBrowser`: VS Code for the web, where the browser keeps the secrets, not the keychain. */
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly settings: Settings,
    private readonly inBrowser: boolean,
  ) {
    this.disposables.add(
      secrets.onDidChange((event) => {
        if (!event.key.startsWith(KEY_PREFIX)) return;
        const baseUrl = event.key.slice(KEY_PREFIX.length);
        this.cache.delete(baseUrl);
        this.changeEmitter.fire({ baseUrl });
        void this.updateContextKey();
      }),
    );
    this.disposables.add(
      settings.onDidChange((event) => {
        if (event.affects('baseUrl')) void this.updateContextKey();
      }),
    );
  }

  /** The key for a gateway, or undefined when none is stored (or the URL is unusable). */
  async get(baseUrl: string): Promise<string | undefined> {
    const normalised = tryNormalise(baseUrl);
    if (normalised === undefined) return undefined;
    let pending = this.cache.get(normalised);
    if (!pending) {
      pending = Promise.resolve(this.secrets.get(storageKey(normalised))).then(
        (value) => (value && value.trim() !== '' ? value : undefined),
        (error: unknown) => {
          this.cache.delete(normalised);
          throw new KeychainError(vscode.l10n.t("Could not read the API key for {0} from VS Code's secret storage: {1}", normalised, errorText(error)));
        },
      );
      this.cache.set(normalised, pending);
    }
    return pending;
  }

  /** The gateways (normalised base URLs) that have a key stored. */
  async list(): Promise<string[]> {
    const keys = await this.secrets.keys();
    return keys.filter((key) => key.startsWith(KEY_PREFIX)).map((key) => key.slice(KEY_PREFIX.length)).sort();
  }

  async has(baseUrl: string): Promise<boolean> {
    return (await this.get(baseUrl)) !== undefined;
  }

  /**
   * Stores a key for a gateway. Throws a KeychainError that says what to do when the secret
   * storage refuses it (on Linux without a keyring, for instance), rather than pretending it worked.
   */
  async set(baseUrl: string, apiKey: string): Promise<void> {
    const normalised = normaliseBaseUrl(baseUrl);
    const key = apiKey.trim();
    if (key === '') throw new KeychainError(vscode.l10n.t('The API key is empty.'));
    try {
      await this.secrets.store(storageKey(normalised), key);
    } catch (error) {
      const failure = vscode.l10n.t("Could not save the API key for {0} in VS Code's secret storage: {1}.", normalised, errorText(error));
      // The keyring advice is for the desktop app: in the browser no keyring is involved.
      throw new KeychainError(this.inBrowser ? failure : `${failure} ${desktopKeyringAdvice()}`);
    }
    this.cache.delete(normalised);
    await this.updateContextKey();
  }

  async delete(baseUrl: string): Promise<void> {
    const normalised = normaliseBaseUrl(baseUrl);
    try {
      await this.secrets.delete(storageKey(normalised));
    } catch (error) {
      throw new KeychainError(vscode.l10n.t("Could not remove the API key for {0} from VS Code's secret storage: {1}", normalised, errorText(error)));
    }
    this.cache.delete(normalised);
    await this.updateContextKey();
  }

  /** Sets `suno.hasApiKey` for the configured gateway (drives the tracker's welcome view). */
  async updateContextKey(): Promise<boolean> {
    const baseUrl = this.settings.tryBaseUrl();
    let hasKey = false;
    if (baseUrl !== undefined) {
      try {
        hasKey = await this.has(baseUrl);
      } catch {
        hasKey = false;
      }
    }
    await setContext(ContextKeys.hasApiKey, hasKey);
    return hasKey;
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

/** Where the desktop app keeps secrets, and what to do when the keychain is not there. */
function desktopKeyringAdvice(): string {
  return vscode.l10n.t(
    'VS Code keeps secrets in the operating system keychain; on Linux make sure a keyring service (GNOME Keyring, KWallet) is running, or set "password-store" in the runtime arguments.',
  );
}

function storageKey(normalisedBaseUrl: string): string {
  return `${KEY_PREFIX}${normalisedBaseUrl}`;
}

function tryNormalise(baseUrl: string): string | undefined {
  try {
    return normaliseBaseUrl(baseUrl);
  } catch {
    return undefined;
  }
}
