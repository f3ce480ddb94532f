/**
 * Which hosts are local: loopback, private and link-local addresses, and the names reserved
 * for them. One list for the `localhost-link` audit (a URL readers cannot reach) and for the
 * checker, which does not request such addresses unless asked (a page must not make the
 * build probe the network it runs in).
 */
import { BlockList, isIP } from 'node:net';

/**
 * Note: `net.BlockList` matches IPv4 and IPv6 ranges, IPv4-mapped IPv6 (`::ffff:10.0.0.1`)
 * included, so no address arithmetic is written here.
 */
const localRanges = new BlockList();
// IPv4: "this network" (0.0.0.0/8), loopback, RFC 1918 private ranges, link-local, and the
// shared address space of carrier-grade NAT (also used by VPNs such as Tailscale): none is
// reachable from the public internet.
localRanges.addSubnet('0.0.0.0', 8, 'ipv4');
localRanges.addSubnet('127.0.0.0', 8, 'ipv4');
localRanges.addSubnet('10.0.0.0', 8, 'ipv4');
localRanges.addSubnet('172.16.0.0', 12, 'ipv4');
localRanges.addSubnet('192.168.0.0', 16, 'ipv4');
localRanges.addSubnet('169.254.0.0', 16, 'ipv4');
localRanges.addSubnet('100.64.0.0', 10, 'ipv4');
// IPv6: unspecified, loopback, unique local (fc00::/7), link-local (fe80::/10).
localRanges.addAddress('::', 'ipv6');
localRanges.addAddress('::1', 'ipv6');
localRanges.addSubnet('fc00::', 7, 'ipv6');
localRanges.addSubnet('fe80::', 10, 'ipv6');

/**
 * Names that never leave the machine or the local network: `localhost` and `*.localhost`
 * (RFC 6761), `*.local` (multicast DNS, RFC 6762), `*.home.arpa` (RFC 8375) and `*.internal`
 * (reserved for private use by ICANN in 2024).
 */
const localNames = /(^|\.)(localhost|local|home\.arpa|internal)\.?$/;

/** Whether an IP address (IPv4 or IPv6, without brackets) is loopback, private or link-local. */
export function isLocalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return localRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Why a URL's host is local, or null when it is not: `'loopback or private address'` for IP
 * literals in those ranges, `'local host name'` for `localhost` and the reserved local names.
 * @param hostname as `URL.hostname` gives it (IPv6 in brackets, lower case)
 */
export function describeLocalHost(hostname: string): string | null {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (isIP(bare) !== 0) return isLocalAddress(bare) ? 'a loopback or private address' : null;
  return localNames.test(bare) ? 'a local host name' : null;
}
