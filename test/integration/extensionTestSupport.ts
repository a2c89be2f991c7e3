// Shared by the extension's integration tests: reaching the running extension through the API
// `activate` returns, pointing it at a local gateway, and waiting for what polling brings.
//
// Polling speed: the extension polls a gateway every `suno.pollIntervalSeconds` (at least 5 s).
// In test mode (SUNO_TEST_MODE=1 on the extension host) the setting may go down to 0.1 s, and the
// environment variable SUNO_TEST_POLL_INTERVAL_MS, when set, replaces it altogether; these tests
// set the setting to POLL_INTERVAL_SECONDS so that a task walks through its stages in about a
// second.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SunoExtensionApi } from '../../src/extension';
import type { Task } from '../../src/core/model';

export const EXTENSION_ID = 'suno-tasks.suno-tasks';
export const POLL_INTERVAL_SECONDS = 0.2;
export const TEST_KEY = 'test-key';

export async function extensionApi(): Promise<SunoExtensionApi> {
  const extension = vscode.extensions.getExtension<SunoExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  assert.ok(api?.services, 'activate() did not return the extension API');
  return api;
}

/** Points the extension at `baseUrl` with a fast poll interval and (by default) a valid key. */
export async function useGateway(api: SunoExtensionApi, baseUrl: string, apiKey: string | null = TEST_KEY): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('suno');
  await configuration.update('baseUrl', baseUrl, vscode.ConfigurationTarget.Global);
  await configuration.update('pollIntervalSeconds', POLL_INTERVAL_SECONDS, vscode.ConfigurationTarget.Global);
  await configuration.update('notifyOnCompletion', 'never', vscode.ConfigurationTarget.Global);
  if (apiKey === null) await api.services.apiKeys.delete(baseUrl);
  else await api.services.apiKeys.set(baseUrl, apiKey);
}

/** Stops tracking everything and puts the settings back, so tests cannot leak into each other. */
export async function resetExtension(api: SunoExtensionApi, baseUrl?: string): Promise<void> {
  await api.services.store.remove(api.services.store.all().map((task) => task.id));
  if (baseUrl !== undefined) await api.services.apiKeys.delete(baseUrl);
  const configuration = vscode.workspace.getConfiguration('suno');
  for (const setting of ['baseUrl', 'pollIntervalSeconds', 'notifyOnCompletion']) {
    await configuration.update(setting, undefined, vscode.ConfigurationTarget.Global);
  }
}

/**
 * Waits until `condition` holds, checking every 25 ms, and fails with `what` after `timeoutMs`.
 * Polling happens on real timers in the extension host, so the tests wait for its outcome.
 */
export async function waitFor<T>(what: string, condition: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function fetchTasks(argument: string | string[]): Promise<Task[]> {
  const tasks = await vscode.commands.executeCommand<Task[]>('suno.fetchTask', argument);
  return tasks ?? [];
}

/**
 * Lets real time pass. Only for asserting that something does NOT happen (no request reaches a
 * paused gateway during many poll intervals); everything else waits for a condition.
 */
export function quietPeriod(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
