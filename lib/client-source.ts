import { createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';

/**
 * The network a client address stands for: an IPv4 address as it is, an IPv6 address as its /64
 * prefix. One subscriber usually holds a whole /64, so rotating the lower 64 bits must not buy a
 * fresh sign-in budget or a fresh lock-out count.
 */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  const bare = address.split('%')[0];
  if (!isIPv6(bare)) return address;
  // Groups before and after "::" (an embedded dotted IPv4 tail stands for two groups).
  const groups = (part: string) =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : [];
  const [head, tail] = bare.includes('::') ? bare.split('::') : [bare, null];
  const before = groups(head);
  const after = tail === null ? [] : groups(tail);
  const full =
    tail === null ? before : [...before, ...Array(8 - before.length - after.length).fill('0'), ...after];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * The client's network as the subgraphs see it: a keyed hash (domain-separated from the other
 * uses of the secret), so no address reaches the
 * subgraphs, their store keys or their logs in clear, and a subgraph cannot be fed a chosen
 * network without the shared secret. The gateway puts it in the signed actor context of mutations.
 */
export function clientSource(address: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`client-source\n${clientNetwork(address)}`)
    .digest('base64url')
    .slice(0, 22);
}
