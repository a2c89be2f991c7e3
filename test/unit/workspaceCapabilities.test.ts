import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { englishManifest } from './support/englishManifest';

/**
 * The manifest's workspace trust and virtual workspace declarations against what the settings
 * allow. The extension declares itself fully supported in Restricted Mode because no workspace
 * can decide where the API key is sent or where downloads are written: those settings are
 * application- or machine-scoped, so VS Code ignores a workspace's value for them whether or not
 * the workspace is trusted. A new setting must either be harmless from a workspace, or be scoped
 * the same way, or make the declaration `limited` with the setting in `restrictedConfigurations`.
 */

const supportSchema = z.union([z.boolean(), z.literal('limited')]);
const manifestSchema = z.object({
  capabilities: z.object({
    untrustedWorkspaces: z.object({
      supported: supportSchema,
      description: z.optional(z.string()),
      restrictedConfigurations: z.optional(z.array(z.string())),
    }),
    virtualWorkspaces: z.union([z.boolean(), z.object({ supported: supportSchema, description: z.optional(z.string()) })]),
  }),
  contributes: z.object({
    configuration: z.object({ properties: z.record(z.string(), z.object({ scope: z.optional(z.string()) })) }),
  }),
});

/** Scopes a workspace's settings.json cannot set. */
const USER_ONLY_SCOPES = new Set(['application', 'machine']);

/**
 * Settings that decide where the API key goes or where files are written: a workspace (a cloned
 * repository) must never set them.
 */
const SENSITIVE_SETTINGS = ['suno.baseUrl', 'suno.downloadFolder'];

/**
 * Settings a workspace may set even when untrusted, each with why that is harmless. Any other
 * setting fails the test below until it is scoped to the user, restricted, or listed here.
 */
const HARMLESS_FROM_A_WORKSPACE: Record<string, string> = {
  'suno.pollIntervalSeconds': 'bounded by the manifest and by the core poll floor; it only changes how often the user’s own gateway is asked',
  'suno.notifyOnCompletion': 'only decides whether a notification shows',
  'suno.defaultModel': 'only the model a song that names none is sent with, to the user’s own gateway; the song’s CodeLens names it before anything is submitted (a songs repository may well want its own)',
  'suno.models': 'only the model ids offered and the lengths checked in the editor; the gateway still decides what it accepts',
  'suno.groupTasksByGateway': 'only decides how the tracker arranges the tasks it already shows',
};

function manifest(): z.infer<typeof manifestSchema> {
  return manifestSchema.parse(englishManifest());
}

describe('Workspace trust and virtual workspaces in package.json', () => {
  it('keeps the key’s destination and the download folder out of a workspace’s reach', () => {
    const { capabilities, contributes } = manifest();
    const restricted = new Set(capabilities.untrustedWorkspaces.restrictedConfigurations ?? []);
    for (const name of SENSITIVE_SETTINGS) {
      const scope = contributes.configuration.properties[name]?.scope;
      assert.ok(scope !== undefined || restricted.has(name), `${name} is not contributed with a scope`);
      const userOnly = scope !== undefined && USER_ONLY_SCOPES.has(scope);
      assert.ok(
        userOnly || (capabilities.untrustedWorkspaces.supported === 'limited' && restricted.has(name)),
        `${name} (scope ${String(scope)}) could be set by an untrusted workspace`,
      );
    }
  });

  it('declares full support in Restricted Mode only when no setting a workspace can change matters', () => {
    const { capabilities, contributes } = manifest();
    const restricted = new Set(capabilities.untrustedWorkspaces.restrictedConfigurations ?? []);
    for (const [name, { scope }] of Object.entries(contributes.configuration.properties)) {
      if (scope !== undefined && USER_ONLY_SCOPES.has(scope)) continue;
      if (restricted.has(name)) continue;
      assert.ok(name in HARMLESS_FROM_A_WORKSPACE, `${name} (scope ${scope ?? 'window'}) can be set by an untrusted workspace: scope it, restrict it, or say why that is harmless`);
    }
  });

  it('restricts only settings it contributes, and explains a limited support', () => {
    const { capabilities, contributes } = manifest();
    const { supported, restrictedConfigurations = [], description } = capabilities.untrustedWorkspaces;
    for (const name of restrictedConfigurations) assert.ok(name in contributes.configuration.properties, `${name} is not a setting of this extension`);
    if (supported === 'limited') assert.ok((description ?? '').trim() !== '', 'a limited support needs a description');
    else assert.equal(restrictedConfigurations.length, 0, 'restricted settings need supported: "limited"');
  });

  it('says what does not work in a virtual workspace: downloads need a folder on disk', () => {
    const { virtualWorkspaces } = manifest().capabilities;
    assert.ok(typeof virtualWorkspaces === 'object', 'virtualWorkspaces should say what is limited');
    assert.equal(virtualWorkspaces.supported, 'limited');
    assert.match(virtualWorkspaces.description ?? '', /download/i);
  });
});
