import type { Task } from '../task/model';
import { formatFrontMatterValue } from './frontMatterValue';
import { isModelId } from './modelId';

/**
 * A song document written from values: "Edit as New Song" on a task, and the song a finished
 * lyrics task opens as. Every value is written so that parsing the text gives it back exactly,
 * whatever a gateway put in it (line breaks, `---`, quotes, bidi controls).
 */

export interface SongFields {
  readonly title?: string;
  readonly style?: string;
  readonly exclude?: string;
  readonly model?: string;
  readonly instrumental?: boolean;
  readonly lyrics: string;
}

export function formatSongDocument(fields: SongFields): string {
  const lines = ['---'];
  const add = (key: string, value: string | undefined): void => {
    if (value !== undefined) lines.push(`${key}: ${formatFrontMatterValue(value)}`);
  };
  add('title', fields.title);
  add('style', fields.style);
  add('exclude', fields.exclude);
  add('model', fields.model);
  add('instrumental', fields.instrumental === undefined ? undefined : String(fields.instrumental));
  lines.push('---', fields.lyrics);
  return lines.join('\n');
}

interface SongFromTaskOptions {
  /** The clip the song is taken from: its title, style, model and lyrics come before the other clips'. */
  readonly clipId?: string;
  /**
   * The model written when the task names none (a lyrics task), so that the document says which
   * model it will be generated with.
   */
  readonly defaultModel?: string;
}

/**
 * The song a task was made from, as far as the task tells: its title, the style and model of its
 * first clip that has them, and the lyrics of its first clip with lyrics (a lyrics task's own
 * text). A chosen clip goes first, so its own values win and the other clips only fill what it
 * lacks. A model that is no model id is left out rather than copied into the document.
 */
export function songFromTask(task: Task, options: SongFromTaskOptions = {}): string {
  const chosen = task.clips.find((clip) => clip.id === options.clipId);
  const clips = chosen === undefined ? task.clips : [chosen, ...task.clips.filter((clip) => clip !== chosen)];
  const lyricsClip = clips.find((clip) => clip.lyrics !== null);
  const clipModel = clips.find((clip) => clip.model !== null)?.model ?? undefined;
  const model = clipModel !== undefined && isModelId(clipModel) ? clipModel : options.defaultModel;
  return formatSongDocument({
    title: chosen?.title ?? task.title ?? lyricsClip?.title ?? clips.find((clip) => clip.title !== null)?.title ?? undefined,
    style: clips.find((clip) => clip.tags !== null)?.tags ?? undefined,
    model: model !== undefined && isModelId(model) ? model : undefined,
    lyrics: lyricsClip?.lyrics ?? task.lyrics ?? '',
  });
}
