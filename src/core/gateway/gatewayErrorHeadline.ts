/**
 * A gateway error in one translated sentence: what happened and what to do, decided by its kind
 * (and its HTTP status where that says more). The core's own messages are English sentences
 * built from URLs, statuses and the gateway's words; an adapter showing VS Code in another
 * language puts this headline first and keeps that message as the details, so that nothing the
 * gateway said is lost and the user still reads what to do in their language.
 */

import type { GatewayError } from '../gatewayError';
import type { Localize } from '../localize';
import { crossOriginRefusalMessage } from './crossOriginRefusal';

export function gatewayErrorHeadline(error: GatewayError, localize: Localize): string {
  switch (error.kind) {
    case 'auth':
      if (error.reason === 'unsendable_key') {
        return localize('The API key cannot be sent: it contains spaces, line breaks or other characters a key never has. Paste it again.');
      }
      return error.httpStatus === null
        ? localize('No API key is set for this gateway: set the key the gateway gave you.')
        : localize('The gateway refused the API key: set a new key.');
    case 'not_found':
      return localize('The gateway does not know this task: check the id, and that it was submitted with this API key on this gateway.');
    case 'rate_limited':
      return localize('The gateway is limiting requests: it is asked again later.');
    case 'server':
      return localize('The gateway had trouble: this usually passes.');
    case 'bad_response':
      return localize('The gateway did not answer like a Suno gateway: the base URL may be wrong.');
    case 'network':
      // The browser refused to let us read a gateway that did answer: it was reached.
      if (error.reason === 'cross_origin' && error.url !== null) return crossOriginRefusalMessage(error.url, localize);
      return localize('The gateway could not be reached: check the address and the connection.');
    case 'timeout':
      return localize('The gateway did not answer in time.');
    case 'invalid_input':
      return localize('The request could not be sent as it is.');
    case 'quota':
      return localize("The gateway account's balance is too low: top it up on the gateway's site, then submit again. The API key is fine.");
    case 'outcome_unknown': {
      // The money comes first: whatever the cause, a second submit may be charged again.
      const warning = localize(
        'The gateway may or may not have accepted the submit: check its console or task list before submitting again, since a second submit is charged again.',
      );
      return error.reason === 'cross_origin' && error.url !== null ? `${warning} ${crossOriginRefusalMessage(error.url, localize)}` : warning;
    }
  }
}
