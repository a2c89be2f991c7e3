import { Commands } from '../contributionIds';
import { generateLyrics } from '../create/generateLyrics';
import type { LyricsResults } from '../create/lyricsResults';
import type { ExtensionServices } from '../extensionServices';
import type { SubmitService } from '../generate/submitService';
import type { CommandHandler } from './typedCommands';

/** `suno.generateLyrics`: a prompt in, a lyrics task tracked; its lyrics open as a song when done. */
export function generateLyricsHandler(
  services: ExtensionServices,
  submits: () => Promise<SubmitService>,
  results: LyricsResults,
): CommandHandler<typeof Commands.generateLyrics> {
  return async () => generateLyrics(services, await submits(), results);
}
