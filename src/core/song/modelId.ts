/**
 * What a model id (`mv` on the wire) may be, and the one a song gets when it names none.
 *
 * Kept apart from the models table (`songModels.ts`): the default model is read at activation
 * (a finished lyrics task becomes a song naming it), the table only by the song features, which
 * load on first use.
 */

/**
 * The model a song without a `model` line is made with (`suno.defaultModel` defaults to it).
 * v4.5 is the one every gateway that sells Suno offers, with the long limits of the current
 * models; the newer v5 names are not on every gateway yet, and a gateway given no `mv` at all
 * falls back to a very old model.
 */
export const DEFAULT_MODEL_ID = 'chirp-auk';

/** What a model id may be: one token of printable ASCII that fits on a front matter line. */
export const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:+/-]{0,99}$/;

export function isModelId(id: string): boolean {
  return MODEL_ID.test(id);
}

/** `suno.defaultModel` as written, or the built-in default when it is empty or not an id. */
export function defaultModelFromSetting(value: unknown): string {
  const id = typeof value === 'string' ? value.trim() : '';
  return isModelId(id) ? id : DEFAULT_MODEL_ID;
}
