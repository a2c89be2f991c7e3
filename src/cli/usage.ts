import { DEFAULT_BASE_URL } from '../core/gateway/baseUrl';
import { ID_RULE_TEXT } from '../core/task/idRules';
import { DEFAULT_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from '../core/polling/pollInterval';

/** The `suno-task --help` text. */
export const USAGE = `suno-task — fetch and watch Suno tasks on an API gateway (gpt.ge, CometAPI, new-api …)

Usage:
  suno-task fetch <id>... [--base-url URL] [--json | --raw] [--verbose] [--allow-insecure-http]
  suno-task watch <id>... [--base-url URL] [--interval SECONDS] [--json] [--verbose] [--allow-insecure-http]
  suno-task help | --help | -h
  suno-task --version

Commands:
  fetch   Fetch each task once and print it. Several ids go in batch requests of up to 100.
  watch   Poll until every task has finished, printing a line whenever one changes.

An <id> may be a bare task id, a .../suno/fetch/<id> URL or the JSON a submit call returned.
Task ids are ${ID_RULE_TEXT}.
Every <id> given gets a line of its own; one that holds no task id gets an invalid_input
line and is not sent.

Options:
  --base-url URL       The gateway's address (default: $SUNO_BASE_URL, else ${DEFAULT_BASE_URL}).
                       A pasted /v1 or /suno/fetch on the end is ignored.
  --json               One JSON object per line: the task, or
                       {"id": "...", "error": {"kind": "...", "message": "...", "httpStatus": 401}}.
  --raw                (fetch) Print the gateway's answer body exactly as it came.
  --interval SECONDS   (watch) Seconds between polls: at least ${MIN_POLL_INTERVAL_SECONDS}, default ${DEFAULT_POLL_INTERVAL_SECONDS}.
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
  0  fetch: every id was fetched (whatever its status); watch: every task succeeded.
  1  an id could not be fetched or was no task id, or (watch) a task failed or the key
     was refused.
  2  the command line was wrong (nothing was sent).
`;
