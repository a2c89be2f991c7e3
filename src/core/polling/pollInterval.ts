/**
 * How often a gateway may be asked about its tasks. The extension's setting, the CLI's
 * `--interval` and the poller all read these figures from here; package.json's
 * `suno.pollIntervalSeconds` repeats them, and a unit test keeps the two in step.
 */

/** Gateways refresh their task data about every 15 s: polling faster than 5 s shows nothing new. */
export const MIN_POLL_INTERVAL_SECONDS = 5;
/** One poll per refresh of the gateway's own data. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 15;
/** Hand-edited values above this would look like polling stopped; an hour is plenty. */
export const MAX_POLL_INTERVAL_SECONDS = 3600;

/** Nothing polls faster than this, whatever the settings say. */
export const MIN_POLL_INTERVAL_MS = MIN_POLL_INTERVAL_SECONDS * 1000;
/** Used when the interval setting is not a usable number. */
export const DEFAULT_POLL_INTERVAL_MS = DEFAULT_POLL_INTERVAL_SECONDS * 1000;
