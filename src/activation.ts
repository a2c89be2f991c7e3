import * as vscode from 'vscode';
import { ApiKeys } from './auth/apiKeys';
import { registerCommands } from './commands/commandRegistrations';
import { Settings, testOverridesFromEnv } from './configuration/settings';
import { Commands, FOCUS_TASKS_VIEW_COMMAND } from './contributionIds';
import { systemClock } from './core/clock';
import { DisposableStore } from './core/disposables';
import { loadOnce } from './core/loadOnce';
import { errorText } from './core/errorText';
import { BatchSupportMemory, GatewayClient } from './core/gateway/gatewayClient';
import type { Task } from './core/task/model';
import { inertText } from './core/inertText';
import { Poller } from './core/polling/poller';
import { PollingLeases, gatewaysWorthPolling } from './core/polling/pollingLease';
import { repeatEvery } from './core/polling/repeatEvery';
import { randomId } from './core/randomId';
import { TaskStore } from './core/store/taskStore';
import type { ExtensionServices, ExtensionUi } from './extensionServices';
import type { ExtensionHost } from './extensionHost';
import { registerGatewayCheckDocuments } from './gatewayCheck/gatewayCheckDocuments';
import { KnownGateways } from './gateways/knownGateways';
import { registerLyricsDocuments } from './lyrics/lyricsDocuments';
import { createLogChannel, logRequest } from './logging/requestLog';
import { CompletionNotifier } from './notifications/completionNotifier';
import { PollErrorNotifier } from './notifications/pollErrorNotifier';
import { acceleratedClock } from './polling/testClock';
import { WindowFocusCatchUp, windowSlowdownFactor } from './polling/windowFocus';
import { registerTaskPanels } from './panel/taskPanels';
import { registerSongCodeLenses } from './generate/songCodeLensRegistration';
import { registerLyricsResults } from './create/lyricsResults';
import { registerSongLanguage } from './songs/songLanguage';
import { TaskTracker } from './tracker/taskTracker';

/**
 * What `activate` returns to the extension's own integration tests, and to nobody else: any
 * installed extension can read `getExtension(…).exports`, and these services hold the API keys
 * and authenticated clients that SecretStorage keeps to this extension on purpose.
 */
export interface SunoExtensionApi {
  readonly services: ExtensionServices;
  readonly ui: ExtensionUi;
  readonly tracker: TaskTracker;
  readonly knownGateways: KnownGateways;
  readonly notifiers: { readonly completion: CompletionNotifier; readonly pollErrors: PollErrorNotifier };
}

/**
 * Builds the whole extension on the services of its host (Node's or a browser's, see
 * `ExtensionHost`); each entry point (`extension.ts`, `web/extension.ts`) passes its own.
 */
export function activateExtension(context: vscode.ExtensionContext, host: ExtensionHost): SunoExtensionApi | undefined {
  // Activation owns everything it builds; VS Code disposes it with the extension, the last built
  // first (the commands before the poller, the poller before the store).
  const disposables = new DisposableStore();
  context.subscriptions.push(disposables);
  const log = disposables.add(createLogChannel());
  const overrides = testOverridesFromEnv(host.env);
  const settings = disposables.add(new Settings(overrides));
  const apiKeys = disposables.add(new ApiKeys(context.secrets, settings, host.inBrowser === true));

  let warnedAboutStore = false;
  // Shared by every window of the machine; the list older versions kept in globalState is moved here once.
  const sharedFiles = host.sharedFiles(context.globalStorageUri);
  const store = new TaskStore({
    files: sharedFiles,
    legacy: context.globalState,
    onProblem: (message) => {
      log.warn(message);
      // Said once per session: a broken store would otherwise warn on every write.
      if (!warnedAboutStore) {
        warnedAboutStore = true;
        void vscode.window.showWarningMessage(inertText(message), vscode.l10n.t('Show Logs')).then((answer) => (answer ? log.show(true) : undefined));
      }
    },
  });
  // What other windows changed arrives as ordinary change events, within half an interval (not
  // more often than twice a second, however short the interval is in test mode).
  const syncPeriodMs = (): number => Math.max(500, settings.pollIntervalMs() / 2);
  disposables.add(store);
  disposables.add(repeatEvery(systemClock, syncPeriodMs, () => store.sync()));
  // One window polls each gateway; the others see the results through the store.
  const leases = new PollingLeases({
    files: sharedFiles,
    holderId: randomId(),
    clock: systemClock,
    intervalMs: () => settings.pollIntervalMs(),
    wanted: (): string[] => gatewaysWorthPolling(store, poller),
    onProblem: (message) => log.warn(message),
  });

  // One memory of which gateways have a batch route, shared by the clients made for each round.
  const batchSupport = new BatchSupportMemory();
  const clientFor = async (baseUrl: string): Promise<GatewayClient | undefined> => {
    const apiKey = await apiKeys.get(baseUrl);
    if (apiKey === undefined) return undefined;
    return new GatewayClient({ baseUrl, apiKey, batchSupport, fetch: host.fetch, onRequest: (entry) => logRequest(log, entry) });
  };

  const poller = new Poller({
    store,
    clientFor,
    intervalMs: () => settings.pollIntervalMs(),
    slowdownFactor: windowSlowdownFactor,
    clock: overrides.testMode ? acceleratedClock(() => settings.pollIntervalMs()) : undefined,
    mayPoll: (baseUrl) => leases.holds(baseUrl),
  });
  // Coming back to a window that does not poll a gateway is no reason to call it.
  const leasedPolls = {
    pollNow: (baseUrl: string) => (leases.holds(baseUrl) ? poller.pollNow(baseUrl) : Promise.resolve()),
    gatewayState: (baseUrl: string) => poller.gatewayState(baseUrl),
  };
  disposables.add(poller);
  disposables.add(leases);
  disposables.add(new WindowFocusCatchUp(store, leasedPolls, () => settings.pollIntervalMs()));

  const services: ExtensionServices = { context, store, poller, apiKeys, settings, log, clientFor };

  const ui: ExtensionUi = {
    panels: disposables.add(registerTaskPanels(services)),
    lyrics: disposables.add(registerLyricsDocuments(services)),
  };
  // Shared by every window through globalState; fed by the settings, the store and the keys.
  const knownGateways = disposables.add(new KnownGateways(context.globalState, { settings, store, apiKeys }));
  // A click on a task or clip opens the task's panel.
  const tracker = disposables.add(new TaskTracker(store, poller, { openCommand: Commands.openTask, settings, knownGateways }));
  // Every command that creates a task submits through this one service (see its money rules),
  // made at the first submit.
  const submits = loadOnce(async () => disposables.add(new (await import('./generate/submitService')).SubmitService(services, ui.panels, tracker)));

  const completionNotifier = new CompletionNotifier({
    poller,
    mode: () => settings.notifyOnCompletion(),
    disable: () => settings.setNotifyOnCompletion('never'),
    isPanelVisible: (taskId) => ui.panels.isVisible(taskId),
    open: (task) => openTask(task, ui),
    play: (task) => playTask(task, ui, store),
    showTasks: () => vscode.commands.executeCommand(FOCUS_TASKS_VIEW_COMMAND),
  });
  const pollErrorNotifier = new PollErrorNotifier(poller, log);
  disposables.add(completionNotifier);
  disposables.add(pollErrorNotifier);
  // A key stored or removed (here, in another window, or by a test) lifts an auth pause.
  disposables.add(apiKeys.onDidChange(({ baseUrl }) => poller.resumeGateway(baseUrl)));

  disposables.add(
    registerCommands(services, {
      tracker,
      ui,
      gatewayCheckDocuments: disposables.add(registerGatewayCheckDocuments()),
      knownGateways,
      submits,
      // Listens to the store from activation on: lyrics this user asked for open when they are done.
      lyricsResults: disposables.add(registerLyricsResults(services)),
      // The test clock also shortens the download's idle timeout, as it shortens the poll interval.
      downloadClock: overrides.testMode ? acceleratedClock(() => settings.pollIntervalMs()) : undefined,
      loadDownload: host.loadDownload,
      inBrowser: host.inBrowser === true,
    }),
  );
  disposables.add(registerSongLanguage(settings));
  disposables.add(registerSongCodeLenses(settings));

  void apiKeys.updateContextKey();
  // Tasks tracked before a reload pick up where they left off.
  poller.start();
  leases.start();
  // The demo's hooks, loaded only when the environment sets one (the run script, the tests).
  if (host.env.SUNO_DEMO_API_KEY || host.env.SUNO_DEMO_TASK_IDS) {
    void import('./demoEnvironment')
      .then(({ applyDemoEnvironment }) => applyDemoEnvironment(services, host.env))
      .catch((error: unknown) => log.warn(`Demo environment: ${errorText(error)}`));
  }
  // Loaded only to look at the first-run flag: a window after the first never needs the rest.
  if (overrides.walkthroughOnFirstRun) {
    void import('./walkthrough/walkthrough')
      .then(({ openWalkthroughIfFirstRun }) => openWalkthroughIfFirstRun(services))
      .catch((error: unknown) => log.warn(`Could not open the walkthrough: ${errorText(error)}`));
  }

  // Test mode is set only by a test runner (extensionTestsPath), never by an installed .vsix.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return { services, ui, tracker, knownGateways, notifiers: { completion: completionNotifier, pollErrors: pollErrorNotifier } };
}

/** "Open" on a completion notification: the task's panel. */
function openTask(task: Task, ui: ExtensionUi): void {
  ui.panels.open(task.id);
}

/**
 * "Play" on a completion notification: the panel holds the player, so it opens the panel; when
 * the task was removed meanwhile, the audio opens in the browser instead.
 */
async function playTask(task: Task, ui: ExtensionUi, store: TaskStore): Promise<void> {
  if (store.get(task.id)) {
    ui.panels.open(task.id);
    return;
  }
  const url = task.clips.find((clip) => clip.audioUrl !== null)?.audioUrl;
  if (!url) return;
  // Loaded here, not at activation: a task removed before its notification is played is rare.
  const { openExternalUrl } = await import('./commands/openInBrowser');
  await openExternalUrl(url);
}
