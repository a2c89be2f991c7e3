import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { Settings } from '../configuration/settings';
import { DisposableStore } from '../core/disposables';
import { gatewayName } from '../core/gateway/knownGateways';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../core/inertText';
import type { KnownGateways } from '../gateways/knownGateways';
import { spokenCurrentGatewayLabel } from './spokenLabels';

/**
 * `$(server) api.gpt.ge` in the status bar, next to the running tasks, while more than one gateway
 * is known: which gateway new tasks go to is then worth seeing, and a click switches it. With one
 * gateway there is nothing to choose, and the item stays hidden.
 */
export class GatewayStatusBar implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly item: vscode.StatusBarItem;
  private visible = false;

  constructor(
    private readonly knownGateways: KnownGateways,
    private readonly settings: Settings,
  ) {
    // Just right of the running tasks (priority 10): the two read as one Suno part of the bar.
    this.item = this.disposables.add(vscode.window.createStatusBarItem('suno.gateway', vscode.StatusBarAlignment.Left, 9));
    this.item.name = vscode.l10n.t('Suno Gateway');
    this.item.command = Commands.switchGateway;
    this.disposables.add(knownGateways.onDidChange(() => this.update()));
    this.disposables.add(
      settings.onDidChange((event) => {
        if (event.affects('baseUrl')) this.update();
      }),
    );
    this.update();
  }

  /** The text shown, or undefined while hidden (for tests). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  /** What a screen reader says for the item, or undefined while hidden (for tests). */
  get accessibilityLabel(): string | undefined {
    return this.visible ? this.item.accessibilityInformation?.label : undefined;
  }

  /** The tooltip shown, or undefined while hidden (for tests). */
  get tooltip(): string | undefined {
    return this.visible ? String(this.item.tooltip) : undefined;
  }

  update(): void {
    const configured = this.settings.tryBaseUrl();
    const known = this.knownGateways.list();
    if (configured === undefined || known.length < 2) {
      this.visible = false;
      this.item.hide();
      return;
    }
    // The name may have come in with a task: inert, so it shows neither an icon nor a link.
    const name = inertText(gatewayName(configured), INERT_LABEL_MAX_LENGTH);
    this.item.text = `$(server) ${name}`;
    this.item.tooltip = vscode.l10n.t('Suno gateway: {0}\nNew tasks are fetched from here. Click to switch ({1} gateways known).', inertText(configured), known.length);
    this.item.accessibilityInformation = { label: spokenCurrentGatewayLabel(name, known.length, vscode.l10n.t) };
    this.visible = true;
    this.item.show();
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
