import { DEFAULT_BASE_URL } from '../core/gateway/baseUrl';
import { ID_RULE_TEXT } from '../core/task/idRules';
import { DEFAULT_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '../core/polling/pollInterval';
import { DEFAULT_MODEL_ID } from '../core/song/modelId';
import { MAX_SONG_BYTES } from './songSource';

/** The `suno-task --help` text. */
export const USAGE = `suno-task — create, fetch and watch Suno tasks on an API gateway (gpt.ge, CometAPI, new-api …)

Usage:
  suno-task fetch <id>... [--base-url URL] [--json | --raw] [--verbose] [--allow-insecure-http]
  suno-task watch <id>... [--base-url URL] [--interval SECONDS] [--json] [--verbose] [--allow-insecure-http]
  suno-task submit FILE [--model M] [--base-url URL] [--json] [--watch] [--verbose] [--allow-insecure-http]
  suno-task submit --describe "TEXT" [--instrumental] [--model M] [--json] [--watch] ...
  suno-task submit --lyrics "TEXT" [--json] [--watch] ...
  suno-task extend TASK_ID CLIP_ID --at SECONDS [FILE] [--json] [--watch] ...
  suno-task help | --help | -h
  suno-task --version

Commands:
  fetch   Fetch each task once and print it. Several ids go in batch requests of up to 100.
  watch   Poll until every task has finished, printing a line whenever one changes.
  submit  Create a song from a song document (.suno; - reads it from standard input, at most
          ${MAX_SONG_BYTES} bytes), from a description, or lyrics from a prompt. Prints the new
          task's id. The document is checked first, as the editor checks it: each problem is
          printed as FILE:LINE:COLUMN: error|warning|info: message, and an error sends nothing.
  extend  Continue clip CLIP_ID of task TASK_ID from --at SECONDS into it, with the lyrics,
          style and title of FILE if given (else the clip's style and title). Only the gateway
          and key that created the task accept it.

A submit spends credits on the gateway and is never repeated by suno-task. When its answer is
lost (a timeout, a dropped connection) it may still have been accepted: check the gateway's
task list before submitting again.

An <id> may be a bare task id, a .../suno/fetch/<id> URL or the JSON a submit call returned.
Task ids are ${ID_RULE_TEXT}.
Every <id> given gets a line of its own; one that holds no task id gets an invalid_input
line and is not sent.

Options:
  --base-url URL       The gateway's address (default: $SUNO_BASE_URL, else ${DEFAULT_BASE_URL}).
                       A pasted /v1 or /suno/fetch on the end is ignored.
  --json               One JSON object per line: the task, or
                       {"id": "...", "error": {"kind": "...", "message": "...", "httpStatus": 401}}.
                       (submit, extend) {"id": "...", "action": "music" | "lyrics", "baseUrl": "..."},
                       or {"error": {"kind": "...", "message": "...", "httpStatus": 403}}.
  --raw                (fetch) Print the gateway's answer body exactly as it came.
  --interval SECONDS   (watch, --watch) Seconds between polls: at least ${MIN_POLL_INTERVAL_SECONDS}, default ${DEFAULT_POLL_INTERVAL_SECONDS}.
  --model M            (submit) The model (sent as mv), over the document's "model:" line;
                       default ${DEFAULT_MODEL_ID}. Any id the gateway knows may be given.
  --describe "TEXT"    (submit) The model writes the lyrics from this description.
  --instrumental       (submit --describe) A song without vocals.
  --lyrics "TEXT"      (submit) Write lyrics only, about TEXT.
  --at SECONDS         (extend) Where in the clip the continuation starts, in seconds (80, not 1:20).
  --watch              (submit, extend) Then follow the new task as watch does.
  --verbose            Log every HTTP request (method, URL, status, time) to stderr.
  --allow-insecure-http
                       Send the key over plain http:// to a host that is not this machine or a
                       private network address. Refused without this flag: anyone on the way
                       could read the key.
  -h, --help           Show this help.
  --version            Show the version.

Environment:
  SUNO_API_KEY         The gateway API key, sent as "Authorization: Bearer <key>". Never printed.
  SUNO_BASE_URL        The gateway's address when --base-url is not given.

Exit status:
  0  fetch: every id was fetched (whatever its status); watch: every task succeeded;
     submit, extend: the gateway accepted it (with --watch: and the task succeeded).
  1  an id could not be fetched or was no task id, or (watch) a task failed or the key
     was refused, or (submit, extend) the gateway refused the submit or its outcome is unknown.
  2  the command line or the song document was wrong (nothing was sent).
`;
