import { buildSchema, graphql, type GraphQLFormattedError } from 'graphql';
import type { Actor, GrantClaim } from '../../lib/actor';
import { ANONYMOUS } from '../../lib/actor';
import type { Target } from '../../lib/authz/decisions';
import { notFound } from '../../lib/errors';
import {
  allow,
  holds,
  isManager,
  isPartnerWith,
  isSignedIn,
  ofOwnCustomer,
  onParent,
  protect,
} from '../../lib/authz/shield';

/** A tiny schema, protected like a subgraph's, executed in-process: no server, no port. */
const sdl = /* GraphQL */ `
  type Query {
    open: String
    signedIn: String
    manager: String
    holdsCheck: String
    holdsBilling: String
    partner: String
    partnerOrders: String
    missing: String
    unlisted: String
    service(id: ID!): Service
  }
  type Service {
    id: ID!
    status: String
    usage: String
    visible: String
    owner: String
    ownerAgain: String
    lost: String
  }
`;

interface Svc {
  id: string;
  customerId: string;
  accountId: string;
}
const target = (s: Svc): Target => ({ customerId: s.customerId, accountId: s.accountId, serviceId: s.id });

const schema = protect(buildSchema(sdl), {
  Query: {
    open: allow,
    signedIn: isSignedIn,
    manager: isManager,
    holdsCheck: holds('service.check'),
    holdsBilling: holds('billing.view'),
    partner: isPartnerWith('usage:read'),
    partnerOrders: isPartnerWith('orders:read'),
    missing: allow,
    service: allow,
  },
  Service: {
    id: allow,
    status: onParent<Svc>('TestService', 'service.check', target),
    usage: onParent<Svc>('TestService', ['usage.view', 'billing.view'], async (s) => target(s)),
    visible: onParent<Svc>('TestService', null, target),
    owner: ofOwnCustomer<Svc>('TestService', (s) => s.customerId),
    ownerAgain: ofOwnCustomer<Svc>('TestServiceAgain', (s) => s.customerId),
    lost: onParent<Svc>('TestServiceLost', null, () => null),
  },
});

const rootValue = {
  open: 'o',
  signedIn: 's',
  manager: 'm',
  holdsCheck: 'h',
  holdsBilling: 'b',
  partner: 'p',
  partnerOrders: 'po',
  missing: () => {
    throw notFound('Order', 'O-1');
  },
  unlisted: 'u',
  service: ({ id }: { id: string }) => ({
    id,
    customerId: id === 'SVC-X' ? 'C-2' : 'C-1',
    accountId: 'ACC-1',
    status: 'ACTIVE',
    usage: '12 min',
    visible: 'yes',
    owner: 'C-1',
    lost: 'never',
  }),
};

/** Field name -> error code (or null when the value came back). */
async function run(actor: Actor, query: string): Promise<Record<string, string | null>> {
  const result = await graphql({ schema, source: query, rootValue, contextValue: { actor } });
  const codes: Record<string, string | null> = {};
  const data = (result.data ?? {}) as Record<string, unknown>;
  const fields = data.service && typeof data.service === 'object' ? (data.service as object) : data;
  for (const key of Object.keys(fields)) codes[key] = null;
  for (const e of (result.errors ?? []) as readonly GraphQLFormattedError[])
    codes[String(e.path?.[e.path.length - 1])] = String(e.extensions?.code ?? 'NO_CODE');
  return codes;
}

function user(role: 'MANAGER' | 'AUTHORIZED_USER' | 'SSM_USER', grants: GrantClaim[] = []): Actor {
  return { kind: 'customerUser', userId: 'U-1', customerId: 'C-1', role, sessionId: 'S-1', grants };
}
const grant = (capabilities: string[], scopeIds = ['SVC-1']): GrantClaim => ({
  id: 'GR-1',
  capabilities,
  scopeKind: 'SERVICES',
  scopeIds,
  validUntil: null,
});
const staff: Actor = { kind: 'staff', userId: 'OP-1', sessionId: 'S-2' };
const partner = (scopes: string[]): Actor => ({ kind: 'partner', partnerId: 'P-1', clientId: 'c', scopes });

const ROOT = '{ open signedIn manager holdsCheck partner unlisted }';
const SERVICE = (id: string) => `{ service(id: "${id}") { id status usage visible owner lost } }`;

describe('S2: shield rules without data', () => {
  it('asks anonymous callers to sign in, and denies fields no rule lists', async () => {
    expect(await run(ANONYMOUS, ROOT)).toEqual({
      open: null,
      signedIn: 'UNAUTHENTICATED',
      manager: 'UNAUTHENTICATED',
      holdsCheck: 'UNAUTHENTICATED',
      partner: 'UNAUTHENTICATED',
      unlisted: 'FORBIDDEN',
    });
  });

  it('lets a manager through every customer rule but not the partner one', async () => {
    expect(await run(user('MANAGER'), ROOT)).toEqual({
      open: null,
      signedIn: null,
      manager: null,
      holdsCheck: null,
      partner: 'FORBIDDEN',
      unlisted: 'FORBIDDEN',
    });
  });

  it('lets other users through only where they hold the capability somewhere', async () => {
    expect(await run(user('AUTHORIZED_USER', [grant(['service.check'], ['SVC-9'])]), ROOT)).toMatchObject({
      signedIn: null,
      manager: 'FORBIDDEN',
      holdsCheck: null,
    });
    expect(await run(user('SSM_USER', [grant(['usage.view'])]), ROOT)).toMatchObject({
      signedIn: null,
      manager: 'FORBIDDEN',
      holdsCheck: 'FORBIDDEN',
    });
  });

  it('answers FORBIDDEN (not UNAUTHENTICATED) to staff and partners, who are signed in', async () => {
    expect(await run(staff, ROOT)).toMatchObject({
      signedIn: 'FORBIDDEN',
      manager: 'FORBIDDEN',
      holdsCheck: 'FORBIDDEN',
      partner: 'FORBIDDEN',
    });
  });

  it('R4: lets a partner holding the scope through, and no one else', async () => {
    expect(await run(partner(['usage:read']), ROOT)).toMatchObject({ partner: null, signedIn: 'FORBIDDEN' });
    expect(await run(partner(['orders:read']), ROOT)).toMatchObject({ partner: 'FORBIDDEN' });
  });
});

describe('S3: shield rules on parent objects', () => {
  it("lets a manager see their own customer's service", async () => {
    expect(await run(user('MANAGER'), SERVICE('SVC-1'))).toEqual({
      id: null,
      status: null,
      usage: null,
      visible: null,
      owner: null,
      lost: 'FORBIDDEN',
    });
  });

  it("refuses every object rule on another customer's service", async () => {
    expect(await run(user('MANAGER'), SERVICE('SVC-X'))).toMatchObject({
      status: 'FORBIDDEN',
      usage: 'FORBIDDEN',
      visible: 'FORBIDDEN',
      owner: 'FORBIDDEN',
    });
  });

  it('needs the capability over this very service; any one of several will do', async () => {
    const u = user('SSM_USER', [grant(['billing.view'])]);
    expect(await run(u, SERVICE('SVC-1'))).toMatchObject({
      status: 'FORBIDDEN',
      usage: null,
      visible: null,
      owner: null,
    });
    expect(await run(u, SERVICE('SVC-2'))).toMatchObject({
      status: 'FORBIDDEN',
      usage: 'FORBIDDEN',
      visible: 'FORBIDDEN',
      owner: null,
    });
  });

  it('asks anonymous callers to sign in and refuses staff and partners', async () => {
    const codes = { status: 'UNAUTHENTICATED', usage: 'UNAUTHENTICATED', owner: 'UNAUTHENTICATED' };
    expect(await run(ANONYMOUS, SERVICE('SVC-1'))).toMatchObject(codes);
    for (const a of [staff, partner(['usage:read'])])
      expect(await run(a, SERVICE('SVC-1'))).toMatchObject({
        status: 'FORBIDDEN',
        visible: 'FORBIDDEN',
        owner: 'FORBIDDEN',
      });
  });
});

describe('S3: object rules are judged per parent', () => {
  it("never reuses one parent's answer for another in the same request", async () => {
    const u = user('SSM_USER', [grant(['service.check'])]);
    for (const [first, second] of [
      ['SVC-1', 'SVC-2'],
      ['SVC-2', 'SVC-1'],
    ]) {
      const result = await graphql({
        schema,
        source: `{ a: service(id: "${first}") { status visible } b: service(id: "${second}") { status visible } }`,
        rootValue,
        contextValue: { actor: u },
      });
      const denied = (result.errors ?? []).map((e) => e.path?.join('.')).sort();
      const other = first === 'SVC-1' ? 'b' : 'a';
      expect(denied).toEqual([`${other}.status`, `${other}.visible`]);
    }
  });

  it("never reuses one parent's owner check for another in the same request", async () => {
    const result = await graphql({
      schema,
      source: '{ a: service(id: "SVC-1") { owner } b: service(id: "SVC-X") { owner } }',
      rootValue,
      contextValue: { actor: user('MANAGER') },
    });
    expect((result.errors ?? []).map((e) => e.path?.join('.'))).toEqual(['b.owner']);
    expect(result.data).toEqual({ a: { owner: 'C-1' }, b: { owner: null } });
  });
});

describe('S2: shield messages and errors', () => {
  async function errorsOf(actor: Actor, query: string): Promise<Record<string, [string, string]>> {
    const result = await graphql({ schema, source: query, rootValue, contextValue: { actor } });
    return Object.fromEntries(
      (result.errors ?? []).map((e) => [e.path?.join('.'), [String(e.extensions.code), e.message]]),
    );
  }

  it('tells a user which authorization they lack, each capability judged on its own', async () => {
    const u = user('AUTHORIZED_USER', [grant(['service.check'])]);
    expect(await errorsOf(u, '{ holdsCheck holdsBilling manager }')).toEqual({
      holdsBilling: ['FORBIDDEN', 'You have no billing.view authorization.'],
      manager: ['FORBIDDEN', 'Only the self-service manager may do this.'],
    });
  });

  it('R4: judges each partner scope on its own', async () => {
    expect(await errorsOf(partner(['usage:read']), '{ partner partnerOrders }')).toEqual({
      partnerOrders: ['FORBIDDEN', 'You are not allowed to access this resource.'],
    });
  });

  it('passes errors resolvers throw through unchanged', async () => {
    expect(await errorsOf(user('MANAGER'), '{ missing }')).toEqual({
      missing: ['NOT_FOUND', 'Order O-1 was not found.'],
    });
  });

  it('judges each ownership rule on its own', async () => {
    expect(await errorsOf(user('MANAGER'), '{ service(id: "SVC-1") { owner ownerAgain } }')).toEqual({});
  });
});

describe('S2: named rules', () => {
  it('builds each named rule once, so one name always means one check', () => {
    expect(holds('billing.view')).toBe(holds('billing.view'));
    expect(holds('billing.view')).not.toBe(holds('usage.view'));
    expect(isPartnerWith('a')).toBe(isPartnerWith('a'));
    expect(isPartnerWith('a')).not.toBe(isPartnerWith('b'));
    expect(onParent('X', ['usage.view'], () => null)).toBe(onParent('X', 'usage.view', () => null));
    expect(onParent('X', null, () => null)).not.toBe(onParent('X', 'usage.view', () => null));
    expect(ofOwnCustomer('X', () => 'C')).toBe(ofOwnCustomer('X', () => 'C'));
    expect(ofOwnCustomer('X', () => 'C')).not.toBe(ofOwnCustomer('Y', () => 'C'));
  });
});
