import * as vscode from 'vscode';
import { showGatewayError } from '../commands/gatewayErrorMessage';
import { GENERATE_LYRICS_ACTION } from '../core/song/lyricsResults';
import { LYRICS_PROMPT_LIMIT, lyricsBody } from '../core/song/songRequest';
import type { Task } from '../core/task/model';
import type { ExtensionServices } from '../extensionServices';
import type { SubmitService } from '../generate/submitService';
import { createTexts } from './createTexts';
import type { LyricsResults } from './lyricsResults';

/**
 * Generate Lyrics: asks what the lyrics should be about and submits the prompt to the current
 * gateway through the submit service; the finished lyrics open as a song document (`LyricsResults`).
 * Resolves to the tracked lyrics task, or undefined when nothing was submitted.
 *
 * It takes no arguments: a prompt from a link or another extension would spend the user's
 * credits on words they did not write.
 */
export async function generateLyrics(services: ExtensionServices, submits: SubmitService, results: LyricsResults): Promise<Task | undefined> {
  let baseUrl: string;
  try {
    baseUrl = services.settings.baseUrl();
  } catch (error) {
    await showGatewayError(error, { prefix: createTexts(vscode.l10n.t).cannotGenerateLyrics });
    return undefined;
  }
  const prompt = await vscode.window.showInputBox({
    title: createTexts(vscode.l10n.t).generateLyricsTitle,
    prompt: createTexts(vscode.l10n.t).lyricsPromptQuestion(LYRICS_PROMPT_LIMIT),
    placeHolder: createTexts(vscode.l10n.t).lyricsPromptExample,
    ignoreFocusOut: true,
    // Nothing is said about an empty box: it is where everyone starts. Accepting it sends nothing.
    validateInput: (text) => {
      if (text === '') return undefined;
      const body = lyricsBody(text, vscode.l10n.t);
      return body.ok ? undefined : body.reason;
    },
  });
  if (prompt === undefined || prompt.trim() === '') return undefined;
  const body = lyricsBody(prompt, vscode.l10n.t);
  if (!body.ok) {
    void vscode.window.showErrorMessage(body.reason);
    return undefined;
  }
  const task = await submits.submitAndTrack({
    request: { action: 'lyrics', body: body.body },
    baseUrl,
    action: GENERATE_LYRICS_ACTION,
    what: createTexts(vscode.l10n.t).lyricsWhat(body.body.prompt),
  });
  if (task !== undefined) results.expect(task.id);
  return task;
}
