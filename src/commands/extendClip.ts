import { Commands } from '../contributionIds';
import { extendClip } from '../create/extendClip';
import type { ExtensionServices } from '../extensionServices';
import type { SubmitService } from '../generate/submitService';
import type { CommandHandler } from './typedCommands';

/** `suno.extendClip` on a clip (tree, panel) or a task's clip: a continuation, tracked as a new task. */
export function extendClipHandler(services: ExtensionServices, submits: () => Promise<SubmitService>): CommandHandler<typeof Commands.extendClip> {
  return async (argument?: unknown) => extendClip(services, await submits(), argument);
}
