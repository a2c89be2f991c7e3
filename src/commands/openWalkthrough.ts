import { Commands } from '../contributionIds';
import type { ExtensionServices } from '../extensionServices';
import { openWalkthrough } from '../walkthrough/walkthrough';
import type { CommandHandler } from './typedCommands';

/** Suno: Get Started — the walkthrough again, whenever the user asks for it. */
export function openWalkthroughHandler(services: ExtensionServices): CommandHandler<typeof Commands.openWalkthrough> {
  return async () => {
    await openWalkthrough(services.context.extension.id, 'focused');
  };
}
