import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { generateFromDescription } from '../generate/generateFromDescription';
import type { SubmitService } from '../generate/submitService';
import type { CommandHandler } from './typedCommands';

/** `suno.generateFromDescription`: asks for everything; arguments are ignored. */
export function generateFromDescriptionHandler(
  services: ExtensionServices,
  submits: () => Promise<SubmitService>,
): CommandHandler<typeof Commands.generateFromDescription> {
  return async () => generateFromDescription(services, await submits());
}
