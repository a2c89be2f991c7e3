import { errorText } from './core/errorText';
import type { ExtensionServices } from './extensionServices';
import type { HostEnvironment } from './extensionHost';

/**
 * Demo and test hooks, read once at activation when one of them is set:
 * - `SUNO_DEMO_API_KEY`: stored as the key of the configured gateway when it has none;
 * - `SUNO_DEMO_TASK_IDS` (comma-separated): fetched and tracked in the background when not
 *   tracked yet.
 */
export async function applyDemoEnvironment(services: ExtensionServices, env: HostEnvironment): Promise<void> {
  const demoKey = env.SUNO_DEMO_API_KEY?.trim();
  const demoIds = (env.SUNO_DEMO_TASK_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (!demoKey && demoIds.length === 0) return;
  const baseUrl = services.settings.tryBaseUrl();
  if (baseUrl === undefined) {
    services.log.warn('Demo environment ignored: the suno.baseUrl setting is not a usable URL.');
    return;
  }
  try {
    await services.store.loaded;
    if (demoKey && !(await services.apiKeys.has(baseUrl))) {
      await services.apiKeys.set(baseUrl, demoKey);
      services.log.info(`Stored the demo API key for ${baseUrl}.`);
    }
    const missing = demoIds.filter((id) => services.store.get(id) === undefined);
    if (missing.length === 0) return;
    const { fetchAndTrack } = await import('./commands/fetchTask');
    const outcome = await fetchAndTrack(services, baseUrl, missing);
    services.log.info(`Demo: tracked ${outcome.tracked.length} of ${missing.length} task(s) from ${baseUrl}.`);
    for (const { id, error } of outcome.failures) services.log.warn(`Demo: task ${id}: ${error.message}`);
  } catch (error) {
    services.log.warn(`Demo environment: ${errorText(error)}`);
  }
}
