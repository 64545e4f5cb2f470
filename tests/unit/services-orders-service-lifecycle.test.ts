import { changeServiceState } from '../../subgraphs/orders/services/service-lifecycle';
import { manager, ordersDeps, userWith } from '../support/orders-fakes';

describe('F6/F7: lifecycle orders (services/service-lifecycle)', () => {
  it('F6: suspending sends one item for the service on its account, the reason as the note', async () => {
    const { deps, sent, events } = ordersDeps(userWith('service.order', 'S-1'));
    const outcome = await changeServiceState(deps, 'suspend', {
      serviceId: 'S-1',
      idempotencyKey: 'key-0001',
      reason: 'Holiday',
    });
    expect(outcome).toMatchObject({ kind: 'ordered', order: { id: 'O-1', accountId: 'A-S-1' } });
    expect(sent).toEqual([
      {
        method: 'submit',
        args: [
          expect.objectContaining({
            requestId: 'C-1:U%2F2:key-0001',
            accountId: 'A-S-1',
            note: 'Holiday',
            items: [{ action: 'suspend', serviceId: 'S-1' }],
          }),
        ],
      },
      expect.objectContaining({ method: 'settle' }),
    ]);
    expect(events.map((e) => e.event.kind)).toEqual(['SUSPEND']);
  });

  it('F7: terminating without a reason sends a null note', async () => {
    const { deps, sent } = ordersDeps(manager);
    await changeServiceState(deps, 'terminate', { serviceId: 'S-2', idempotencyKey: 'key-0002' });
    expect(sent[0].args[0]).toMatchObject({ note: null, items: [{ action: 'terminate', serviceId: 'S-2' }] });
  });

  it('S3: a service the actor may not order on is NOT_FOUND, before the reason is read', async () => {
    for (const actor of [userWith('service.configure', 'S-1'), manager]) {
      const { deps, sent } = ordersDeps(actor);
      await expect(
        changeServiceState(deps, 'resume', {
          serviceId: actor === manager ? 'S-9' : 'S-1',
          idempotencyKey: 'key-0003',
          reason: 'x'.repeat(501),
        }),
      ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      expect(sent).toEqual([]);
    }
  });

  it('F6: a reason over 500 characters is BAD_USER_INPUT on reason', async () => {
    await expect(
      changeServiceState(ordersDeps().deps, 'suspend', {
        serviceId: 'S-1',
        idempotencyKey: 'key-0004',
        reason: 'x'.repeat(501),
      }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
  });
});
