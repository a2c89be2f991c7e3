// Stands in for the `vscode.window` prompts a command shows, so that an integration test can
// answer them (an input box, a quick pick, a message's buttons) and see what was said.
import * as vscode from 'vscode';

type Prompt = 'showInputBox' | 'showQuickPick' | 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage';

type Stand = (...args: never[]) => unknown;

/** What a stand-in for each prompt receives and answers; a prompt not given is the real one. */
export type WindowStandIns = Partial<Record<Prompt, Stand>>;

/** The messages a command showed, by kind, as caught by `catchMessages`. */
export interface CaughtMessages {
  readonly information: string[];
  readonly warning: string[];
  readonly error: string[];
}

/**
 * Replaces the given prompts of `vscode.window` until the returned function is called. Always
 * call it (in a `finally` or an `afterEach`): a stand-in left in place answers the next test.
 */
export function standInFor(standIns: WindowStandIns): () => void {
  const window = vscode.window as unknown as Record<Prompt, unknown>;
  const originals = new Map<Prompt, unknown>();
  for (const [prompt, standIn] of Object.entries(standIns) as [Prompt, Stand][]) {
    originals.set(prompt, window[prompt]);
    window[prompt] = standIn;
  }
  return () => {
    for (const [prompt, original] of originals) window[prompt] = original;
  };
}

/**
 * Stand-ins for the three message kinds that note each message and answer with `answer(message,
 * buttons)` (nothing, by default: as if the notification were dismissed).
 */
export function catchMessages(answer: (message: string, buttons: string[]) => string | undefined = () => undefined): {
  messages: CaughtMessages;
  standIns: WindowStandIns;
} {
  const messages: CaughtMessages = { information: [], warning: [], error: [] };
  const catcher =
    (into: string[]) =>
    (message: string, ...rest: unknown[]): Thenable<string | undefined> => {
      into.push(message);
      const buttons = rest.filter((item): item is string => typeof item === 'string');
      return Promise.resolve(answer(message, buttons));
    };
  return {
    messages,
    standIns: {
      showInformationMessage: catcher(messages.information),
      showWarningMessage: catcher(messages.warning),
      showErrorMessage: catcher(messages.error),
    },
  };
}
