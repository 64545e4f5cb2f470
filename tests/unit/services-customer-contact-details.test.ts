import type { Actor } from '../../lib/actor';
import { contactFor, maskDestination } from '../../subgraphs/customer/services/contact-details';

const user = (role: 'MANAGER' | 'AUTHORIZED_USER'): Actor => ({
  kind: 'customerUser',
  userId: 'U-1',
  customerId: 'C-1',
  role,
  sessionId: 'S',
  grants: [],
});
const holder = { email: 'ada@x.net', phone: '+358401234567' };
const masked = { email: 'a***@x.net', phone: '+35********67' };

describe('contact details (S6)', () => {
  it('S6: masks an address to its first letter and domain, a number to its ends', () => {
    expect(maskDestination('ada@x.net')).toBe('a***@x.net');
    expect(maskDestination('+358401234567')).toBe('+35********67');
    expect(maskDestination('+35840')).toBe('+35*40');
    // Too short to hide anything: nothing is repeated a negative number of times.
    expect(maskDestination('1234')).toBe('12334');
    // An "@" first is no address.
    expect(maskDestination('@xyz12')).toBe('@xy*12');
  });

  it('S6: the holder and the manager see the details in full', () => {
    expect(contactFor(user('AUTHORIZED_USER'), holder, true)).toEqual(holder);
    expect(contactFor(user('MANAGER'), holder, false)).toEqual(holder);
  });

  it('S6: everyone else sees them masked', () => {
    expect(contactFor(user('AUTHORIZED_USER'), holder, false)).toEqual(masked);
    expect(contactFor({ kind: 'staff', userId: 'MANAGER', sessionId: 'S' }, holder, false)).toEqual(masked);
    expect(contactFor({ kind: 'anonymous' }, holder, false)).toEqual(masked);
  });
});
