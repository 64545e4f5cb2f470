import { assertOwnGroups, closedGroupsFor } from '../../subgraphs/orders/services/closed-groups';
import type { CallRestrictionModel } from '../../legacy/ibss/models';
import { manager, ordersDeps, userWith } from '../support/orders-fakes';

const cug = (groupId: string): CallRestrictionModel => ({
  kind: 'CLOSED_USER_GROUP',
  groupId,
  allowExternalEmergency: true,
});

describe('F5/S6: closed user groups (services/closed-groups)', () => {
  it('F5/S6: the manager reads the member numbers in full, from the IBSS for that customer', async () => {
    const { deps, sent } = ordersDeps(manager);
    const groups = await closedGroupsFor(deps, 'C-1');
    expect(groups.map((g) => g.members)).toEqual([['0401234567', '0407654321'], ['12']]);
    expect(sent).toEqual([{ method: 'listClosedUserGroups', args: ['C-1'] }]);
  });

  it('S6: anyone else, and the manager for another customer, gets the members masked but the last three digits', async () => {
    for (const [actor, customerId] of [
      [userWith('service.configure', 'S-1'), 'C-1'],
      [manager, 'C-2'],
    ] as const) {
      const groups = await closedGroupsFor(ordersDeps(actor).deps, customerId);
      expect(groups).toEqual([
        { id: 'CUG-1', customerId: 'C-1', members: ['*******567', '*******321'] },
        { id: 'CUG-2', customerId: 'C-1', members: ['12'] },
      ]);
    }
  });

  it('F5/S3: restrictions naming only own groups pass; without a group the IBSS is not asked', async () => {
    const own = ordersDeps();
    await expect(assertOwnGroups(own.deps, 'C-1', [cug('CUG-1'), cug('CUG-2')])).resolves.toBeUndefined();
    expect(own.sent).toEqual([{ method: 'listClosedUserGroups', args: ['C-1'] }]);
    const none = ordersDeps();
    const whitelist: CallRestrictionModel = { kind: 'OUTGOING_WHITELIST', numbers: ['CUG-9'] };
    await expect(assertOwnGroups(none.deps, 'C-1', [whitelist])).resolves.toBeUndefined();
    expect(none.sent).toEqual([]);
  });

  it('F5/S3: a group that is not the customer’s is NOT_FOUND by its id', async () => {
    await expect(
      assertOwnGroups(ordersDeps().deps, 'C-1', [cug('CUG-1'), cug('CUG-9')]),
    ).rejects.toMatchObject({
      message: 'Closed user group CUG-9 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});
