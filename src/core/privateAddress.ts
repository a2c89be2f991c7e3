/**
 * Whether a host is this machine or a private network, where plain `http://` does not expose
 * what is sent to the internet: loopback (`localhost`, 127.0.0.0/8, ::1), private IPv4 ranges
 * (10/8, 172.16/12, 192.168/16), link-local (169.254/16, fe80::/10) and IPv6 unique local
 * addresses (fc00::/7). Any other name could resolve anywhere, so it counts as public.
 */
export function isLoopbackOrPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const ipv4 = parseIpv4(host);
  if (ipv4 !== undefined) return isPrivateIpv4(ipv4);
  if (!host.includes(':')) return false;
  if (host === '::1') return true;
  const mapped = mappedIpv4(host);
  if (mapped !== undefined) return isPrivateIpv4(mapped);
  const firstGroup = Number.parseInt(host.split(':')[0] || '0', 16);
  // fc00::/7 (unique local) and fe80::/10 (link-local).
  return (firstGroup & 0xfe00) === 0xfc00 || (firstGroup & 0xffc0) === 0xfe80;
}

function parseIpv4(host: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return undefined;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

/** `::ffff:10.0.0.1`, which URL parsing writes `::ffff:a00:1`. */
function mappedIpv4(host: string): number[] | undefined {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
  if (dotted !== undefined) return parseIpv4(dotted);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!hex) return undefined;
  const high = Number.parseInt(hex[1], 16);
  const low = Number.parseInt(hex[2], 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff];
}

function isPrivateIpv4([a, b]: number[]): boolean {
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/** True for a plain-http URL whose host is not local or private: what is sent travels readable. */
export function isUnencryptedRemoteUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'http:' && !isLoopbackOrPrivateHost(parsed.hostname);
}
