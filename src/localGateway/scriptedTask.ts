/**
 * A scripted task: a fake Suno task that walks through the gateway's stages as it is polled.
 *
 * The task holds only the neutral facts (stage, clips, texts, times); how a stage looks on the
 * wire is the business of `dialects.ts`, so one script serves every dialect.
 */
import { createHash, randomUUID, randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { clipDurationSeconds } from './media';

/** PROTOCOL.md: A (native), B (flat), C (goapi), the newer new-api task DTO, and a lyrics task. */
export type Dialect = 'native' | 'flat' | 'goapi' | 'newapi' | 'lyrics';

/** new-api's task statuses; the last two are terminal. */
export type Stage = 'NOT_START' | 'SUBMITTED' | 'QUEUED' | 'IN_PROGRESS' | 'SUCCESS' | 'FAILURE';

export interface ScriptedTaskSpec {
  id?: string;
  dialect?: Dialect;
  outcome?: 'success' | 'failure';
  failReason?: string;
  /**
   * How many fetches of this task before it moves to the next stage (default 1).
   * 0 means polling never moves it: only `advance`/`setStage` do.
   */
  pollsPerStage?: number;
  title?: string;
  lyrics?: string;
  tags?: string;
  startStage?: Stage;
  /** Clips of a music task (default 2, as Suno makes them); more to test display limits. */
  clipCount?: number;
  /** The Suno model the clips name (default `chirp-v4`). */
  model?: string;
  /** The description a song was made from (description mode). */
  description?: string;
  /** For a continuation: the clip it continues and where, in seconds. */
  continueClipId?: string;
  continueAt?: number;
}

/** The spec as it arrives over the control API: validated, never trusted. */
export const scriptedTaskSpecSchema = z.strictObject({
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  dialect: z.optional(z.enum(['native', 'flat', 'goapi', 'newapi', 'lyrics'])),
  outcome: z.optional(z.enum(['success', 'failure'])),
  failReason: z.optional(z.string().check(z.maxLength(2000))),
  pollsPerStage: z.optional(z.int().check(z.gte(0), z.lte(1_000_000))),
  title: z.optional(z.string().check(z.maxLength(500))),
  lyrics: z.optional(z.string().check(z.maxLength(200_000))),
  tags: z.optional(z.string().check(z.maxLength(500))),
  startStage: z.optional(z.enum(['NOT_START', 'SUBMITTED', 'QUEUED', 'IN_PROGRESS', 'SUCCESS', 'FAILURE'])),
  clipCount: z.optional(z.int().check(z.gte(1), z.lte(2000))),
  model: z.optional(z.string().check(z.maxLength(200))),
  description: z.optional(z.string().check(z.maxLength(10_000))),
  continueClipId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  continueAt: z.optional(z.number().check(z.gte(0), z.lte(86_400))),
});

/** Where a continuation starts: the clip it continues, and the second in that clip. */
interface Continuation {
  readonly clipId: string;
  readonly at: number;
}

export interface ScriptedClip {
  readonly id: string;
  /** Length of the generated audio, so the wire `duration` matches the file that is served. */
  readonly durationSeconds: number;
}

/** Clip status words of native Suno, by task stage. */
export type ClipState = 'submitted' | 'queued' | 'streaming' | 'complete' | 'error';

const DEFAULT_SONGS: readonly { title: string; tags: string; lyrics: string }[] = [
  {
    title: 'Harbour Lights',
    tags: 'dream pop, warm synths, female vocals',
    lyrics:
      '[Verse]\nLamplight on the harbour\nRopes that creak and sway\nEvery boat is dreaming\nOf the far-off bay\n\n' +
      '[Chorus]\nHold on to the harbour lights\nThey will bring you home tonight\nOver water, over stone\nYou will never sail alone\n\n' +
      '[Verse 2]\nGulls above the breakwater\nSalt upon the sill\nThe tide is slowly turning\nAnd the town is still',
  },
  {
    title: 'Paper Kites',
    tags: 'indie folk, acoustic guitar, hand claps',
    lyrics:
      '[Verse]\nWe cut the paper thin and bright\nWe tied the string with all our might\nThe hill was green, the sky was wide\nWe let the wind decide\n\n' +
      '[Chorus]\nPaper kites, paper kites\nClimbing up to dizzy heights\nIf the string should slip away\nWe will make more kites today',
  },
  {
    title: 'Neon Rain',
    tags: 'synthwave, driving bass, 80s',
    lyrics:
      '[Intro]\n(Ooh, ooh)\n\n[Verse]\nWet streets shine in pink and blue\nEvery signal calling you\nHeadlights blur across the glass\nLet the midnight traffic pass\n\n' +
      '[Chorus]\nNeon rain, neon rain\nWashing over me again\nCity hum and city glow\nNever let the feeling go\n\n[Outro]\nNeon rain',
  },
];

const DEFAULT_LYRICS_TASK = {
  title: 'Morning Tram',
  text:
    '[Verse]\nThe tram bell rings at half past six\nThe bakery lights come on\nI count the stops, I count the bricks\nAnd hum a borrowed song\n\n' +
    '[Chorus]\nRide along, ride along\nThe morning will not wait\nRide along, ride along\nThrough the rusty garden gate',
};

/** How long ago a task that starts at a stage was submitted, so its times look real. */
const START_STAGE_AGE_MS: Readonly<Record<Stage, number>> = {
  NOT_START: 0,
  SUBMITTED: 5_000,
  QUEUED: 12_000,
  IN_PROGRESS: 40_000,
  SUCCESS: 150_000,
  FAILURE: 600_000,
};

/** A `task_` id of the newer new-api builds: `task_` plus 32 letters and digits. */
function newApiTaskId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(32);
  let id = 'task_';
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}

/**
 * A UUID-shaped id derived from `name` (SHA-256, with the version and variant bits of a v4 UUID so
 * that it looks like Suno's). Clip ids come from the task id this way: a clip's cover art and
 * audio are drawn from its id, so the same task id always shows the same clips (stable
 * screenshots), while different tasks still get different clips.
 */
function derivedUuid(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isTerminalStage(stage: Stage): boolean {
  return stage === 'SUCCESS' || stage === 'FAILURE';
}

export class ScriptedTask {
  readonly id: string;
  readonly dialect: Dialect;
  readonly outcome: 'success' | 'failure';
  readonly failReason: string;
  readonly pollsPerStage: number;
  readonly title: string;
  /** Song lyrics (music tasks) or the generated text (lyrics tasks). */
  readonly lyrics: string;
  readonly tags: string;
  readonly model: string;
  readonly description: string | null;
  readonly continuation: Continuation | null;
  readonly clips: readonly ScriptedClip[];
  /** The id of the lyrics object of a lyrics task (Suno's own id, not the gateway's task id). */
  readonly lyricsId: string;
  /** Epoch milliseconds of submission; earlier than now for a task that starts past NOT_START. */
  readonly createdAt: number;
  /** A small integer standing in for the gateway's database row id. */
  readonly rowId: number;
  private currentStage: Stage;
  private pollsAtStage = 0;
  private stageEnteredAt: number;
  private finishedAt = 0;

  constructor(spec: ScriptedTaskSpec, now: number, rowId: number) {
    const parsed = scriptedTaskSpecSchema.parse(spec);
    this.dialect = parsed.dialect ?? 'native';
    const startStage = parsed.startStage ?? 'NOT_START';
    const impliedOutcome = startStage === 'FAILURE' ? 'failure' : startStage === 'SUCCESS' ? 'success' : undefined;
    if (parsed.outcome !== undefined && impliedOutcome !== undefined && parsed.outcome !== impliedOutcome) {
      throw new Error(`startStage ${startStage} contradicts outcome ${parsed.outcome}`);
    }
    this.outcome = parsed.outcome ?? impliedOutcome ?? 'success';
    this.failReason = parsed.failReason ?? 'time out';
    this.pollsPerStage = parsed.pollsPerStage ?? 1;
    this.id = parsed.id ?? (this.dialect === 'newapi' ? newApiTaskId() : randomUUID());
    // By the task's row in its own gateway, never a count shared by every gateway of the process:
    // a gateway's first task is the same song whatever other tests ran before.
    const song = DEFAULT_SONGS[(rowId - 1) % DEFAULT_SONGS.length];
    if (this.dialect === 'lyrics') {
      this.title = parsed.title ?? DEFAULT_LYRICS_TASK.title;
      this.lyrics = parsed.lyrics ?? DEFAULT_LYRICS_TASK.text;
      this.tags = parsed.tags ?? '';
      this.clips = [];
    } else {
      this.title = parsed.title ?? song.title;
      this.lyrics = parsed.lyrics ?? song.lyrics;
      this.tags = parsed.tags ?? song.tags;
      // Two clips per music task, as Suno makes them: different ids, same title and lyrics.
      this.clips = Array.from({ length: parsed.clipCount ?? 2 }, (_, index) => derivedUuid(`${this.id}:${index}`))
        .map((id) => ({ id, durationSeconds: clipDurationSeconds(id) }));
    }
    this.model = parsed.model ?? 'chirp-v4';
    this.description = parsed.description ?? null;
    this.continuation = parsed.continueClipId === undefined ? null : { clipId: parsed.continueClipId, at: parsed.continueAt ?? 0 };
    this.lyricsId = derivedUuid(`${this.id}:lyrics`);
    // A task that starts part-way was submitted a while ago: a finished song took minutes.
    this.createdAt = now - START_STAGE_AGE_MS[startStage];
    this.rowId = rowId;
    this.currentStage = startStage;
    this.stageEnteredAt = now;
    if (isTerminalStage(startStage)) this.finishedAt = now;
  }

  get stage(): Stage {
    return this.currentStage;
  }

  /** Epoch milliseconds of the last stage change (the row's `updated_at`). */
  get updatedAt(): number {
    return this.stageEnteredAt;
  }

  /** Epoch milliseconds when the task reached SUCCESS/FAILURE, else 0. */
  get finishedAtMs(): number {
    return this.finishedAt;
  }

  get clipState(): ClipState | null {
    switch (this.currentStage) {
      case 'NOT_START':
        return null;
      case 'SUBMITTED':
        return 'submitted';
      case 'QUEUED':
        return 'queued';
      case 'IN_PROGRESS':
        return 'streaming';
      case 'SUCCESS':
        return 'complete';
      case 'FAILURE':
        return 'error';
    }
  }

  /** Counts one answered fetch of this task; every `pollsPerStage` of them move it one stage on. */
  recordPoll(now: number): void {
    if (isTerminalStage(this.currentStage) || this.pollsPerStage === 0) return;
    this.pollsAtStage += 1;
    if (this.pollsAtStage >= this.pollsPerStage) this.advance(now);
  }

  /** Moves one stage on (IN_PROGRESS goes to the scripted outcome); terminal stages stay. */
  advance(now: number): Stage {
    const stage = this.currentStage;
    if (isTerminalStage(stage)) return stage;
    const next: Stage =
      stage === 'NOT_START'
        ? 'SUBMITTED'
        : stage === 'SUBMITTED'
          ? 'QUEUED'
          : stage === 'QUEUED'
            ? 'IN_PROGRESS'
            : this.outcome === 'success'
              ? 'SUCCESS'
              : 'FAILURE';
    this.setStage(next, now);
    return next;
  }

  /** Jumps to any stage (tests and the control API); the poll count starts again. */
  setStage(stage: Stage, now: number): void {
    this.currentStage = stage;
    this.pollsAtStage = 0;
    this.stageEnteredAt = now;
    this.finishedAt = isTerminalStage(stage) ? now : 0;
  }
}
