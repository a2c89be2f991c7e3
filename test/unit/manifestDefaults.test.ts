import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import { DEFAULT_BASE_URL } from '../../src/core/gateway/baseUrl';
import { DEFAULT_POLL_INTERVAL_SECONDS, MAX_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '../../src/core/polling/pollInterval';
import { DEFAULT_MODEL_ID } from '../../src/core/song/modelId';
import { DEFAULT_SONG_MODELS, songModelsFromSetting } from '../../src/core/song/songModels';

/**
 * VS Code reads setting defaults and bounds from package.json, the core from its constants:
 * these tests keep the two copies of each fact in step.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');

const settingSchema = z.object({
  default: z.optional(z.unknown()),
  minimum: z.optional(z.number()),
  maximum: z.optional(z.number()),
  scope: z.optional(z.string()),
});
const manifestSchema = z.object({
  contributes: z.object({ configuration: z.object({ properties: z.record(z.string(), settingSchema) }) }),
});

function setting(name: string): z.infer<typeof settingSchema> {
  const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')));
  const found = manifest.contributes.configuration.properties[name];
  assert.ok(found, `package.json declares no setting ${name}`);
  return found;
}

describe('package.json settings match the core', () => {
  it('suno.baseUrl defaults to the core default gateway', () => {
    assert.equal(setting('suno.baseUrl').default, DEFAULT_BASE_URL);
  });

  it('suno.pollIntervalSeconds defaults to the core default interval', () => {
    assert.equal(setting('suno.pollIntervalSeconds').default, DEFAULT_POLL_INTERVAL_SECONDS);
  });

  it('suno.pollIntervalSeconds has the core poll floor as its minimum', () => {
    assert.equal(setting('suno.pollIntervalSeconds').minimum, MIN_POLL_INTERVAL_SECONDS);
  });

  it('suno.pollIntervalSeconds has the core ceiling as its maximum', () => {
    assert.equal(setting('suno.pollIntervalSeconds').maximum, MAX_POLL_INTERVAL_SECONDS);
  });

  it('suno.models defaults to the core model list, every entry of it read back as it is', () => {
    const models = setting('suno.models').default;
    assert.deepEqual(models, DEFAULT_SONG_MODELS);
    assert.deepEqual(songModelsFromSetting(models), DEFAULT_SONG_MODELS);
  });

  it('suno.defaultModel defaults to the core default model', () => {
    assert.equal(setting('suno.defaultModel').default, DEFAULT_MODEL_ID);
  });

  it('suno.confirmBeforeSubmit asks by default, from user settings only', () => {
    const confirm = setting('suno.confirmBeforeSubmit');
    assert.equal(confirm.default, true);
    assert.equal(confirm.scope, 'application');
  });
});
