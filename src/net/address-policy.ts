/**
 * Which addresses the bot may fetch from on a user's behalf. Only global
 * unicast is allowed: loopback (127.0.0.0/8, ::1), private (10/8, 172.16/12,
 * 192.168/16), link-local (169.254/16 — cloud metadata lives at
 * 169.254.169.254 — and fe80::/10), unique-local (fc00::/7), carrier-grade
 * NAT (100.64/10, also a metadata range on some clouds), unspecified,
 * multicast, broadcast, reserved, and IPv6 forms that embed an IPv4 address
 * (IPv4-mapped, 6to4, NAT64, Teredo) are refused. ipaddr.js classifies.
 *
 * @example
 * forbiddenRange('169.254.169.254'); // 'linkLocal'
 * forbiddenRange('93.184.216.34');   // null
 */
import ipaddr from 'ipaddr.js';

/** A decision on one address: null = allowed, else the name of the range that forbids it. */
export type AddressPolicy = (ip: string) => string | null;

/** The range name when `ip` is not a global unicast address (or not an address at all). */
export const forbiddenRange: AddressPolicy = (ip) => {
  if (!ipaddr.isValid(ip)) return 'invalid';
  const range = ipaddr.process(ip).range();
  return range === 'unicast' ? null : range;
};

export const allowAll: AddressPolicy = () => null;
