import { Commands } from '../contributionIds';
import { editAsNewSong } from '../create/editAsNewSong';
import type { ExtensionServices } from '../extensionServices';
import type { CommandHandler } from './typedCommands';

/**
 * `suno.editAsNewSong` on a task or clip (tree, panel, or a task picked from the Command
 * Palette): opens it as a new song document. Returns the document.
 */
export function editAsNewSongHandler(services: ExtensionServices): CommandHandler<typeof Commands.editAsNewSong> {
  return (argument?: unknown) => editAsNewSong(services, argument);
}
