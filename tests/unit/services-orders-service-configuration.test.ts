import type { ServiceModel } from '../../legacy/ibss/models';
import {
  callRestrictionsFor,
  changeServiceParameters,
  configureCallRestrictions,
} from '../../subgraphs/orders/services/service-configuration';
import { manager, ordersDeps, service, userWith } from '../support/orders-fakes';

describe('F5: service configuration (services/service-configuration)', () => {
  it('F5: new parameters go to the IBSS as one modify order on the service’s account, without a note', async () => {
    const { deps, sent, events } = ordersDeps(userWith('service.configure', 'S-1'));
    const outcome = await changeServiceParameters(deps, {
      serviceId: 'S-1',
      idempotencyKey: 'key-0001',
      parameters: [{ name: 'roaming', value: 'off' }],
    });
    expect(outcome).toMatchObject({ kind: 'ordered', order: { id: 'O-1' } });
    expect(sent[0]).toEqual({
      method: 'submit',
      args: [
        expect.objectContaining({
          requestId: 'C-1:U%2F2:key-0001',
          accountId: 'A-S-1',
          note: null,
          items: [{ action: 'modify', serviceId: 'S-1', parameters: { roaming: 'off' } }],
        }),
      ],
    });
    expect(events.map((e) => e.event.kind)).toEqual(['PARAMETER_CHANGE']);
  });

  it('F5: no parameters is BAD_USER_INPUT on parameters, and nothing is sent', async () => {
    const { deps, sent } = ordersDeps();
    await expect(
      changeServiceParameters(deps, { serviceId: 'S-1', idempotencyKey: 'key-0002', parameters: [] }),
    ).rejects.toMatchObject({
      message: 'parameters must not be empty.',
      extensions: { code: 'BAD_USER_INPUT', field: 'parameters' },
    });
    expect(sent).toEqual([]);
  });

  it('S3: a service the actor may not configure is NOT_FOUND whatever the input says', async () => {
    for (const actor of [userWith('service.order', 'S-1'), manager]) {
      const { deps, sent } = ordersDeps(actor);
      const serviceId = actor === manager ? 'S-9' : 'S-1';
      await expect(
        changeServiceParameters(deps, { serviceId, idempotencyKey: 'key-0003', parameters: [] }),
      ).rejects.toMatchObject({
        message: `Service ${serviceId} was not found.`,
        extensions: { code: 'NOT_FOUND' },
      });
      await expect(
        configureCallRestrictions(deps, {
          serviceId,
          idempotencyKey: 'key-0003',
          restrictions: [{ closedUserGroup: { groupId: 'CUG-9' } }],
        }),
      ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      expect(sent).toEqual([]);
    }
  });

  it('F5: call restrictions with an own closed group replace the number’s restrictions', async () => {
    const { deps, sent } = ordersDeps();
    await configureCallRestrictions(deps, {
      serviceId: 'S-2',
      idempotencyKey: 'key-0004',
      restrictions: [{ closedUserGroup: { groupId: 'CUG-1', allowEmergencyCalls: false } }],
    });
    expect(sent.map((s) => s.method)).toEqual(['listClosedUserGroups', 'submit', 'settle']);
    expect(sent[0].args).toEqual(['C-1']);
    expect(sent[1].args[0]).toMatchObject({
      accountId: 'A-S-2',
      items: [
        {
          action: 'modify',
          serviceId: 'S-2',
          callRestrictions: [{ kind: 'CLOSED_USER_GROUP', groupId: 'CUG-1', allowExternalEmergency: false }],
        },
      ],
    });
  });

  it('F5/S3: another company’s closed group is NOT_FOUND and no order is sent', async () => {
    const { deps, sent } = ordersDeps();
    await expect(
      configureCallRestrictions(deps, {
        serviceId: 'S-1',
        idempotencyKey: 'key-0005',
        restrictions: [{ closedUserGroup: { groupId: 'CUG-9' } }],
      }),
    ).rejects.toMatchObject({ message: 'Closed user group CUG-9 was not found.' });
    expect(sent.map((s) => s.method)).toEqual(['listClosedUserGroups']);
  });

  it('F5: an empty list removes every restriction', async () => {
    const { deps, sent } = ordersDeps();
    await configureCallRestrictions(deps, { serviceId: 'S-1', idempotencyKey: 'key-0006', restrictions: [] });
    expect(sent[0].args[0]).toMatchObject({
      items: [{ action: 'modify', serviceId: 'S-1', callRestrictions: [] }],
    });
  });
});

describe('S6: call restrictions as read (services/service-configuration)', () => {
  const restricted: ServiceModel = service('S-1', 'C-1', {
    callRestrictions: [
      { kind: 'OUTGOING_WHITELIST', numbers: ['0401234567'] },
      {
        kind: 'MONTHLY_ALLOWANCE',
        allowanceMinor: 1000,
        currency: 'EUR',
        numbersAfterAllowance: ['0509876543'],
      },
      { kind: 'CLOSED_USER_GROUP', groupId: 'CUG-1', allowExternalEmergency: true },
    ],
  });

  it('S6: an actor who may configure the number sees the third-party numbers in full', () => {
    expect(callRestrictionsFor(manager, restricted)).toBe(restricted.callRestrictions);
    expect(callRestrictionsFor(userWith('service.configure', 'S-1'), restricted)).toBe(
      restricted.callRestrictions,
    );
  });

  it('S6: anyone else sees them masked but the last three digits; other restrictions as they are', () => {
    expect(callRestrictionsFor(userWith('usage.view', 'S-1'), restricted)).toEqual([
      { kind: 'OUTGOING_WHITELIST', numbers: ['*******567'] },
      {
        kind: 'MONTHLY_ALLOWANCE',
        allowanceMinor: 1000,
        currency: 'EUR',
        numbersAfterAllowance: ['*******543'],
      },
      { kind: 'CLOSED_USER_GROUP', groupId: 'CUG-1', allowExternalEmergency: true },
    ]);
  });
});
