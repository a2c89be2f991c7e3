/**
 * Loads the gateway answers in test/fixtures. Tests run compiled from out/test/unit, and the
 * fixtures are not copied there, so the folder is found by walking up to the project root.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResponseContext } from '../../../src/core/wire/parseTask';

function findFixturesDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'test', 'fixtures');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`test/fixtures not found above ${__dirname}`);
    dir = parent;
  }
}

export const FIXTURES_DIR = findFixturesDir();

/** The text of a fixture exactly as stored, e.g. `readFixture('seeds/000-native.json')`. */
export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

/** Fixture names (relative, with forward slashes) under a folder, sorted. */
export function listFixtures(folder: string, extension = '.json'): string[] {
  return fs
    .readdirSync(path.join(FIXTURES_DIR, folder))
    .filter((file) => file.endsWith(extension))
    .sort()
    .map((file) => `${folder}/${file}`);
}

/** Every fixture that holds a successful single-task answer. */
export function taskFixtures(): string[] {
  return [...listFixtures('seeds'), ...listFixtures('dialects'), ...listFixtures('status')];
}

export const TEST_BASE_URL = 'https://api.gpt.ge';
export const TEST_FETCHED_AT = '2025-06-01T12:00:00.000Z';

export function testContext(overrides: Partial<ResponseContext> = {}): ResponseContext {
  return {
    baseUrl: TEST_BASE_URL,
    url: `${TEST_BASE_URL}/suno/fetch/2a145658-3342-4228-b779-b8323a2b77df`,
    httpStatus: 200,
    contentType: 'application/json',
    fetchedAt: TEST_FETCHED_AT,
    ...overrides,
  };
}
