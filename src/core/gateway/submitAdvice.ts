/**
 * The next step after a submit failed in a way only a submit can: said once, here, so that the
 * core's messages and every adapter (notifications, the tracker, the CLI) say the same thing.
 * Both matter for money: a low balance is no key problem (nothing to do with the key, and never a
 * reason to pause polling), and a lost answer may have been charged.
 */

import type { GatewayError } from '../gatewayError';

export const QUOTA_ADVICE = "The gateway account's balance is too low: top it up on the gateway's site, then submit again. The API key is fine.";

export const OUTCOME_UNKNOWN_ADVICE =
  "The gateway may or may not have accepted the submit: check its console or task list before submitting again, since a second submit is charged again.";

/** The advice `error` calls for and its message does not carry yet, or null. */
export function submitAdviceFor(error: GatewayError): string | null {
  const advice = error.kind === 'quota' ? QUOTA_ADVICE : error.kind === 'outcome_unknown' ? OUTCOME_UNKNOWN_ADVICE : null;
  return advice === null || error.message.includes(advice) ? null : advice;
}
