import * as vscode from 'vscode';
import { WALKTHROUGH_ID } from '../contributionIds';

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

