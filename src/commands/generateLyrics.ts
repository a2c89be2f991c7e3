import type * as vscode from 'vscode';
import { Commands } from '../contributionIds';
import { generateLyrics } from '../create/generateLyrics';
import type { LyricsResults } from '../create/lyricsResults';
import type { ExtensionServices } from '../extensionServices';
import type { SubmitService } from '../generate/submitService';
import { registerCommand } from './typedCommands';

/** `suno.generateLyrics`: a prompt in, a lyrics task tracked; its lyrics open as a song when done. */
export function registerGenerateLyricsCommand(services: ExtensionServices, submits: SubmitService, results: LyricsResults): vscode.Disposable {
  return registerCommand(Commands.generateLyrics, () => generateLyrics(services, submits, results));
}
