import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import type { CommandHandler } from './typedCommands';

/** Suno: Show Logs — the "Suno" output channel with every gateway request. */
export function showLogsHandler(services: ExtensionServices): CommandHandler<typeof Commands.showLogs> {
  return () => services.log.show(true);
}
