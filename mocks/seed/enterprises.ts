import type { SeedBuilder } from './builder';
import { addAccount, addCustomer } from './customers';
import { DEMO_PASSWORD } from './demo';
import { addService } from './services';
import { addUser } from './users';

/**
 * The sizes of the companies the bench's scaling cells compare (issue 17 item 4: how the
 * dashboard's cost grows from 10 to 1,000 numbers). The seeded population's companies have 3-12
 * numbers and Northwind 60, so these are added, exactly this size, on benchmark data only.
 */
export const SCALING_SIZES = [10, 100, 1000] as const;

/** The manager of the scaling company with `numbers` mobile numbers (signs in with DEMO_PASSWORD). */
export const scalingManagerId = (numbers: number) => `scale${numbers}.manager`;

/**
 * One company per size, numbered from `first` (after the seeded population): one postpaid
 * business account holding every number, and one manager. Alike but for their size, so that
 * what differs between the bench's scaling cells is the number of numbers.
 */
export function generateScalingEnterprises(
  builder: SeedBuilder,
  sizes: readonly number[],
  first: number,
): void {
  sizes.forEach((numbers, i) => {
    const customer = addCustomer(builder, first + i, 'COMPANY', `Scale ${numbers} Enterprise Ltd`);
    const account = addAccount(builder, customer.id, `Scale ${numbers} fleet`, 'POSTPAID', 'TP-BUSINESS');
    addUser(
      builder,
      scalingManagerId(numbers),
      customer.id,
      'MANAGER',
      `Scale ${numbers} manager`,
      DEMO_PASSWORD,
    );
    for (let n = 0; n < numbers; n++)
      addService(builder, customer, account, 'MOBILE', 'OFF-MOB-BIZ', customer.address.areaId);
  });
}
