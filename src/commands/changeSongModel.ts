import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { changeSongModel } from '../generate/changeSongModel';
import type { CommandHandler } from './typedCommands';

/** `suno.changeSongModel`: the song document given (CodeLens) or the active one. */
export function changeSongModelHandler(services: ExtensionServices): CommandHandler<typeof Commands.changeSongModel> {
  return (argument?: unknown) => changeSongModel(services, argument);
}
