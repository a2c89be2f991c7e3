import { songModelsFromSetting, type SongSettings } from '../core/song/songModels';
import type { Settings } from './settings';

/**
 * The models songs are checked and built against (`suno.models`, entries that are no model
 * skipped) and the model of a song that names none (`suno.defaultModel`).
 *
 * Not a method of `Settings`: the models table and its schema load with the song features that
 * use them (the song language's engine, the lenses, the commands), not at activation.
 */
export function songSettings(settings: Settings): SongSettings {
  return { models: songModelsFromSetting(settings.songModelEntries()), defaultModel: settings.defaultModel() };
}
