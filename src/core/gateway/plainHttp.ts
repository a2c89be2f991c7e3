/**
 * Whether sending the API key to a gateway would put it on the network in clear text: a plain
 * `http://` base URL whose host is not this machine or the user's own network (hostReach.ts).
 * Over such a URL anyone on the way can read the key, so the key is sent only after the user
 * said so explicitly (the CLI's `--allow-insecure-http`, a confirmation in the editor).
 *
 * No Node imports: this runs in a browser worker as well.
 */

import { staysOnOwnNetwork } from '../hostReach';

/** True when `baseUrl` is plain http to a host that is not loopback or a private address. */
export function sendsKeyInClearText(baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && !staysOnOwnNetwork(url.hostname);
}
