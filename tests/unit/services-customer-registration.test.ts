import { GraphQLError } from 'graphql';
import { CrmFault, type CrmAdapter } from '../../legacy/crm/client';
import { MemoryStore } from '../../lib/kv';
import type { Logger } from '../../lib/logger';
import { RegistrationService } from '../../subgraphs/customer/services/registration';
import type { RegistrationRequest } from '../../subgraphs/customer/services/registration-request';

const request: RegistrationRequest = {
  idempotencyKey: 'key-0001',
  kind: 'COMPANY',
  name: 'Ada Ltd',
  email: 'ada@x.net',
  phone: '+358401234567',
  street: 'Main St 1',
  city: 'Espoo',
  postcode: '02100',
  actorId: 'ada.admin',
  password: 'correct horse 42',
};

describe('registration (F10, S5)', () => {
  it("S5: a refusal by the CRM reaches the client as a fixed text, never the CRM's words; its code is logged", async () => {
    const logged: Record<string, unknown>[] = [];
    const logger = {
      warn: (fields: Record<string, unknown>) => void logged.push(fields),
      info: () => undefined,
    } as unknown as Logger;
    const crm = {
      createCustomer: async () => {
        throw new CrmFault('MISSING_FIELD', 'street "Main St 1" of ada@x.net is required.');
      },
    } as unknown as CrmAdapter;
    const service = new RegistrationService(new MemoryStore(), crm, { send: async () => undefined }, logger, {
      kind: 'anonymous',
      source: 'src-1',
    });
    const refused = await service.register(request).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GraphQLError);
    expect((refused as GraphQLError).message).toBe(
      'The customer system refused the registration; check the details and try again.',
    );
    expect((refused as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect(logged).toContainEqual({ event: 'customer.registration.refused', crmCode: 'MISSING_FIELD' });
    expect(JSON.stringify(logged)).not.toContain('ada@x.net');
  });
});
