/**
 * Retry-After, read and bounded. The bound is applied by the poller's schedule at activation; the
 * header is read only when a 429 is turned into its error (`responseErrors.ts`).
 */

/**
 * The longest wait a Retry-After can impose: an hour. A gateway that asks for more (a year-9999
 * date, 99999999 seconds, milliseconds sent as seconds) is either confused or gone for the day;
 * asking again after an hour costs one request, waiting for its figure could cost days.
 */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/** The three forms of HTTP-date (RFC 9110 §5.6.7); anything else is not read as a date. */
const IMF_OR_RFC850_DATE = /^[A-Za-z]{3,9}, \d{1,2}[ -][A-Za-z]{3}[ -]\d{2,4} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME_DATE = /^[A-Za-z]{3} [A-Za-z]{3} {1,2}\d{1,2} \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * Retry-After as milliseconds from `now`: either delta-seconds or an HTTP date, at most
 * `MAX_RETRY_AFTER_MS`. Null when the header is absent or unreadable (negative numbers, other
 * date formats, garbage: JavaScript's lenient date parser would read "12" as the year 2001);
 * never negative, a date in the past is 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(trimmed) * 1000));
  let date = Number.NaN;
  if (IMF_OR_RFC850_DATE.test(trimmed)) date = Date.parse(trimmed);
  // asctime carries no zone; HTTP dates are always GMT, not the host's local time.
  else if (ASCTIME_DATE.test(trimmed)) date = Date.parse(`${trimmed} GMT`);
  if (Number.isNaN(date)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now.getTime()));
}
