/**
 * Whether sending the API key to a gateway would put it on the network in clear text: a plain
 * `http://` base URL whose host is neither this machine nor a private network address. Over such
 * a URL anyone on the way can read the key, so the key is sent only after the user said so
 * explicitly (the CLI's `--allow-insecure-http`).
 *
 * Host names other than `localhost` are not resolved: a name may point anywhere, so it counts as
 * remote. No Node imports: this runs in a browser worker as well.
 */

/** True when `baseUrl` is plain http to a host that is not loopback or a private address. */
export function sendsKeyInClearText(baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:') return false;
  return !isLocalHost(url.hostname);
}

/** Loopback (`localhost`, 127/8, ::1) or a private or link-local address (RFC 1918, RFC 4193). */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (ipv4 !== null) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (host.includes(':')) {
    // The URL parser spells IPv6 canonically: `::1`, `fd12:…`, `fe80::…`.
    return host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
  }
  return false;
}
