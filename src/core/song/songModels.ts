import * as z from 'zod/mini';
import { INERT_LABEL_MAX_LENGTH, inertText } from '../inertText';
import { MODEL_ID } from './modelId';

/**
 * The Suno models a song can be made with (`mv` on the wire) and how much text each accepts.
 *
 * Model names are the gateways' and change often, so the list is a setting (`suno.models`) whose
 * defaults are below, never a fixed enum: a user may type any id (`modelId.ts` says what an id
 * may be). An id nobody listed is sent as written; its limits are unknown, so nothing is refused
 * for length, and the editor says so.
 */
export interface SongModel {
  /** What is sent as `mv`, exactly. */
  readonly id: string;
  /** How people know it: `v4.5 (chirp-auk)`. */
  readonly label: string;
  /** The longest lyrics (`prompt`) the model accepts, in characters. */
  readonly lyricsLimit: number;
  /** The longest style (`tags`) the model accepts, in characters. */
  readonly styleLimit: number;
}

/** The models new-api-style gateways sell today, with Suno's own limits for each. */
export const DEFAULT_SONG_MODELS: readonly SongModel[] = [
  { id: 'chirp-v3-5', label: 'v3.5 (chirp-v3-5)', lyricsLimit: 3000, styleLimit: 200 },
  { id: 'chirp-v4', label: 'v4 (chirp-v4)', lyricsLimit: 3000, styleLimit: 200 },
  { id: 'chirp-auk', label: 'v4.5 (chirp-auk)', lyricsLimit: 5000, styleLimit: 1000 },
  { id: 'chirp-auk-turbo', label: 'v4.5 all (chirp-auk-turbo)', lyricsLimit: 5000, styleLimit: 1000 },
  { id: 'chirp-bluejay', label: 'v4.5+ (chirp-bluejay)', lyricsLimit: 5000, styleLimit: 1000 },
  { id: 'chirp-crow', label: 'v5 (chirp-crow)', lyricsLimit: 5000, styleLimit: 1000 },
  { id: 'chirp-fenix', label: 'v5.5 (chirp-fenix)', lyricsLimit: 5000, styleLimit: 1000 },
];

/** A limit in characters: a whole number of at least 1. */
const limitSchema = z.number().check(z.int(), z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER));

/** One entry of `suno.models`; a missing label is the id. */
const songModelSchema = z.object({
  id: z.string().check(z.regex(MODEL_ID)),
  label: z.optional(z.string()),
  lyricsLimit: limitSchema,
  styleLimit: limitSchema,
});

/**
 * The `suno.models` setting as the editor reads it: entries that are not a model (a wrong type,
 * an id with spaces, a limit of 0) are skipped, and a second entry with the same id loses to the
 * first, so one bad line in settings.json costs that line only. Anything but an array gives the
 * defaults. Labels are shown in the editor, so they become one inert line.
 */
export function songModelsFromSetting(value: unknown): SongModel[] {
  if (!Array.isArray(value)) return [...DEFAULT_SONG_MODELS];
  const models: SongModel[] = [];
  const seen = new Set<string>();
  for (const entry of value) {
    const parsed = songModelSchema.safeParse(entry);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    const label = inertText(parsed.data.label?.trim() || parsed.data.id, INERT_LABEL_MAX_LENGTH);
    models.push({ id: parsed.data.id, label, lyricsLimit: parsed.data.lyricsLimit, styleLimit: parsed.data.styleLimit });
  }
  return models;
}

/** How a written model id relates to the list. */
type ModelLookup =
  /** Listed exactly as written. */
  | { readonly kind: 'listed'; readonly model: SongModel }
  /**
   * Listed in another case (`Chirp-Auk`): the same model as far as limits go, but gateways
   * compare ids exactly, so the written id may be refused.
   */
  | { readonly kind: 'otherCase'; readonly model: SongModel }
  /** Not listed: sent as written, limits unknown. */
  | { readonly kind: 'unlisted' };

export function lookUpModel(models: readonly SongModel[], id: string): ModelLookup {
  const exact = models.find((model) => model.id === id);
  if (exact) return { kind: 'listed', model: exact };
  const lower = id.toLowerCase();
  const otherCase = models.find((model) => model.id.toLowerCase() === lower);
  return otherCase ? { kind: 'otherCase', model: otherCase } : { kind: 'unlisted' };
}

/** What a song is checked and built against: the `suno.models` and `suno.defaultModel` settings. */
export interface SongSettings {
  readonly models: readonly SongModel[];
  /** The model of a song without a `model` line. */
  readonly defaultModel: string;
}
