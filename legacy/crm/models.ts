import { z } from 'zod';
import type { LoginRole } from '../../lib/actor';

/**
 * What the CRM's SOAP operations answer, validated by the adapter and mapped once, here, to the
 * domain models resolvers use (the CRM keeps addresses flat and calls a list of channels
 * `channel`).
 */
export const customer = z
  .object({
    id: z.string(),
    kind: z.enum(['PERSON', 'COMPANY']),
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    street: z.string(),
    city: z.string(),
    postcode: z.string(),
    areaId: z.string(),
    createdAt: z.string(),
  })
  .transform((c) => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    email: c.email,
    phone: c.phone,
    address: { street: c.street, city: c.city, postcode: c.postcode, areaId: c.areaId },
    createdAt: c.createdAt,
  }));
export type CustomerModel = z.output<typeof customer>;

export const account = z.object({ id: z.string(), customerId: z.string(), name: z.string() });
export type AccountModel = z.infer<typeof account>;

/** The CRM's roles are the API's login roles. */
const roles = ['MANAGER', 'AUTHORIZED_USER', 'SSM_USER', 'STAFF'] as const satisfies readonly LoginRole[];

export const user = z.object({
  id: z.string(),
  customerId: z.string(),
  role: z.enum(roles),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
});
export type UserModel = z.infer<typeof user>;

export const notificationPreference = z
  .object({ event: z.string(), channel: z.array(z.string()).optional() })
  .transform((p) => ({ event: p.event, channels: p.channel ?? [] }));
export type NotificationPreferenceModel = z.output<typeof notificationPreference>;

/** Who a new customer is and where to reach them: what a registration gives the CRM to record. */
// A type, not an interface: the adapter sends it as a SOAP payload (XmlValue), which needs the
// implicit index signature only type aliases get.
export type ContactDetails = {
  name: string;
  email: string;
  phone: string;
  street: string;
  city: string;
  postcode: string;
};

/** What CreateCustomer answers: the ids of the new customer, its first account and its manager. */
export const registration = z.object({ customerId: z.string(), accountId: z.string(), userId: z.string() });
export type RegistrationModel = z.infer<typeof registration>;
