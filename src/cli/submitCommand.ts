/**
 * `suno-task submit` and `suno-task extend`: what to send, checked completely before anything is
 * sent, and sending it once.
 *
 * A song document is judged by the song core's one validator, as the editor's diagnostics judge
 * it: every problem is printed with its line and column, warnings do not stop the submit, errors
 * do (InvalidInputError: exit 2, nothing sent). `--model` replaces the document's model, so the
 * lengths are checked against the model that is sent. A continuation needs the task it continues
 * (the clip's model, length, title and style), which is fetched from the gateway first: a fetch
 * costs nothing, and only the gateway that created the task would accept the continuation anyway.
 */

import { english, type Localize } from '../core/localize';
import { formatFrontMatterValue } from '../core/song/frontMatterValue';
import { parseSongDocument, songField, type SongDocument } from '../core/song/songDocument';
import { DEFAULT_MODEL_ID, isModelId } from '../core/song/modelId';
import { DEFAULT_SONG_MODELS, type SongSettings } from '../core/song/songModels';
import { customSongBody, descriptionSongBody, extendSongBody, lyricsBody, type BodyResult } from '../core/song/songRequest';
import { hasBlockingProblem, validateSong, type SongProblem } from '../core/song/songValidation';
import type { GatewayClient } from '../core/gateway/gatewayClient';
import { explainIdProblem } from '../core/task/idProblemText';
import { extractTaskIds, validateTaskIdInput } from '../core/task/taskIds';
import type { SubmitRequest } from '../core/wire/submitBodies';
import { secondsFrom } from './secondsArgument';
import { songProblemLines } from './songProblemLines';
import { readSongSource, type SongSource } from './songSource';
import { terminalLine } from './terminalText';
import { InvalidInputError, UsageError } from './usageError';

/** The command line of a submit or a continuation, as parsed. */
export interface SubmitArguments {
  readonly command: 'submit' | 'extend';
  /** After the command: FILE for submit; TASK_ID CLIP_ID [FILE] for extend. */
  readonly positionals: readonly string[];
  readonly model: string | undefined;
  readonly describe: string | undefined;
  readonly lyrics: string | undefined;
  readonly instrumental: boolean;
  readonly at: string | undefined;
}

interface ReadSong {
  readonly source: SongSource;
  readonly document: SongDocument;
}

/** What will be sent: a request ready to go, or a continuation whose body needs its task. */
type SubmitPlan =
  | { readonly kind: 'ready'; readonly request: SubmitRequest }
  | { readonly kind: 'extend'; readonly taskId: string; readonly clipId: string; readonly continueAt: number; readonly song: ReadSong | null };

type Print = (line: string) => void;

/** Where a song comes from and how its problems are told. */
interface SongInput {
  /** What `-` reads. */
  readonly stdin: AsyncIterable<Uint8Array | string> | undefined;
  /** Prints each problem. */
  readonly err: Print;
  /** The languages besides English the template's placeholders may be in. */
  readonly templateLanguages: readonly Localize[];
}

/**
 * The command line never reads settings: the models and their limits are the song core's
 * defaults, as a new editor's are.
 */
function settingsWith(defaultModel: string): SongSettings {
  return { models: DEFAULT_SONG_MODELS, defaultModel };
}

/**
 * Checks the arguments and reads and judges the document; prints the document's problems with
 * `input.err`. Throws UsageError or InvalidInputError for anything that must not be sent.
 */
export async function planSubmit(args: SubmitArguments, input: SongInput): Promise<SubmitPlan> {
  return args.command === 'extend' ? planExtend(args, input) : planNewSong(args, input);
}

async function planNewSong(args: SubmitArguments, input: SongInput): Promise<SubmitPlan> {
  const given = [args.positionals.length > 0, args.describe !== undefined, args.lyrics !== undefined].filter(Boolean).length;
  if (given !== 1) throw new UsageError('submit takes one of: a song FILE (- for standard input), --describe TEXT or --lyrics TEXT.');
  if (args.positionals.length > 1) throw new UsageError('submit takes one song file.');
  if (args.instrumental && args.describe === undefined) {
    throw new UsageError('--instrumental goes with --describe; a song file says "instrumental: true" in its front matter.');
  }
  if (args.lyrics !== undefined && args.model !== undefined) throw new UsageError('--model does not go with --lyrics: lyrics are written without a model.');
  const model = modelFrom(args.model);

  if (args.lyrics !== undefined) return { kind: 'ready', request: { action: 'lyrics', body: bodyOrRefuse(lyricsBody(args.lyrics)) } };
  if (args.describe !== undefined) {
    const body = bodyOrRefuse(descriptionSongBody({ description: args.describe, instrumental: args.instrumental, model }, settingsWith(DEFAULT_MODEL_ID)));
    return { kind: 'ready', request: { action: 'music', body } };
  }
  const song = await readSong(args.positionals[0], input.stdin, model);
  const settings = settingsWith(model ?? DEFAULT_MODEL_ID);
  judge(song, settings, input);
  return { kind: 'ready', request: { action: 'music', body: bodyOrRefuse(customSongBody(song.document, settings)) } };
}

async function planExtend(args: SubmitArguments, input: SongInput): Promise<SubmitPlan> {
  const [taskArgument, clipArgument, file, ...extra] = args.positionals;
  if (clipArgument === undefined || extra.length > 0) throw new UsageError('extend takes TASK_ID CLIP_ID --at SECONDS and, optionally, a song FILE.');
  const taskId = taskIdFrom(taskArgument);
  const clipId = clipArgument.trim();
  const clipProblem = explainIdProblem(clipId, 'clip id');
  if (clipProblem !== null) throw new UsageError(terminalLine(clipProblem));
  if (args.at === undefined) throw new UsageError('extend needs --at SECONDS: where in the clip the continuation starts.');
  const continueAt = secondsFrom(args.at, '--at');
  let song: ReadSong | null = null;
  if (file !== undefined) {
    song = await readSong(file, input.stdin, undefined);
    // The clip's model, which a document without a model line is made with, is known only once
    // the task is fetched: until then only what does not depend on it is judged (no lengths).
    judge(song, settingsWith(MODEL_NOT_KNOWN_YET), input);
  }
  return { kind: 'extend', taskId, clipId, continueAt, song };
}

/** No model has an empty id: the lengths of a song in it are not checked. */
const MODEL_NOT_KNOWN_YET = '';

/** The request of `plan`, fetching the continued task first; throws GatewayError or InvalidInputError. */
export async function requestFor(plan: SubmitPlan, client: GatewayClient, err: Print): Promise<SubmitRequest> {
  if (plan.kind === 'ready') return plan.request;
  const task = await client.fetchTask(plan.taskId);
  const result = extendSongBody({ task, clipId: plan.clipId, continueAt: plan.continueAt, document: plan.song?.document }, settingsWith(DEFAULT_MODEL_ID));
  if (!result.ok && plan.song !== null) printProblems(plan.song.source, result.problems, err);
  return { action: 'music', body: bodyOrRefuse(result) };
}

async function readSong(argument: string, stdin: AsyncIterable<Uint8Array | string> | undefined, model: string | undefined): Promise<ReadSong> {
  const source = await readSongSource(argument, stdin);
  return { source, document: withModel(parseSongDocument(source.text), model) };
}

/**
 * The document with `model` as the value of its model line, when it has one and a model is
 * given: what is judged is then what is sent, and every other problem keeps its line and column.
 * Without a model line, the model is the settings' default instead.
 */
function withModel(document: SongDocument, model: string | undefined): SongDocument {
  const entry = songField(document, 'model');
  if (model === undefined || entry === undefined) return document;
  const { start, end } = entry.valueSpan;
  return parseSongDocument(`${document.text.slice(0, start)}${formatFrontMatterValue(model)}${document.text.slice(end)}`);
}

/** Prints every problem of the song; throws InvalidInputError when one of them stops the submit. */
function judge(song: ReadSong, settings: SongSettings, input: SongInput): void {
  const problems = validateSong(song.document, settings, english, input.templateLanguages);
  printProblems(song.source, problems, input.err);
  if (hasBlockingProblem(problems)) {
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    throw new InvalidInputError(`${song.source.name} has ${errors === 1 ? 'an error' : `${errors} errors`}: nothing was submitted.`);
  }
}

function printProblems(source: SongSource, problems: readonly SongProblem[], err: Print): void {
  for (const line of songProblemLines(source.name, source.text, problems)) err(line);
}

function bodyOrRefuse<T>(result: BodyResult<T>): T {
  if (result.ok) return result.body;
  throw new InvalidInputError(`${terminalLine(result.reason)} Nothing was submitted.`);
}

function modelFrom(option: string | undefined): string | undefined {
  if (option === undefined) return undefined;
  const model = option.trim();
  if (!isModelId(model)) {
    throw new UsageError(`--model needs a model id (one word of letters, digits, '.', '_', ':', '+', '/' and '-'), not '${terminalLine(model).slice(0, 40)}'.`);
  }
  return model;
}

/** A task id, or the one task id in a pasted fetch URL or submit answer, as `fetch` takes them. */
function taskIdFrom(argument: string): string {
  const ids = extractTaskIds(argument);
  const problem = validateTaskIdInput(argument);
  if (problem !== null || ids.length !== 1) throw new UsageError(terminalLine(problem ?? 'give one task id to extend.'));
  return ids[0];
}
