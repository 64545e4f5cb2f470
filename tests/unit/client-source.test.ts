import { clientNetwork, clientSource } from '../../lib/client-source';

/** Issue 12: per-source sign-in lock-outs and budgets are per network, never in clear. */
describe('S1 client sources', () => {
  it('S1 an IPv6 /64 is one network; IPv4 (also mapped into IPv6) is one address', () => {
    expect(clientNetwork('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:0db8:0001:0002:ffff::9%eth0')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientNetwork('203.0.113.9')).toBe('203.0.113.9');
    expect(clientNetwork('unknown')).toBe('unknown');
  });

  it('S1 the source is a keyed hash of the network: no address in clear, other secrets other sources', () => {
    const a = clientSource('2001:db8:1:2::1', 'secret-1');
    expect(a).toBe(clientSource('2001:db8:1:2:ffff::7', 'secret-1'));
    expect(a).not.toBe(clientSource('2001:db8:1:3::1', 'secret-1'));
    expect(a).not.toBe(clientSource('2001:db8:1:2::1', 'secret-2'));
    expect(clientSource('203.0.113.9', 'secret-1')).toMatch(/^[\w-]{22}$/);
  });
});
