import * as vscode from 'vscode';
import { WALKTHROUGH_ID } from '../contributionIds';
import { errorText } from '../core/errorText';
import type { ExtensionServices } from '../extensionServices';
import { openWalkthroughOnFirstRun, WALKTHROUGH_OPENED_KEY } from './firstRun';

/** The workbench's command that opens a walkthrough by `<publisher>.<name>#<walkthrough id>`. */
const OPEN_WALKTHROUGH_COMMAND = 'workbench.action.openWalkthrough';

/**
 * `focused`: the walkthrough becomes the active editor, as when the user asks for it.
 * `inBackground`: it opens as a tab without taking the focus, so that an input box the user is
 * typing into (the command that activated the extension) stays open.
 */
type WalkthroughFocus = 'focused' | 'inBackground';

/** Opens the "Get started with Suno Tasks" walkthrough of the extension `extensionId`. */
export function openWalkthrough(extensionId: string, focus: WalkthroughFocus): Thenable<unknown> {
  return vscode.commands.executeCommand(OPEN_WALKTHROUGH_COMMAND, `${extensionId}#${WALKTHROUGH_ID}`, {
    toSide: false,
    inactive: focus === 'inBackground',
  });
}

/**
 * At activation: the walkthrough, the first time this user runs the extension (see
 * `openWalkthroughOnFirstRun`). Resolves to whether it opened it; a failure is logged, never shown.
 */
export async function openWalkthroughIfFirstRun(services: ExtensionServices): Promise<boolean> {
  const { context, log } = services;
  // Synced with the user's settings: who saw it on one machine need not see it on the next.
  context.globalState.setKeysForSync([WALKTHROUGH_OPENED_KEY]);
  try {
    return await openWalkthroughOnFirstRun(context.globalState, () => openWalkthrough(context.extension.id, 'inBackground'));
  } catch (error) {
    log.warn(`The Get Started walkthrough did not open: ${errorText(error)}`);
    return false;
  }
}
