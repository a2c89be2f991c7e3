import type * as vscode from 'vscode';
import type { CommandId } from '../contributionIds';
import { loadOnce } from '../core/loadOnce';
import { registerCommand, type CommandHandler } from './typedCommands';

/**
 * Registers one of our commands at activation and loads its implementation the first time it
 * runs, so that activation loads only what activation needs (see docs/ARCHITECTURE.md):
 *
 *   registerLazyCommand(Commands.download, () => import('./download'), (module) => module.downloadHandler(services))
 *
 * `load` is a dynamic `import()` of the command's module, which the bundler puts in a chunk of its
 * own; `handlerOf` makes the handler once, from that module.
 */
export function registerLazyCommand<Id extends CommandId, Module>(
  id: Id,
  load: () => Promise<Module>,
  handlerOf: (module: Module) => CommandHandler<Id>,
): vscode.Disposable {
  const handler = loadOnce(async () => handlerOf(await load()));
  return registerCommand(id, async (...args: unknown[]) => (await handler())(...args));
}
