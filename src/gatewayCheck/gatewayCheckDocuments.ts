import * as vscode from 'vscode';
import { GATEWAY_CHECK_SCHEME } from '../contributionIds';
import type { GatewayCheckReport } from '../core/gateway/gatewayCheck';
import { displayLanguage } from '../l10n/displayLanguage';

/** Reports kept for their documents; older ones say to run the check again. */
const MAX_KEPT_REPORTS = 20;

/** The report documents a window shows. */
export interface GatewayCheckDocuments {
  /** Opens `report` as a read-only Markdown document and returns it. */
  open(report: GatewayCheckReport): Promise<vscode.TextDocument>;
}

/**
 * Gateway check reports as read-only `suno-gateway-check:` Markdown documents, one per run (the
 * tab title names the gateway's host). A content provider's documents cannot be saved or
 * edited; the reports live in memory only, so a document restored after a reload asks for a new
 * check instead of showing an old one.
 */
export function registerGatewayCheckDocuments(): GatewayCheckDocuments & vscode.Disposable {
  const reports = new Map<string, string>();
  let runs = 0;
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: (uri) =>
      reports.get(uri.toString()) ?? `${vscode.l10n.t('This gateway check is no longer available. Run "Suno: Check Gateway" again.')}\n`,
  };
  const registration = vscode.workspace.registerTextDocumentContentProvider(GATEWAY_CHECK_SCHEME, provider);
  return {
    dispose: () => registration.dispose(),
    async open(report: GatewayCheckReport): Promise<vscode.TextDocument> {
      runs += 1;
      const uri = vscode.Uri.from({ scheme: GATEWAY_CHECK_SCHEME, path: `/${vscode.l10n.t('Gateway check {0}', hostOf(report))}.md`, query: `run=${runs}` });
      // Loaded with the check itself, at its first run: activation only registers the scheme.
      const { renderGatewayCheckMarkdown } = await import('../core/gateway/gatewayCheckReport');
      reports.set(uri.toString(), renderGatewayCheckMarkdown(report, displayLanguage()));
      for (const old of [...reports.keys()].slice(0, Math.max(0, reports.size - MAX_KEPT_REPORTS))) reports.delete(old);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: false });
      return document;
    },
  };
}

/** The gateway's host for the tab title: letters, digits, dots, dashes and a port only. */
function hostOf(report: GatewayCheckReport): string {
  try {
    const host = new URL(report.baseUrl ?? '').host.replace(/[^A-Za-z0-9.:-]/g, '');
    return host === '' ? '' : `- ${host}`;
  } catch {
    return '';
  }
}
