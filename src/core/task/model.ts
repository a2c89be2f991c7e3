/**
 * The one task model every gateway dialect is normalised into.
 *
 * Field names are part of the public surface: the `suno-task --json` CLI prints them and the
 * task store persists them, so rename nothing without a store version bump. The schema the store
 * and the panel validate with (`taskSchema.ts`) is checked against these types when compiling.
 */

export type TaskAction = 'music' | 'lyrics' | 'other';

/** Normalised lifecycle. `unknown` is shown as such, never guessed. */
export type TaskStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'unknown';

export interface Clip {
  readonly id: string;
  readonly title: string | null;
  readonly status: TaskStatus;
  /** The gateway's own word for the status, verbatim. */
  readonly rawStatus: string | null;
  /** Only absolute http(s) URLs; anything else becomes null. */
  readonly audioUrl: string | null;
  readonly videoUrl: string | null;
  readonly imageUrl: string | null;
  readonly imageLargeUrl: string | null;
  readonly durationSeconds: number | null;
  readonly tags: string | null;
  /** The Suno model, e.g. `chirp-v4`. */
  readonly model: string | null;
  readonly lyrics: string | null;
  /** The GPT description prompt the song was made from. */
  readonly description: string | null;
  /** ISO 8601. */
  readonly createdAt: string | null;
  readonly errorMessage: string | null;
  /** True while the audio URL is a live stream without a final file yet. */
  readonly isStreaming: boolean;
}

export interface Task {
  readonly id: string;
  /** The normalised gateway origin the task was fetched from. */
  readonly baseUrl: string;
  readonly action: TaskAction;
  /** The first clip's title, or the lyrics' title. */
  readonly title: string | null;
  readonly status: TaskStatus;
  readonly rawStatus: string | null;
  /** 0–100; derived from clip states when the gateway's own figure says nothing; null when unknown. */
  readonly progress: number | null;
  readonly failReason: string | null;
  /** ISO 8601 or null. */
  readonly submittedAt: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly clips: readonly Clip[];
  /** The text of a lyrics task, else null. */
  readonly lyrics: string | null;
  /** ISO 8601: when this snapshot was fetched. */
  readonly fetchedAt: string;
}

export function isFinished(status: TaskStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

/**
 * A task tracked before its first answer arrived: pending, with a fetch time at the epoch so the
 * poller asks for it soon. The CLI's `watch` tracks the ids it is given this way.
 */
export function notFetchedYet(id: string, baseUrl: string): Task {
  return {
    id,
    baseUrl,
    action: 'other',
    title: null,
    status: 'pending',
    rawStatus: null,
    progress: null,
    failReason: null,
    submittedAt: null,
    startedAt: null,
    finishedAt: null,
    clips: [],
    lyrics: null,
    fetchedAt: new Date(0).toISOString(),
  };
}
