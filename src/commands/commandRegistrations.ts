import type * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import type { Clock } from '../core/clock';
import { DisposableStore } from '../core/disposables';
import type { ExtensionServices, ExtensionUi } from '../extensionServices';
import type { GatewayCheckDocuments } from '../gatewayCheck/gatewayCheckDocuments';
import type { LyricsResults } from '../create/lyricsResults';
import type { KnownGateways } from '../gateways/knownGateways';
import type { SubmitService } from '../generate/submitService';
import type { TaskTracker } from '../tracker/taskTracker';
import { registerLazyCommand } from './lazyCommand';
import type { CommandHandler } from './typedCommands';

/** What some commands need besides the services. */
interface CommandNeeds {
  readonly tracker: TaskTracker;
  readonly ui: ExtensionUi;
  readonly gatewayCheckDocuments: GatewayCheckDocuments;
  readonly knownGateways: KnownGateways;
  /** The one service every command that creates a task submits through, made at the first submit. */
  readonly submits: () => Promise<SubmitService>;
  /** Opens the lyrics a Generate Lyrics task brings back. */
  readonly lyricsResults: LyricsResults;
  /** The download's clock: the test clock shortens its idle timeout. */
  readonly downloadClock: Clock | undefined;
  /** The Download command's module, which the extension host's entry point chooses. */
  readonly loadDownload: () => Promise<DownloadModule>;
  /** Whether requests go out from a browser page (see `ExtensionHost.inBrowser`). */
  readonly inBrowser: boolean;
}

/** What the Download command's module offers, on disk (`download.ts`) or in a browser (`webDownload.ts`). */
export interface DownloadModule {
  downloadHandler(services: ExtensionServices, clock?: Clock): CommandHandler<typeof Commands.download>;
}

/**
 * Every command of the extension, registered at activation. Each one's module is imported the
 * first time the command runs, never at activation: a command that is never run costs nothing to
 * load. A new command is one more line here (see "Add a command" in docs/ARCHITECTURE.md).
 */
export function registerCommands(services: ExtensionServices, needs: CommandNeeds): vscode.Disposable {
  const { tracker, ui, gatewayCheckDocuments, knownGateways, submits, lyricsResults, downloadClock, loadDownload, inBrowser } = needs;
  const commands = new DisposableStore();
  commands.add(registerLazyCommand(Commands.fetchTask, () => import('./fetchTask'), (module) => module.fetchTaskHandler(services, tracker, ui)));
  commands.add(registerLazyCommand(Commands.setApiKey, () => import('./setApiKey'), (module) => module.setApiKeyHandler(services)));
  commands.add(registerLazyCommand(Commands.clearApiKey, () => import('./clearApiKey'), (module) => module.clearApiKeyHandler(services)));
  commands.add(registerLazyCommand(Commands.refresh, () => import('./refresh'), (module) => module.refreshHandler(services)));
  commands.add(registerLazyCommand(Commands.copyTaskId, () => import('./copyTaskId'), (module) => module.copyTaskIdHandler(services)));
  commands.add(registerLazyCommand(Commands.copyAudioUrl, () => import('./copyAudioUrl'), (module) => module.copyAudioUrlHandler(services)));
  commands.add(registerLazyCommand(Commands.openInBrowser, () => import('./openInBrowser'), (module) => module.openInBrowserHandler(services)));
  commands.add(registerLazyCommand(Commands.removeTask, () => import('./removeTask'), (module) => module.removeTaskHandler(services)));
  commands.add(registerLazyCommand(Commands.clearFinished, () => import('./clearFinished'), (module) => module.clearFinishedHandler(services)));
  commands.add(registerLazyCommand(Commands.showLogs, () => import('./showLogs'), (module) => module.showLogsHandler(services)));
  commands.add(registerLazyCommand(Commands.checkGateway, () => import('./checkGateway'), (module) => module.checkGatewayHandler(services, gatewayCheckDocuments, inBrowser)));
  commands.add(registerLazyCommand(Commands.switchGateway, () => import('./switchGateway'), (module) => module.switchGatewayHandler(services, knownGateways)));
  commands.add(registerLazyCommand(Commands.openTask, () => import('./openTask'), (module) => module.openTaskHandler(services, ui)));
  commands.add(registerLazyCommand(Commands.openLyrics, () => import('./openLyrics'), (module) => module.openLyricsHandler(services, ui)));
  commands.add(registerLazyCommand(Commands.copyLyricsToEditor, () => import('./copyLyricsToEditor'), (module) => module.copyLyricsToEditorHandler(services)));
  commands.add(registerLazyCommand(Commands.newSong, () => import('./newSong'), (module) => module.newSongHandler(services)));
  commands.add(registerLazyCommand(Commands.generateSong, () => import('./generateSong'), (module) => module.generateSongHandler(services, submits)));
  commands.add(
    registerLazyCommand(Commands.generateFromDescription, () => import('./generateFromDescription'), (module) => module.generateFromDescriptionHandler(services, submits)),
  );
  commands.add(registerLazyCommand(Commands.changeSongModel, () => import('./changeSongModel'), (module) => module.changeSongModelHandler(services)));
  commands.add(registerLazyCommand(Commands.openSourceDocument, () => import('./openSourceDocument'), (module) => module.openSourceDocumentHandler(services)));
  commands.add(registerLazyCommand(Commands.editAsNewSong, () => import('./editAsNewSong'), (module) => module.editAsNewSongHandler(services)));
  commands.add(registerLazyCommand(Commands.generateLyrics, () => import('./generateLyrics'), (module) => module.generateLyricsHandler(services, submits, lyricsResults)));
  commands.add(registerLazyCommand(Commands.extendClip, () => import('./extendClip'), (module) => module.extendClipHandler(services, submits)));
  commands.add(registerLazyCommand(Commands.openWalkthrough, () => import('./openWalkthrough'), (module) => module.openWalkthroughHandler(services)));
  commands.add(registerLazyCommand(Commands.download, loadDownload, (module) => module.downloadHandler(services, downloadClock)));
  return commands;
}
