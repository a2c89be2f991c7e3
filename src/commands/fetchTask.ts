import * as vscode from 'vscode';
import { inertText } from '../core/inertText';
import { ApiKeyRequest } from '../auth/apiKeyRequest';
import { Commands, Views } from '../contributionIds';
import { GatewayError, isGatewayError } from '../core/gatewayError';
import { ID_RULE_TEXT, isValidId } from '../core/task/idRules';
import type { Task } from '../core/task/model';
import { extractTaskIds, validateTaskIdInput } from '../core/task/taskIds';
import type { ExtensionServices, ExtensionUi } from '../extensionServices';
import type { TaskTracker } from '../tracker/taskTracker';
import { gatewayErrorText, showGatewayError } from './gatewayErrorMessage';
import { executeCommand, type CommandHandler } from './typedCommands';

interface FetchOutcome {
  /** Tasks fetched and now tracked, in the order asked for. */
  readonly tracked: Task[];
  /** Ids that could not be fetched, each with its own reason (not found, invalid). */
  readonly failures: { readonly id: string; readonly error: GatewayError }[];
}

/**
 * Fetches tasks from a gateway and tracks the ones found; polling starts for the unfinished.
 * Throws a GatewayError for failures of the whole request (no key, auth, network, 5xx…); ids
 * the gateway does not know are reported in `failures` and tracked nowhere.
 */
export async function fetchAndTrack(services: ExtensionServices, baseUrl: string, ids: readonly string[]): Promise<FetchOutcome> {
  const client = await services.clientFor(baseUrl);
  if (!client) {
    throw new GatewayError('auth', vscode.l10n.t('No API key is set for the gateway {0}.', baseUrl), { url: baseUrl });
  }
  const tracked: Task[] = [];
  const failures: { id: string; error: GatewayError }[] = [];
  // One id or many: the client checks each against the id rules, asks the gateway only about
  // valid ones and hands back each task under the id asked for.
  const results = await client.fetchTasks(ids);
  for (const id of ids) {
    const result = results.get(id);
    if (result === undefined) continue;
    if (isGatewayError(result)) failures.push({ id, error: result });
    else tracked.push(result);
  }
  if (tracked.length > 0) {
    // New tasks go on top in the order given: the first id asked for ends up first.
    await services.store.upsert(tracked);
    services.poller.start();
  }
  return { tracked, failures };
}

/**
 * Suno: Fetch Task… — asks for one or more task ids (a bare id, ids inside pasted text, a list),
 * fetches them with progress shown in the tracker, tracks them, reveals the first and opens its
 * panel. Also takes an id string or an array of ids as argument (other extensions, tests) and
 * then asks nothing; resolves to the tasks now tracked.
 */
export function fetchTaskHandler(
  services: ExtensionServices,
  tracker: TaskTracker,
  ui: ExtensionUi,
): CommandHandler<typeof Commands.fetchTask> {
  return (argument?: unknown) => fetchTaskCommand(services, tracker, ui, argument);
}

async function fetchTaskCommand(
  services: ExtensionServices,
  tracker: TaskTracker,
  ui: ExtensionUi,
  argument: unknown,
): Promise<Task[]> {
  const ids = argument === undefined || argument === null ? await askForIds() : idsFromArgument(argument);
  if (ids === undefined) return [];
  if (ids.length === 0 && argument !== undefined && argument !== null) {
    // Not echoed: an argument may come from a link or another extension, and holds no id anyway.
    void vscode.window.showWarningMessage(vscode.l10n.t('The command was given no Suno task id (ids are {0}).', ID_RULE_TEXT));
    return [];
  }
  if (ids.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No Suno task id was given.'));
    return [];
  }

  let baseUrl: string;
  try {
    baseUrl = services.settings.baseUrl();
  } catch (error) {
    void showGatewayError(error, { prefix: vscode.l10n.t('Cannot fetch Suno tasks:'), showLogs: false });
    return [];
  }

  if (!(await services.apiKeys.has(baseUrl).catch(() => false))) {
    const setKey = vscode.l10n.t('Set API Key…');
    const openSettings = vscode.l10n.t('Open Settings');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('No API key is set for the Suno gateway {0}. Set one to fetch tasks, or change the gateway in the "suno.baseUrl" setting.', baseUrl),
      setKey,
      openSettings,
    );
    if (answer === openSettings) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'suno.baseUrl');
      return [];
    }
    if (answer !== setKey) return [];
    const stored = await executeCommand(Commands.setApiKey, new ApiKeyRequest(baseUrl));
    if (!stored) return [];
  }

  const what = ids.length === 1 ? `Suno task ${ids[0]}` : `${ids.length} Suno tasks`;
  const title = ids.length === 1 ? vscode.l10n.t('Fetching Suno task {0}…', ids[0] ?? '') : vscode.l10n.t('Fetching {0} Suno tasks…', ids.length);
  let outcome: FetchOutcome;
  try {
    outcome = await vscode.window.withProgress(
      { location: { viewId: Views.tasks }, title },
      () => fetchAndTrack(services, baseUrl, ids),
    );
  } catch (error) {
    services.log.warn(`Fetching ${what} from ${baseUrl} failed: ${gatewayErrorText(error)}`);
    void showGatewayError(error, {
      prefix: ids.length === 1 ? vscode.l10n.t('Could not fetch Suno task {0}:', ids[0] ?? '') : vscode.l10n.t('Could not fetch {0} Suno tasks:', ids.length),
      baseUrl,
      retry: () => executeCommand(Commands.fetchTask, ids),
    });
    return [];
  }

  reportFailures(services, outcome.failures, baseUrl);
  const [first] = outcome.tracked;
  if (first) {
    await tracker.reveal(first.id).then(undefined, (error: unknown) => services.log.debug(`Could not reveal ${first.id}: ${String(error)}`));
    if (outcome.tracked.length === 1) ui.panels.open(first.id);
  }
  return outcome.tracked;
}

async function askForIds(): Promise<string[] | undefined> {
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Fetch Suno Task'),
    prompt: vscode.l10n.t('The task id the gateway returned when the song or lyrics were submitted. Several ids, or text containing them, work too.'),
    placeHolder: vscode.l10n.t('e.g. {0}', '0b8b6f4e-3c53-4a57-9f2d-9a7e1a0d2c11'),
    ignoreFocusOut: true,
    validateInput: (value) => validateTaskIdInput(value, vscode.l10n.t),
  });
  if (text === undefined) return undefined;
  return extractTaskIds(text);
}

/**
 * An id string (possibly pasted text with ids in it) or an array of them. Values that hold no
 * task id are left out: they could only fail, and their text is not worth showing back.
 */
function idsFromArgument(argument: unknown): string[] {
  const values = Array.isArray(argument) ? argument : [argument];
  const ids: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    const found = extractTaskIds(value);
    ids.push(...(found.length > 0 ? found : [value.trim()].filter(isValidId)));
  }
  return [...new Set(ids)];
}

function reportFailures(services: ExtensionServices, failures: FetchOutcome['failures'], baseUrl: string): void {
  if (failures.length === 0) return;
  for (const { id, error } of failures) services.log.warn(`Task ${id} at ${baseUrl}: ${error.message}`);
  if (failures.length === 1) {
    const [{ id, error }] = failures;
    const suffix = error.kind === 'not_found'
      ? vscode.l10n.t('Check the id, and that the task was created with the API key stored for this gateway.')
      : undefined;
    void showGatewayError(error, { prefix: vscode.l10n.t('Suno task {0} was not tracked:', id), suffix, baseUrl });
    return;
  }
  const list = failures.slice(0, 5).map(({ id, error }) => `${id} (${error.kind === 'not_found' ? vscode.l10n.t('not found') : error.message})`).join(', ');
  const message = failures.length > 5
    ? vscode.l10n.t('{0} Suno tasks were not tracked at {1}: {2} and {3} more.', failures.length, baseUrl, list, failures.length - 5)
    : vscode.l10n.t('{0} Suno tasks were not tracked at {1}: {2}.', failures.length, baseUrl, list);
  void vscode.window
    .showErrorMessage(inertText(message), vscode.l10n.t('Show Logs'))
    .then((answer) => (answer ? executeCommand(Commands.showLogs) : undefined));
}
