import * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import { checkGateway, type GatewayCheckReport } from '../core/gateway/gatewayCheck';
import { errorText } from '../core/errorText';
import { inertText } from '../core/inertText';
import type { ExtensionServices } from '../extensionServices';
import type { GatewayCheckDocuments } from '../gatewayCheck/gatewayCheckDocuments';
import { GatewayCheckRequest } from '../gatewayCheck/gatewayCheckRequest';
import type { CommandHandler } from './typedCommands';

/**
 * Suno: Check Gateway — diagnoses the gateway in one go (see core/gateway/gatewayCheck.ts) and
 * opens the report as a read-only Markdown document.
 */
export function checkGatewayHandler(services: ExtensionServices, documents: GatewayCheckDocuments, inBrowser: boolean): CommandHandler<typeof Commands.checkGateway> {
  return async (argument?: unknown) => {
    const baseUrl = argument instanceof GatewayCheckRequest ? argument.baseUrl : services.settings.rawBaseUrl();
    let report: GatewayCheckReport;
    try {
      report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the Suno gateway…') },
        async () => checkGateway({ baseUrl, apiKey: await services.apiKeys.get(baseUrl), inBrowser, localize: vscode.l10n.t }),
      );
    } catch (error) {
      // The secret storage may refuse to answer; the check itself reports everything else.
      void vscode.window.showErrorMessage(inertText(vscode.l10n.t('Could not check the gateway: {0}', errorText(error))));
      return undefined;
    }
    const problems = report.checks.filter((check) => check.outcome === 'failed' || check.outcome === 'warning').length;
    services.log.info(`Checked the gateway ${report.baseUrl ?? report.configuredBaseUrl}: ${problems} problem(s) in ${report.durationMs} ms.`);
    await documents.open(report);
    return report;
  };
}
