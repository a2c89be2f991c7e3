import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { generateSong } from '../generate/generateSong';
import type { SubmitService } from '../generate/submitService';
import type { CommandHandler } from './typedCommands';

/** `suno.generateSong`: the song document given (editor title, CodeLens) or the active one. */
export function generateSongHandler(services: ExtensionServices, submits: () => Promise<SubmitService>): CommandHandler<typeof Commands.generateSong> {
  return async (argument?: unknown) => generateSong(services, await submits(), argument);
}
