import * as z from 'zod/mini';
import type { SubmitRequest } from '../wire/submitBodies';

/**
 * The decisions that stand between a person and a charge: which submit needs asking about
 * first, and which failure still counts as "sent". A submit costs credits and gateways do not
 * deduplicate, so two identical submits are two charges; the adapters ask, this decides.
 *
 * Pure: time comes in as a number, the hash as a function, and what is remembered goes in and
 * out as plain JSON (the extension keeps it in `globalState`, so every window sees the others').
 */

/** How long the same content to the same gateway counts as a repeat worth asking about. */
export const DUPLICATE_WINDOW_MS = 60_000;

/** At most this many recent submits are remembered: more would only come from a runaway loop. */
const MAX_REMEMBERED_SUBMITS = 50;

/**
 * What identifies "the same submit": the gateway, the route and every field of the body, in a
 * fixed key order (two objects with the same fields in another order are the same submit).
 */
export function submitFingerprint(baseUrl: string, request: SubmitRequest, sha256Hex: (text: string) => string): string {
  const body = request.body as unknown as Readonly<Record<string, unknown>>;
  const fields = Object.keys(body)
    .sort()
    .map((key) => [key, body[key]]);
  return sha256Hex(JSON.stringify([baseUrl, request.action, fields]));
}

/** Fingerprint → when it was sent (ms since the epoch). */
export type RecentSubmits = Readonly<Record<string, number>>;

const recentSubmitsSchema = z.record(z.string().check(z.regex(/^[0-9a-f]{64}$/)), z.number().check(z.gte(0)));

/**
 * Reads what was stored, keeping only the entries still within the window (a minute either way:
 * another window's clock may be a little ahead). Anything else (another shape, a hash that is no
 * hash, a negative time) counts as nothing sent.
 */
export function readRecentSubmits(stored: unknown, now: number): RecentSubmits {
  const parsed = recentSubmitsSchema.safeParse(stored);
  if (!parsed.success) return {};
  return withinWindow(parsed.data, now);
}

/** Whether the submit with this fingerprint was sent within the last minute. */
export function isRecentDuplicate(recent: RecentSubmits, fingerprint: string, now: number): boolean {
  const sentAt = Object.hasOwn(recent, fingerprint) ? recent[fingerprint] : undefined;
  return sentAt !== undefined && isWithinWindow(sentAt, now);
}

/** The memory after a submit was sent; the oldest entries go when there are too many. */
export function rememberSubmit(recent: RecentSubmits, fingerprint: string, now: number): RecentSubmits {
  const entries = Object.entries(withinWindow(recent, now)).filter(([key]) => key !== fingerprint);
  entries.push([fingerprint, now]);
  entries.sort(([, a], [, b]) => a - b);
  return Object.fromEntries(entries.slice(-MAX_REMEMBERED_SUBMITS));
}

/** The memory after a submit turned out never to have been taken (nothing charged). */
export function forgetSubmit(recent: RecentSubmits, fingerprint: string): RecentSubmits {
  return Object.fromEntries(Object.entries(recent).filter(([key]) => key !== fingerprint));
}

/**
 * Whether a failed submit may still have been taken, and charged: its answer was lost
 * (`outcome_unknown`). Every other failure is an answer saying no (a refusal, a low balance, a
 * bad key, a busy gateway) or a request that never left, so the same submit again is no repeat.
 */
export function failureMayHaveCharged(kind: string): boolean {
  return kind === 'outcome_unknown';
}

/** Gateways whose first-submit confirmation was answered "don't ask again", as stored. */
const confirmedGatewaysSchema = z.array(z.string());

/** At most this many gateways are remembered; a longer list is cut, the newest kept. */
const MAX_CONFIRMED_GATEWAYS = 100;

export function readConfirmedGateways(stored: unknown): readonly string[] {
  const parsed = confirmedGatewaysSchema.safeParse(stored);
  return parsed.success ? parsed.data.slice(-MAX_CONFIRMED_GATEWAYS) : [];
}

export function withConfirmedGateway(confirmed: readonly string[], baseUrl: string): readonly string[] {
  return [...confirmed.filter((gateway) => gateway !== baseUrl), baseUrl].slice(-MAX_CONFIRMED_GATEWAYS);
}

interface ConfirmationState {
  /** `suno.confirmBeforeSubmit`. */
  readonly confirmBeforeSubmit: boolean;
  /** Gateways answered "don't ask again" (in any window, remembered). */
  readonly confirmedGateways: readonly string[];
  /** Gateways confirmed in this window since it opened. */
  readonly confirmedThisSession: ReadonlySet<string>;
}

/**
 * Whether to ask before the first submit to `baseUrl`. The question is per gateway: another
 * gateway is another account with its own prices, and a base URL changed by mistake should not
 * spend credits unannounced. "Don't ask again" is remembered for that gateway only; the
 * setting turns the question off everywhere.
 */
export function needsFirstSubmitConfirmation(baseUrl: string, state: ConfirmationState): boolean {
  if (!state.confirmBeforeSubmit) return false;
  return !state.confirmedGateways.includes(baseUrl) && !state.confirmedThisSession.has(baseUrl);
}

function withinWindow(recent: RecentSubmits, now: number): RecentSubmits {
  return Object.fromEntries(Object.entries(recent).filter(([, sentAt]) => isWithinWindow(sentAt, now)));
}

/** Within a minute either way: a time a little ahead comes from a clock set back or another window's. */
function isWithinWindow(sentAt: number, now: number): boolean {
  return now - sentAt < DUPLICATE_WINDOW_MS && sentAt - now < DUPLICATE_WINDOW_MS;
}
