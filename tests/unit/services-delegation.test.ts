import type { Grant } from '../../lib/authz/grants';
import { delegationSource, type ScopedService } from '../../subgraphs/customer/services/delegation';

function held(over: Partial<Grant> = {}): Grant {
  return {
    id: 'GR-1',
    customerId: 'C-1',
    granteeId: 'U-AU',
    grantedBy: 'U-M',
    capabilities: ['usage.view', 'fault.report'],
    scopeKind: 'SERVICES',
    scopeIds: ['SVC-1', 'SVC-2'],
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    revokedAt: null,
    derivedFrom: null,
    state: 'ACTIVE',
    endedAt: null,
    endedBy: null,
    ...over,
  };
}

const svc1: ScopedService = { id: 'SVC-1', accountId: 'ACC-1' };
const svc2: ScopedService = { id: 'SVC-2', accountId: 'ACC-1' };
const svc3: ScopedService = { id: 'SVC-3', accountId: 'ACC-2' };

describe('R2: delegation source (non-propagation)', () => {
  it('uses the one grant carrying every function over every service, open-ended like it', () => {
    const g = held();
    expect(delegationSource([g], ['usage.view', 'fault.report'], [svc1, svc2], null)).toEqual({
      source: g,
      validUntil: null,
    });
  });

  it('refuses functions the user does not hold over every service, naming them as the API does', () => {
    const result = delegationSource([held()], ['usage.view', 'billing.view'], [svc1], null);
    expect(result).toEqual({
      refused: 'NON_PROPAGATION',
      message:
        'You can only enable functions you hold yourself over every service named; you do not hold BILLING_VIEW.',
    });
    expect(delegationSource([held()], ['usage.view', 'fault.report'], [svc1, svc3], null)).toMatchObject({
      refused: 'NON_PROPAGATION',
      message: expect.stringContaining('you do not hold USAGE_VIEW, FAULT_REPORT.'),
    });
  });

  it('judges an ACCOUNT grant by the service account, a SERVICES grant by the service id', () => {
    const account = held({ scopeKind: 'ACCOUNT', scopeIds: ['ACC-1'] });
    expect(delegationSource([account], ['usage.view'], [svc1, svc2], null)).toMatchObject({
      source: account,
    });
    expect(delegationSource([account], ['usage.view'], [svc3], null)).toMatchObject({
      refused: 'NON_PROPAGATION',
    });
    const byId = held({ scopeIds: ['ACC-1'] });
    expect(delegationSource([byId], ['usage.view'], [svc1], null)).toMatchObject({
      refused: 'NON_PROPAGATION',
    });
  });

  it('asks to split a request no single grant covers', () => {
    const a = held({ id: 'GR-A', capabilities: ['usage.view'] });
    const b = held({ id: 'GR-B', capabilities: ['fault.report'] });
    expect(delegationSource([a, b], ['usage.view', 'fault.report'], [svc1], null)).toEqual({
      refused: 'INVALID_REQUEST',
      message:
        'No single authorization of yours holds all these functions over all these services; split the request.',
    });
    const c = held({ id: 'GR-C', scopeIds: ['SVC-1'] });
    const d = held({ id: 'GR-D', scopeIds: ['SVC-2'] });
    expect(delegationSource([c, d], ['usage.view'], [svc1, svc2], null)).toMatchObject({
      refused: 'INVALID_REQUEST',
    });
  });

  it('picks the longest-living source, the first on a tie', () => {
    const short = held({ id: 'GR-S', validUntil: '2026-06-01T00:00:00.000Z' });
    const long = held({ id: 'GR-L', validUntil: '2026-12-01T00:00:00.000Z' });
    const open = held({ id: 'GR-O' });
    const open2 = held({ id: 'GR-O2' });
    expect(delegationSource([short, long], ['usage.view'], [svc1], null)).toEqual({
      source: long,
      validUntil: new Date('2026-12-01T00:00:00.000Z'),
    });
    expect(delegationSource([long, short], ['usage.view'], [svc1], null)).toMatchObject({ source: long });
    expect(delegationSource([long, open, short], ['usage.view'], [svc1], null)).toMatchObject({
      source: open,
    });
    expect(delegationSource([open, open2], ['usage.view'], [svc1], null)).toMatchObject({ source: open });
    const tie = held({ id: 'GR-T', validUntil: '2026-12-01T00:00:00.000Z' });
    expect(delegationSource([long, tie], ['usage.view'], [svc1], null)).toMatchObject({ source: long });
  });

  it('keeps an earlier or equal requested end and refuses a later one', () => {
    const g = held({ validUntil: '2026-06-01T00:00:00.000Z' });
    const earlier = new Date('2026-05-01T00:00:00.000Z');
    expect(delegationSource([g], ['usage.view'], [svc1], earlier)).toEqual({
      source: g,
      validUntil: earlier,
    });
    const same = new Date('2026-06-01T00:00:00.000Z');
    expect(delegationSource([g], ['usage.view'], [svc1], same)).toEqual({ source: g, validUntil: same });
    expect(delegationSource([g], ['usage.view'], [svc1], new Date('2026-06-01T00:00:00.001Z'))).toEqual({
      refused: 'NON_PROPAGATION',
      message: 'Your own authorization ends at 2026-06-01T00:00:00.000Z; what you enable cannot last longer.',
    });
  });

  it('lets an open-ended source give any requested end', () => {
    const g = held();
    const until = new Date('2030-01-01T00:00:00.000Z');
    expect(delegationSource([g], ['usage.view'], [svc1], until)).toEqual({ source: g, validUntil: until });
  });
});
