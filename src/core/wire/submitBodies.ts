/**
 * What the extension sends to a gateway's submit routes (`SUBMIT.md` in the project's notes is
 * summarised in docs/ARCHITECTURE.md). These are the request shapes only; building them from a
 * song document lives in `core/song`, sending them in `core/gateway`.
 *
 * Field names are the wire names, so a body can be serialised as it is.
 */

/** `POST {base}/suno/submit/music`: a song from lyrics (custom mode). */
export interface CustomSongBody {
  /** The lyrics; `""` for an instrumental. */
  readonly prompt: string;
  /** Always sent: gateways turn a missing `mv` into a very old model. */
  readonly mv: string;
  readonly title: string;
  /** The style, comma-separated. */
  readonly tags: string;
  readonly make_instrumental: boolean;
  /** Styles to avoid. Omitted when empty: vanilla new-api drops it anyway. */
  readonly negative_tags?: string;
}

/** `POST {base}/suno/submit/music`: the model writes the lyrics from a description. */
export interface DescriptionSongBody {
  readonly gpt_description_prompt: string;
  readonly mv: string;
  readonly make_instrumental: boolean;
}

/** `POST {base}/suno/submit/music`: continue a clip of a task this gateway created. */
export interface ExtendSongBody extends CustomSongBody {
  readonly task_id: string;
  readonly continue_clip_id: string;
  /** Seconds into the clip where the continuation starts. */
  readonly continue_at: number;
}

/** `POST {base}/suno/submit/lyrics`. */
export interface LyricsBody {
  readonly prompt: string;
}

export type MusicBody = CustomSongBody | DescriptionSongBody | ExtendSongBody;

/** One submit: which route, and what to send to it. */
export type SubmitRequest =
  | { readonly action: 'music'; readonly body: MusicBody }
  | { readonly action: 'lyrics'; readonly body: LyricsBody };

/** The path of a submit route, below the base URL. */
export function submitPath(action: SubmitRequest['action']): string {
  return action === 'music' ? '/suno/submit/music' : '/suno/submit/lyrics';
}
