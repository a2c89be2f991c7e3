import * as vscode from 'vscode';
import { ApiKeyRequest } from '../auth/apiKeyRequest';
import { showGatewayError, gatewayErrorText } from '../commands/gatewayErrorMessage';
import { executeCommand } from '../commands/typedCommands';
import { songSettings } from '../configuration/songSettings';
import { Commands } from '../contributionIds';
import { errorText } from '../core/errorText';
import { GatewayError, isGatewayError } from '../core/gatewayError';
import { redactKeyPatterns } from '../core/gateway/redaction';
import { OUTCOME_UNKNOWN_ADVICE } from '../core/gateway/submitAdvice';
import { inertText } from '../core/inertText';
import { lookUpModel } from '../core/song/songModels';
import { failureMayHaveCharged, needsFirstSubmitConfirmation, submitFingerprint } from '../core/song/submitGuard';
import { notFetchedYet, type Task } from '../core/task/model';
import type { TaskOrigin } from '../core/task/taskOrigin';
import type { SubmitRequest } from '../core/wire/submitBodies';
import type { ExtensionServices, TaskPanels } from '../extensionServices';
import { sha256Hex } from '../core/store/sha256';
import { SavedSongFollower } from './savedSongFollower';
import { SubmitMemory } from './submitMemory';
import * as texts from './submitTexts';

/** What was done, as recorded in a task's origin; the create commands add their own words. */
type SubmitAction = 'generateSong' | 'generateFromDescription' | 'generateLyrics' | 'extend' | (string & {});

interface SubmitAndTrackInput {
  readonly request: SubmitRequest;
  /** The normalised gateway to submit to. */
  readonly baseUrl: string;
  /** Recorded with the task as its origin. */
  readonly action: SubmitAction;
  /** The document the submit was made from, so the panel and the tree can lead back to it. */
  readonly sourceDocument?: vscode.Uri;
  /** How the questions and the progress name what is sent: `the song “City Lights”`, `the description`. */
  readonly what: string;
}

/** The part of the tracker the service needs: showing the new task. */
interface TaskReveal {
  reveal(taskId: string, options?: { focus?: boolean }): Promise<void>;
}

/**
 * Submits new work to a gateway and tracks the task it creates: the one way every Generate,
 * Extend and Lyrics command spends credits, so the money rules hold for all of them.
 *
 * In order: a key must be stored (else Set API Key is offered, nothing sent); the first submit
 * to a gateway asks (`suno.confirmBeforeSubmit`); the same content to the same gateway within a
 * minute asks again; then the request goes out exactly once, under a progress notification.
 * The new task is tracked at once (pending until its first poll, which starts right away), its
 * origin recorded, the tree shows it and its panel opens. A failure is explained with the next
 * step and never touches the source document.
 *
 * `submitAndTrack` resolves to the tracked task, or undefined when nothing was tracked (asked
 * and declined, or failed: the user has been told).
 */
export class SubmitService implements vscode.Disposable {
  private readonly memory: SubmitMemory;
  /** Keeps the tasks of an untitled song linked to it once it is saved under a file name. */
  private readonly savedSongs: SavedSongFollower;

  constructor(
    private readonly services: ExtensionServices,
    private readonly panels: TaskPanels,
    private readonly tracker: TaskReveal,
    private readonly now: () => number = Date.now,
  ) {
    this.memory = new SubmitMemory(services.context.globalState, now);
    this.savedSongs = new SavedSongFollower(services, now);
  }

  dispose(): void {
    this.savedSongs.dispose();
  }

  async submitAndTrack(input: SubmitAndTrackInput): Promise<Task | undefined> {
    const { baseUrl, request, what } = input;
    const host = hostOf(baseUrl);
    if (!(await this.ensureKey(baseUrl, host))) return undefined;
    if (!(await this.confirmFirstSubmit(input, host))) return undefined;

    const fingerprint = submitFingerprint(baseUrl, request, sha256Hex);
    if (this.memory.isRecentDuplicate(fingerprint) && !(await this.confirmRepeat(what, host))) return undefined;

    const client = await this.services.clientFor(baseUrl);
    if (client === undefined) {
      void vscode.window.showWarningMessage(texts.noKeyText(host));
      return undefined;
    }

    // Remembered before sending: a submit whose answer is lost still counts as sent.
    await this.memory.rememberSent(fingerprint).then(undefined, (error: unknown) => this.services.log.warn(`Could not remember a submit: ${errorText(error)}`));
    let id: string;
    try {
      id = await vscode.window.withProgress(
        // Not cancellable: a request that left cannot be called back, and it may be charged.
        { location: vscode.ProgressLocation.Notification, title: texts.progressTitle(what, host), cancellable: false },
        () => client.submit(request),
      );
    } catch (error) {
      if (!isGatewayError(error) || !failureMayHaveCharged(error.kind)) {
        await this.memory.forgetSent(fingerprint).then(undefined, () => undefined);
      }
      this.services.log.warn(`Submit (${request.action}) to ${baseUrl} failed: ${gatewayErrorText(error)}`);
      void this.explainFailure(error, input, host);
      return undefined;
    }
    this.services.log.info(`Submitted ${request.action} to ${baseUrl}: task ${id}.`);
    return this.track(id, input);
  }

  /** Tracks the new task with its origin, polls for it now, shows it and opens its panel. */
  private async track(id: string, input: SubmitAndTrackInput): Promise<Task> {
    const { store, poller } = this.services;
    let task = store.get(id);
    // A gateway answering with the id of a task already tracked changes neither it nor its origin.
    if (task === undefined) {
      task = notFetchedYet(id, input.baseUrl);
      const origin: TaskOrigin = {
        documentUri: input.sourceDocument?.toString() ?? null,
        action: input.action,
        submittedAt: this.now(),
      };
      if (input.sourceDocument !== undefined) this.savedSongs.follow(input.sourceDocument, id);
      await store.upsert([task], new Map([[id, origin]])).then(undefined, (error: unknown) =>
        // Reported by the store; the task stays tracked in this window.
        this.services.log.warn(`Could not save the new task ${id}: ${errorText(error)}`),
      );
    }
    poller.start();
    void poller.pollNow(input.baseUrl);
    await this.tracker.reveal(id).then(undefined, (error: unknown) => this.services.log.debug(`Could not reveal ${id}: ${errorText(error)}`));
    this.panels.open(id);
    return task;
  }

  private async ensureKey(baseUrl: string, host: string): Promise<boolean> {
    if (await this.services.apiKeys.has(baseUrl).catch(() => false)) return true;
    const answer = await vscode.window.showWarningMessage(texts.noKeyText(host), texts.SET_API_KEY);
    if (answer !== texts.SET_API_KEY) return false;
    return (await executeCommand(Commands.setApiKey, new ApiKeyRequest(baseUrl))) === true;
  }

  private async confirmFirstSubmit(input: SubmitAndTrackInput, host: string): Promise<boolean> {
    const state = {
      confirmBeforeSubmit: this.services.settings.confirmBeforeSubmit(),
      confirmedGateways: this.memory.confirmedGateways(),
      confirmedThisSession: this.memory.confirmedThisSession(),
    };
    if (!needsFirstSubmitConfirmation(input.baseUrl, state)) return true;
    const answer = await vscode.window.showWarningMessage(
      texts.firstSubmitText(input.what, host, this.modelLabel(input.request)),
      { modal: true, detail: texts.FIRST_SUBMIT_DETAIL },
      texts.SUBMIT,
      texts.SUBMIT_DONT_ASK_AGAIN,
    );
    if (answer === texts.SUBMIT) this.memory.confirmForSession(input.baseUrl);
    else if (answer === texts.SUBMIT_DONT_ASK_AGAIN) await this.memory.confirmForGood(input.baseUrl);
    return answer !== undefined;
  }

  private async confirmRepeat(what: string, host: string): Promise<boolean> {
    const answer = await vscode.window.showWarningMessage(
      texts.duplicateText(what, host),
      { modal: true, detail: texts.DUPLICATE_DETAIL },
      texts.SUBMIT_AGAIN,
    );
    return answer === texts.SUBMIT_AGAIN;
  }

  /** The model as people know it (`v4.5 (chirp-auk)`), or null for a submit without one. */
  private modelLabel(request: SubmitRequest): string | null {
    if (request.action !== 'music') return null;
    const found = lookUpModel(songSettings(this.services.settings).models, request.body.mv);
    return inertText(found.kind === 'listed' ? found.model.label : request.body.mv);
  }

  private async explainFailure(error: unknown, input: SubmitAndTrackInput, host: string): Promise<void> {
    if (!isGatewayError(error)) {
      await showGatewayError(error, { prefix: texts.failedPrefix(input.what), suffix: texts.DOCUMENT_UNCHANGED, baseUrl: input.baseUrl });
      return;
    }
    let answer: string | undefined;
    switch (error.kind) {
      case 'quota':
        answer = await vscode.window.showErrorMessage(texts.quotaText(host), texts.OPEN_GATEWAY_SITE, texts.SHOW_LOGS);
        break;
      case 'outcome_unknown':
        // No Retry: the first submit may have been taken, and a second one is charged again.
        answer = await vscode.window.showWarningMessage(
          texts.outcomeUnknownText(host, shown(withoutAdvice(error))),
          texts.OPEN_GATEWAY_SITE,
          texts.SHOW_LOGS,
        );
        break;
      case 'invalid_input':
        answer = await vscode.window.showErrorMessage(texts.refusedText(host, shown(error.gatewayMessage ?? error.message)), texts.SHOW_LOGS);
        break;
      default:
        await showGatewayError(error, { prefix: texts.failedPrefix(input.what), suffix: texts.DOCUMENT_UNCHANGED, baseUrl: input.baseUrl });
        return;
    }
    if (answer === texts.OPEN_GATEWAY_SITE) await vscode.env.openExternal(vscode.Uri.parse(new URL(input.baseUrl).origin));
    else if (answer === texts.SHOW_LOGS) await executeCommand(Commands.showLogs);
  }
}

/** The host people know the gateway by: `api.example.com`, with its port when it has one. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return inertText(baseUrl);
  }
}

/** Gateway text in a notification: no key, no link, no icon, one line. */
function shown(text: string): string {
  return inertText(redactKeyPatterns(text));
}

/** The lost answer's own account, without the advice the notification words itself. */
function withoutAdvice(error: GatewayError): string {
  return error.message.replace(OUTCOME_UNKNOWN_ADVICE, '').trim().replace(/\.$/, '');
}
