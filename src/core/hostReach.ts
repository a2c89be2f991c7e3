/**
 * How far away a host is, judged from its name alone: this machine, a link on the local segment,
 * a private network, or the internet. A gateway on the internet must not make the extension
 * reach into the user's machine or network (its media URLs could point at a router's admin page
 * or a cloud metadata service), so media and downloads are only fetched from hosts at least as
 * far away as the gateway itself.
 *
 * The same judgement answers a second question, whether what is sent to a host stays on this
 * machine or the user's own network (so a key may go there over plain http). The two part where
 * an address is near without the path to it being the user's: see `staysOnOwnNetwork`.
 *
 * Only literal addresses and reserved names are recognised; an ordinary DNS name counts as the
 * internet (names are not resolved here). This file imports nothing: the panel's page bundles it.
 */

export type HostReach = 'loopback' | 'link-local' | 'private' | 'public';

/** Nearest first: a host may reach what is as far away as itself or farther. */
const REACH_ORDER: readonly HostReach[] = ['loopback', 'link-local', 'private', 'public'];

interface HostJudgement {
  readonly reach: HostReach;
  /**
   * Whether the way to the host is this machine or a network the user is on. False for the
   * internet, and for hosts that are near but reached through someone else's network or known
   * only by a name whoever answers first may claim.
   */
  readonly ownNetwork: boolean;
}

const PUBLIC: HostJudgement = { reach: 'public', ownNetwork: false };

/**
 * The reach of a URL host as `URL.hostname` spells it (lower case; IPv4 in dotted decimal even
 * when written `2130706433` or `0x7f.1`; IPv6 in brackets and compressed).
 */
export function hostReach(hostname: string): HostReach {
  return judgeHost(hostname).reach;
}

/**
 * Whether what is sent to the host (spelled as `hostReach` takes it) stays on this machine or the
 * user's own network: loopback, link-local and private addresses. Stricter than `hostReach` is
 * near: carrier-grade NAT addresses (100.64.0.0/10) lie on the carrier's network, IPv4 inside
 * the compatible or NAT64 forms of IPv6 goes out through a translator, and a `.local` name is
 * answered by any device on the link that claims it.
 */
export function staysOnOwnNetwork(hostname: string): boolean {
  return judgeHost(hostname).ownNetwork;
}

/** The reach of a URL's host, or null when it is not a URL with a host. */
export function urlReach(url: string): HostReach | null {
  try {
    const { hostname } = new URL(url);
    return hostname === '' ? null : hostReach(hostname);
  } catch {
    return null;
  }
}

/** Whether something the gateway at `gatewayUrl` names may be fetched from `targetUrl`. */
export function isReachableFromGateway(targetUrl: string, gatewayUrl: string): boolean {
  const target = urlReach(targetUrl);
  const gateway = urlReach(gatewayUrl);
  if (target === null || gateway === null) return false;
  return REACH_ORDER.indexOf(target) >= REACH_ORDER.indexOf(gateway);
}

function judgeHost(hostname: string): HostJudgement {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return { reach: 'loopback', ownNetwork: true };
  if (host.startsWith('[') && host.endsWith(']')) return ipv6Judgement(host.slice(1, -1));
  const ipv4 = parseIpv4(host);
  if (ipv4 !== null) return ipv4Judgement(ipv4);
  // mDNS names only resolve on the local network.
  if (host.endsWith('.local')) return { reach: 'private', ownNetwork: false };
  return PUBLIC;
}

function parseIpv4(host: string): [number, number, number, number] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (match === null) return null;
  const parts = match.slice(1).map(Number);
  return parts.every((part) => part <= 255) ? (parts as [number, number, number, number]) : null;
}

function ipv4Judgement([a, b]: [number, number, number, number]): HostJudgement {
  // 0.0.0.0/8 "this network": connecting to 0.0.0.0 reaches this machine on most systems.
  if (a === 127 || a === 0) return { reach: 'loopback', ownNetwork: true };
  if (a === 169 && b === 254) return { reach: 'link-local', ownNetwork: true };
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return { reach: 'private', ownNetwork: true };
  // Carrier-grade NAT (100.64.0.0/10): not the internet either, but the carrier's network.
  if (a === 100 && b >= 64 && b <= 127) return { reach: 'private', ownNetwork: false };
  return PUBLIC;
}

function ipv6Judgement(address: string): HostJudgement {
  if (address === '::1' || address === '::') return { reach: 'loopback', ownNetwork: true };
  // An IPv4 address inside IPv6 is judged as that IPv4: mapped (`::ffff:7f00:1`, as the URL
  // parser writes ::ffff:127.0.0.1), the old "compatible" form (`::7f00:1`) and NAT64's
  // well-known prefix (`64:ff9b::7f00:1`). Only the mapped form stays on this machine's own
  // IPv4 stack; the others leave it for whatever routes or translates them.
  const embedded = /^(::ffff:|::|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (embedded !== null) {
    const high = parseInt(embedded[2], 16);
    const low = parseInt(embedded[3], 16);
    const ipv4 = ipv4Judgement([high >> 8, high & 0xff, low >> 8, low & 0xff]);
    return embedded[1] === '::ffff:' ? ipv4 : { reach: ipv4.reach, ownNetwork: false };
  }
  const first = parseInt(address.split(':')[0] || '0', 16);
  if ((first & 0xffc0) === 0xfe80) return { reach: 'link-local', ownNetwork: true };
  // Unique local addresses (fc00::/7) and the deprecated site-local ones (fec0::/10).
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfec0) return { reach: 'private', ownNetwork: true };
  return PUBLIC;
}
