import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gql, startTestSystem, type TestSystem } from '../support/system';
import { sseClient, subscribe, wsClient, type Transport } from '../support/subscriptions';
import { login } from '../../system/kit/sign-in';

/**
 * Trusted documents apply to subscription documents too (issue 13): in strict mode a first-party
 * session may subscribe only with the app's registered documents (apps/selfcare's manifest, where
 * `npm run documents` put OrderProgress), sent whole or by documentId.
 */
interface Operation {
  id: string;
  name: string;
  body: string;
}
const manifest = JSON.parse(
  readFileSync(path.join(__dirname, '../../apps/selfcare/persisted-query-manifest.json'), 'utf8'),
) as { operations: Operation[] };
const progress = manifest.operations.find((o) => o.name === 'OrderProgress') as Operation;

let strict: TestSystem;
let household: string;
beforeAll(async () => {
  strict = await startTestSystem({ trustedDocuments: { mode: 'strict', production: true } });
  household = (await login(strict, 'home.owner')).accessToken;
});
afterAll(async () => {
  await strict.stop();
});

async function completedOrder(): Promise<string> {
  // Placing an order is a registered mutation of the app (PlaceOrder), sent by its id.
  const place = manifest.operations.find((o) => o.name === 'PlaceOrder') as Operation;
  const r = await gql(
    strict.gatewayUrl,
    place.body,
    {
      input: {
        idempotencyKey: `trusted-sub-${Date.now()}`,
        accountId: 'ACC-0000003',
        items: [{ offeringId: 'OFF-CP-GAMES' }],
      },
    },
    household,
  );
  await strict.sims.provisioningIdle();
  return r.data?.placeProductOrder.id as string;
}

describe.each<Transport>(['ws', 'sse'])('trusted subscription documents over %s', (transport) => {
  it(`S5: [${transport}] an ad-hoc subscription from the app's session is refused; its registered one runs`, async () => {
    const client = transport === 'ws' ? wsClient(strict, household) : sseClient(strict, household);
    try {
      const adHoc = await subscribe(client, `subscription($id: ID!) { orderUpdated(id: $id) { id state } }`, {
        id: 'PO-0000001',
      }).end();
      expect(adHoc.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
      const id = await completedOrder();
      expect(id).toBeDefined();
      const registered = await subscribe(client, progress.body, { id }).end();
      expect(registered.completed).toBe(true);
      expect(registered.payloads[0].data?.orderUpdated).toMatchObject({ id, state: 'completed' });
    } finally {
      await client.dispose();
    }
  });
});

it('S5: a registered subscription can be sent over SSE by its documentId alone', async () => {
  const id = await completedOrder();
  const res = await fetch(strict.gatewayUrl, {
    method: 'POST',
    headers: {
      accept: 'text/event-stream',
      'content-type': 'application/json',
      authorization: `Bearer ${household}`,
    },
    body: JSON.stringify({ documentId: `sha256:${progress.id}`, variables: { id } }),
  });
  expect(res.status).toBe(200);
  const text = await res.text();
  const next = /event: next\ndata: (.*)\n/.exec(text);
  expect(JSON.parse(next![1]).data.orderUpdated).toMatchObject({ id, state: 'completed' });
  expect(text).toMatch(/event: complete/);
});
