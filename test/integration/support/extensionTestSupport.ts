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
import { executeCommand } from '../../../src/commands/typedCommands';
import { Commands } from '../../../src/contributionIds';
import type { SunoExtensionApi } from '../../../src/extension';
import type { Task } from '../../../src/core/task/model';
import { LocalGateway, type LocalGatewayOptions } from '../../../src/localGateway/localGateway';

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

/** The running extension and the current test's gateway, as `useExtensionWithGateway` hands them out. */
export interface ExtensionFixture {
  readonly api: SunoExtensionApi;
  /** A fresh local gateway for each test, with the extension pointed at it. */
  readonly gateway: LocalGateway;
}

export interface ExtensionFixtureOptions {
  /** How each test's gateway starts, e.g. the keys it accepts. */
  gateway?: LocalGatewayOptions;
  /** The key stored for the gateway: TEST_KEY unless given; null stores none. */
  apiKey?: string | null;
}

/**
 * Registers, in the calling `describe`, the hooks of a suite that drives the extension against a
 * local gateway: the extension's API once, then for each test a fresh gateway the extension is
 * pointed at, and afterwards a clean slate (no fault, no open editors, no tasks, keys or settings,
 * the gateway closed), so that tests cannot leak into each other.
 *
 * Mocha runs a suite's hooks in the order they are registered: a `beforeEach` registered after this
 * call finds the gateway ready, an `afterEach` registered after it runs once the gateway is closed.
 * An `afterEach` that needs the gateway open must be registered before this call.
 */
export function useExtensionWithGateway(options: ExtensionFixtureOptions = {}): ExtensionFixture {
  let api: SunoExtensionApi | undefined;
  let gateway: LocalGateway | undefined;

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(async () => {
    gateway = await LocalGateway.start(options.gateway);
    await useGateway(ready(api, 'api'), gateway.url, options.apiKey);
  });

  afterEach(async () => {
    // Nothing to undo when the first gateway never started.
    if (api === undefined || gateway === undefined) return;
    const current = gateway;
    try {
      // First, so that poll rounds still in flight end normally instead of failing into the next test.
      current.setFault(null);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await resetExtension(api, current.url);
    } finally {
      // Even when the reset fails: a gateway left listening would outlive the suite.
      await current.close();
    }
  });

  return {
    get api(): SunoExtensionApi {
      return ready(api, 'api');
    },
    get gateway(): LocalGateway {
      return ready(gateway, 'gateway');
    },
  };
}

function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined) {
    throw new Error(`The fixture's ${name} is not there yet: use it in a hook or test registered after useExtensionWithGateway()`);
  }
  return value;
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
  const tasks = await executeCommand(Commands.fetchTask, argument);
  return tasks ?? [];
}

/**
 * Lets real time pass. Only for asserting that something does NOT happen (no request reaches a
 * paused gateway during many poll intervals); everything else waits for a condition.
 */
export function quietPeriod(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
