/**
 * The gateways the user has used: the configured one, those tasks were tracked from and those a
 * key was stored for. Switch Gateway offers them, the status bar names the current one when there
 * is more than one, and "Forget" takes one off the list.
 *
 * The list is kept newest use first, one entry per normalised base URL (`https://api.gpt.ge/v1/`
 * and `https://api.gpt.ge` are one gateway, as they share one key), and at most
 * MAX_KNOWN_GATEWAYS long: a gateway not used for a long time falls off the end.
 *
 * Pure functions over plain data, so that the editor's adapter only stores and loads them; what
 * is loaded is parsed with zod, since any version of the extension (or a hand edit) wrote it.
 */

import * as z from 'zod/mini';
import { normaliseBaseUrl } from './baseUrl';

/** How many gateways are remembered; the least recently used is forgotten first. */
export const MAX_KNOWN_GATEWAYS = 20;

export interface KnownGateway {
  /** The normalised base URL. */
  readonly baseUrl: string;
  /** Epoch milliseconds of the latest use. */
  readonly lastUsedAt: number;
}

/**
 * The list with `baseUrl` used at `usedAt`: moved to its place by time, never made older than a
 * use already recorded (a late report of an old use does not reorder the list). An unusable URL
 * leaves the list as it is.
 */
export function rememberGateway(known: readonly KnownGateway[], baseUrl: string, usedAt: number): KnownGateway[] {
  const normalised = tryNormalise(baseUrl);
  if (normalised === undefined) return [...known];
  const previous = known.find((gateway) => gateway.baseUrl === normalised);
  const lastUsedAt = Math.max(validTime(usedAt), previous?.lastUsedAt ?? 0);
  const others = known.filter((gateway) => gateway.baseUrl !== normalised);
  return newestFirst([{ baseUrl: normalised, lastUsedAt }, ...others]);
}

/** The list without `baseUrl` (in any of its spellings). */
export function forgetGateway(known: readonly KnownGateway[], baseUrl: string): KnownGateway[] {
  const normalised = tryNormalise(baseUrl) ?? baseUrl;
  return known.filter((gateway) => gateway.baseUrl !== normalised);
}

const storedGatewaySchema = z.object({ baseUrl: z.string(), lastUsedAt: z.number() });

/**
 * What was stored, as a list to work with: entries that are not gateways are dropped, the rest
 * normalised, deduplicated (the newest use wins), sorted and bounded. Never throws.
 */
export function parseKnownGateways(stored: unknown): KnownGateway[] {
  if (!Array.isArray(stored)) return [];
  let known: KnownGateway[] = [];
  // Only as many entries as could be kept are read: a huge stored array costs no more than a full list.
  for (const entry of stored.slice(0, MAX_KNOWN_GATEWAYS * 4)) {
    const parsed = storedGatewaySchema.safeParse(entry);
    if (parsed.success) known = rememberGateway(known, parsed.data.baseUrl, parsed.data.lastUsedAt);
  }
  return known;
}

/**
 * How a gateway is named in a short label: `api.gpt.ge`, `127.0.0.1:4000`, `example.com/reseller`
 * for one mounted under a path. `http://` is kept, since a plain-http gateway is worth noticing.
 * Not inert: the caller makes it so for the surface it writes to.
 */
export function gatewayName(baseUrl: string): string {
  const normalised = tryNormalise(baseUrl) ?? baseUrl;
  return normalised.startsWith('https://') ? normalised.slice('https://'.length) : normalised;
}

function newestFirst(known: KnownGateway[]): KnownGateway[] {
  // Array.prototype.sort is stable: among equal times the order given stays.
  return known.sort((a, b) => b.lastUsedAt - a.lastUsedAt).slice(0, MAX_KNOWN_GATEWAYS);
}

/** A time that can be compared: NaN, infinities and negative values count as "long ago". */
function validTime(time: number): number {
  return Number.isFinite(time) && time > 0 ? time : 0;
}

function tryNormalise(baseUrl: string): string | undefined {
  try {
    return normaliseBaseUrl(baseUrl);
  } catch {
    return undefined;
  }
}
