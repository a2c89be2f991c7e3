import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import { normaliseBaseUrl } from '../../src/core/gateway/baseUrl';
import { englishManifest } from './support/englishManifest';

/**
 * What the Marketplace page is built from: package.json's metadata, the icon and every setting's
 * description. `vsce package` warns about some of it; these tests keep all of it from slipping.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The categories VS Code 1.139's manifest schema allows. */
const ALLOWED_CATEGORIES = [
  'AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Extension Packs', 'Education', 'Formatters', 'Keymaps',
  'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers',
  'Snippets', 'Testing', 'Themes', 'Visualization', 'Other',
];

const settingSchema = z.object({
  markdownDescription: z.optional(z.string()),
  order: z.optional(z.number()),
  pattern: z.optional(z.string()),
  patternErrorMessage: z.optional(z.string()),
  default: z.optional(z.unknown()),
});
const manifestSchema = z.object({
  repository: z.object({ url: z.string() }),
  homepage: z.string(),
  bugs: z.object({ url: z.string() }),
  qna: z.string(),
  categories: z.array(z.string()),
  keywords: z.array(z.string()),
  icon: z.string(),
  galleryBanner: z.object({ color: z.string(), theme: z.enum(['dark', 'light']) }),
  contributes: z.object({ configuration: z.object({ properties: z.record(z.string(), settingSchema) }) }),
});

type Manifest = z.infer<typeof manifestSchema>;

function manifest(): Manifest {
  return manifestSchema.parse(englishManifest());
}

/** Width and height from a PNG's IHDR chunk, which always comes first after the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is not a PNG`);
  assert.equal(bytes.subarray(12, 16).toString('ascii'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The pattern as VS Code's settings editor compiles it (with the `u` flag). */
function baseUrlPattern(): RegExp {
  const pattern = manifest().contributes.configuration.properties['suno.baseUrl']?.pattern;
  assert.ok(pattern, 'suno.baseUrl has no pattern');
  return new RegExp(pattern, 'u');
}

describe('package.json is ready for the Marketplace', () => {
  it('has categories from the allowed list and at most five keywords', () => {
    const { categories, keywords } = manifest();
    assert.ok(categories.length > 0);
    for (const category of categories) assert.ok(ALLOWED_CATEGORIES.includes(category), `unknown category ${category}`);
    assert.ok(keywords.length >= 1 && keywords.length <= 5, `${keywords.length} keywords`);
    assert.equal(new Set(keywords).size, keywords.length, 'a keyword is repeated');
  });

  it('points its homepage, bugs and Q&A at the repository', () => {
    const { repository, homepage, bugs, qna } = manifest();
    const repo = repository.url.replace(/\.git$/, '');
    for (const url of [homepage, bugs.url, qna]) assert.ok(url.startsWith(`${repo}`) && url.startsWith('https://'), url);
  });

  it('has a gallery banner colour and an icon of 256 × 256 pixels', () => {
    const { galleryBanner, icon } = manifest();
    assert.match(galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.deepEqual(pngSize(path.join(ROOT, icon)), { width: 256, height: 256 });
  });

  it('describes every setting in Markdown and gives each its own place in the order', () => {
    const settings = Object.entries(manifest().contributes.configuration.properties);
    assert.ok(settings.length > 0);
    for (const [name, setting] of settings) {
      assert.ok((setting.markdownDescription ?? '').trim().length > 20, `${name} has no markdownDescription`);
      assert.equal(typeof setting.order, 'number', `${name} has no order`);
    }
    const orders = settings.map(([, setting]) => setting.order);
    assert.equal(new Set(orders).size, orders.length, 'two settings share an order');
  });
});

describe('The suno.baseUrl pattern', () => {
  const ACCEPTED = [
    'https://api.gpt.ge',
    'https://api.cometapi.com',
    'https://api.gpt.ge/v1/',
    'HTTPS://API.GPT.GE',
    'https://reseller.example/openai/suno/fetch',
    'http://127.0.0.1:8787',
    'http://[::1]:3000',
    'api.gpt.ge',
    ' https://api.gpt.ge ',
    'https://例え.jp',
  ];
  const REJECTED = [
    '',
    '   ',
    'ftp://api.gpt.ge',
    'javascript:alert(1)',
    'https://',
    'https://user:sk-secret@api.gpt.ge',
    'https://api.gpt.ge?key=sk-secret',
    'https://api.gpt.ge/#top',
    'https://api gpt.ge',
    'https://api.gpt.ge/v1\u0000',
    'https://<script>',
    '[link](command:suno.clearApiKey)',
  ];

  it('accepts the default and every address the README names', () => {
    assert.equal(manifest().contributes.configuration.properties['suno.baseUrl']?.default, 'https://api.gpt.ge');
    for (const url of ACCEPTED) assert.match(url, baseUrlPattern(), JSON.stringify(url));
  });

  it('rejects garbage, other schemes, credentials, queries and fragments', () => {
    for (const url of REJECTED) assert.doesNotMatch(url, baseUrlPattern(), JSON.stringify(url));
  });

  it('agrees with the extension: what the pattern accepts is used, what it rejects is refused', () => {
    for (const url of ACCEPTED) assert.doesNotThrow(() => normaliseBaseUrl(url), JSON.stringify(url));
    for (const url of REJECTED) assert.throws(() => normaliseBaseUrl(url), JSON.stringify(url));
  });

  it('explains itself when it rejects a value', () => {
    const message = manifest().contributes.configuration.properties['suno.baseUrl']?.patternErrorMessage ?? '';
    assert.match(message, /https:\/\/api\.gpt\.ge/);
  });
});
