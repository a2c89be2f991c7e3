import { english, type Localize } from '../localize';
import type { Task } from '../task/model';
import { isValidId } from '../task/idRules';
import type { CustomSongBody, DescriptionSongBody, ExtendSongBody, LyricsBody } from '../wire/submitBodies';
import { songField, songLyrics, type SongDocument } from './songDocument';
import { isModelId } from './modelId';
import type { SongSettings } from './songModels';
import { hasBlockingProblem, validateSong, type SongProblem } from './songValidation';

/**
 * The bodies the submit routes are sent, built from what the user wrote. Every builder checks
 * its input first and refuses with a reason instead of building a body a gateway would refuse
 * or charge for by mistake; a song document is checked by the same validator as the editor's
 * diagnostics, so a document the editor shows without errors is one that can be sent. Reasons
 * are worded by the `localize` each builder is given (English for the CLI).
 */

export type BodyResult<T> =
  | { readonly ok: true; readonly body: T }
  /** `reason` is one line for a message or the command line; `problems` the document's errors, if any. */
  | { readonly ok: false; readonly reason: string; readonly problems: readonly SongProblem[] };

/** About what the Suno web page allows for a description ("song description"). */
export const DESCRIPTION_LIMIT = 500;
/**
 * A lyrics prompt is a description of the lyrics; gateways document no limit, so this only keeps
 * a paste gone wrong from being sent.
 */
export const LYRICS_PROMPT_LIMIT = 3000;

/** Custom mode: the document's lyrics, style and title (`POST /suno/submit/music`). */
export function customSongBody(document: SongDocument, settings: SongSettings, localize: Localize = english): BodyResult<CustomSongBody> {
  const problems = validateSong(document, settings, localize);
  if (hasBlockingProblem(problems)) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    const first = errors[0].message;
    const reason =
      errors.length === 1
        ? first
        : errors.length === 2
          ? localize('{0} (and 1 more problem)', first)
          : localize('{0} (and {1} more problems)', first, errors.length - 1);
    return { ok: false, reason, problems: errors };
  }
  const instrumental = songField(document, 'instrumental')?.value.toLowerCase() === 'true';
  const exclude = songField(document, 'exclude')?.value.trim() ?? '';
  const body: CustomSongBody = {
    prompt: instrumental ? '' : songLyrics(document),
    mv: songField(document, 'model')?.value || settings.defaultModel,
    title: songField(document, 'title')?.value ?? '',
    tags: songField(document, 'style')?.value ?? '',
    make_instrumental: instrumental,
    ...(exclude !== '' && { negative_tags: exclude }),
  };
  return { ok: true, body };
}

interface DescriptionInput {
  readonly description: string;
  readonly instrumental: boolean;
  /** Empty or absent: the default model. */
  readonly model?: string;
}

/** Description mode: the model writes the lyrics (`POST /suno/submit/music`). */
export function descriptionSongBody(
  input: DescriptionInput,
  settings: SongSettings,
  localize: Localize = english,
): BodyResult<DescriptionSongBody> {
  const description = input.description.trim();
  if (description === '') return refused(localize('Write a description of the song.'));
  if (description.length > DESCRIPTION_LIMIT) {
    return refused(localize('The description has {0} characters; at most {1} are accepted.', description.length, DESCRIPTION_LIMIT));
  }
  const mv = chosenModel(input.model, settings);
  if (mv === null) return refused(localize('The model is not a model id.'));
  return { ok: true, body: { gpt_description_prompt: description, mv, make_instrumental: input.instrumental } };
}

/** Lyrics only (`POST /suno/submit/lyrics`): what the lyrics should be about. */
export function lyricsBody(prompt: string, localize: Localize = english): BodyResult<LyricsBody> {
  const trimmed = prompt.trim();
  if (trimmed === '') return refused(localize('Write what the lyrics should be about.'));
  if (trimmed.length > LYRICS_PROMPT_LIMIT) {
    return refused(localize('The prompt has {0} characters; at most {1} are accepted.', trimmed.length, LYRICS_PROMPT_LIMIT));
  }
  return { ok: true, body: { prompt: trimmed } };
}

interface ExtendInput {
  /** The task the clip belongs to: only the gateway that created it accepts the continuation. */
  readonly task: Task;
  readonly clipId: string;
  /** Seconds into the clip where the continuation starts. */
  readonly continueAt: number;
  /**
   * The song document with the continuation's lyrics; without one, the clip's style and title and
   * no vocals (gateways built on new-api refuse an empty prompt unless the song is instrumental).
   */
  readonly document?: SongDocument;
}

/** A continuation of a clip (`POST /suno/submit/music` with `task_id`, `continue_clip_id`, `continue_at`). */
export function extendSongBody(input: ExtendInput, settings: SongSettings, localize: Localize = english): BodyResult<ExtendSongBody> {
  const { task, clipId, continueAt } = input;
  const clip = task.clips.find((candidate) => candidate.id === clipId);
  if (clip === undefined || !isValidId(task.id) || !isValidId(clip.id)) return refused(localize('That clip is not one of the task’s clips.'));
  if (typeof continueAt !== 'number' || !Number.isFinite(continueAt) || continueAt < 0) {
    return refused(localize('Where to continue from is a number of seconds, 0 or more.'));
  }
  const duration = clip.durationSeconds;
  if (duration !== null && Number.isFinite(duration) && duration >= 0 && continueAt > duration) {
    return refused(localize('The clip is {0} seconds long: continue from {0} seconds or earlier.', duration));
  }
  // The clip's own model, unless the document names one: a continuation in another model may be refused.
  const clipModel = clip.model !== null && isModelId(clip.model) ? clip.model : settings.defaultModel;
  const song = input.document
    ? customSongBody(input.document, { ...settings, defaultModel: clipModel }, localize)
    : ({ ok: true, body: { prompt: '', mv: clipModel, title: '', tags: '', make_instrumental: true } } as const);
  if (!song.ok) return song;
  const body: ExtendSongBody = {
    ...song.body,
    title: song.body.title || clip.title || task.title || '',
    tags: song.body.tags || clip.tags || '',
    task_id: task.id,
    continue_clip_id: clip.id,
    continue_at: continueAt,
  };
  return { ok: true, body };
}

/** The model asked for, or the default when none is; null when what was asked for is no model id. */
function chosenModel(model: string | undefined, settings: SongSettings): string | null {
  const asked = model?.trim() ?? '';
  if (asked === '') return settings.defaultModel;
  return isModelId(asked) ? asked : null;
}

function refused(reason: string): { readonly ok: false; readonly reason: string; readonly problems: readonly SongProblem[] } {
  return { ok: false, reason, problems: [] };
}
