import type * as vscode from 'vscode';
import { systemClock } from '../core/clock';
import { errorText } from '../core/errorText';
import { loadOnce } from '../core/loadOnce';
import { LyricsResultWatcher, type LyricsResult } from '../core/song/lyricsResults';
import type { ExtensionServices } from '../extensionServices';
import { DeliveredLyricsResults } from './deliveredLyricsResults';

// The watcher listens from activation; what opens a result and its texts loads with the first one.
const loadDelivery = loadOnce(() => import('./lyricsResultDelivery'));

/** The part of the lyrics results the Generate Lyrics command uses. */
export interface LyricsResults extends vscode.Disposable {
  /** This window submitted `taskId`: open its result as soon as it is seen finished. */
  expect(taskId: string): void;
}

/**
 * Opens the lyrics of each finished Generate Lyrics task as a new song document, once (see
 * `LyricsResultWatcher`), and says so with "Lyrics ready" when the window is in the background;
 * a lyrics task that failed says why. The other windows wait for the submitting one for about two
 * store syncs before they step in.
 */
export function registerLyricsResults(services: ExtensionServices): LyricsResults {
  const { store, settings, log } = services;
  const syncPeriodMs = (): number => Math.max(500, settings.pollIntervalMs() / 2);
  const watcher = new LyricsResultWatcher({
    source: store,
    delivered: new DeliveredLyricsResults(services.context.globalState, Date.now, (error) => log.warn(`Could not remember an opened lyrics result: ${errorText(error)}`)),
    clock: systemClock,
    defaultModel: () => settings.defaultModel(),
    graceMs: () => Math.min(30_000, 2 * syncPeriodMs() + 1000),
    deliver: (result) => {
      deliver(result).catch((error: unknown) => log.error(`Could not open the lyrics of task ${result.task.id}: ${errorText(error)}`));
    },
  });
  // Tasks that finished while this window was closed, once the store has read them.
  store.loaded.then(
    () => watcher.checkAll(),
    () => undefined,
  );
  return {
    expect: (taskId) => watcher.expect(taskId),
    dispose: () => watcher.dispose(),
  };
}

async function deliver(result: LyricsResult): Promise<void> {
  const { deliverLyricsResult } = await loadDelivery();
  await deliverLyricsResult(result);
}
