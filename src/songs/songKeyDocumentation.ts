import type { SongKey } from '../core/song/songDocument';

/**
 * What each front matter key means, for completion and hover: what it is sent as, and what it
 * takes. Written once so that both say the same.
 */
export const SONG_KEY_DOCUMENTATION: Readonly<Record<SongKey, { readonly summary: string; readonly details: string; readonly example: string }>> = {
  title: {
    summary: 'The song’s title.',
    details: 'Sent as `title`.',
    example: 'title: City Lights',
  },
  style: {
    summary: 'The style: genres, moods, voices and instruments, separated by commas.',
    details: 'Sent as `tags`. Its length is limited by the model: 200 characters for v3.5 and v4, 1,000 for v4.5 and later.',
    example: 'style: emotional punk, female vocals, driving drums',
  },
  exclude: {
    summary: 'Styles the song should avoid.',
    details: 'Sent as `negative_tags`. Some gateways drop it.',
    example: 'exclude: heavy metal, autotune',
  },
  model: {
    summary: 'The Suno model the song is made with.',
    details: 'Sent as `mv`. Completes from the **suno.models** setting; any id your gateway accepts works. Without it, **suno.defaultModel** is used.',
    example: 'model: chirp-auk',
  },
  instrumental: {
    summary: '`true` for a song without vocals.',
    details: 'Sent as `make_instrumental`. An instrumental is made from the style alone: the lyrics are not sent.',
    example: 'instrumental: true',
  },
};
