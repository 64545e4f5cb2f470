import { z } from 'zod';

/**
 * What the product catalogue, partner registry and resource management answer, validated by the
 * adapter; the domain models are these payloads as they are.
 */
export const serviceType = z.enum(['MOBILE', 'FIXED_LINE', 'BROADBAND', 'IPTV']);

export const price = z.object({
  name: z.string(),
  type: z.enum(['RECURRING', 'ONE_TIME', 'USAGE']),
  period: z.enum(['MONTH']).nullable(),
  /** Minor units of `currency`. */
  amount: z.number().int(),
  currency: z.string(),
  unit: z.string().nullable(),
});
export type PriceModel = z.infer<typeof price>;

export const characteristic = z.object({
  name: z.string(),
  valueType: z.enum(['STRING', 'NUMBER', 'BOOLEAN']),
  allowedValues: z.array(z.string()),
  defaultValue: z.string().nullable(),
  configurable: z.boolean(),
});
export type CharacteristicModel = z.infer<typeof characteristic>;

export const offering = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  serviceType: serviceType.nullable(),
  providerKind: z.enum(['OPERATOR', 'NETWORK_OPERATOR', 'SERVICE_PROVIDER', 'CONTENT_PROVIDER']),
  partnerId: z.string().nullable(),
  isBundle: z.boolean(),
  bundledOfferingIds: z.array(z.string()),
  prices: z.array(price),
  characteristics: z.array(characteristic),
  lifecycleStatus: z.enum(['ACTIVE', 'RETIRED']),
});
export type OfferingModel = z.infer<typeof offering>;

export const partner = z.object({ id: z.string(), name: z.string(), kind: z.enum(['SP', 'CP']) });
export type PartnerModel = z.infer<typeof partner>;

/** Which services a postcode can have, and how fast. */
export const availability = z.object({
  postcode: z.string(),
  results: z.array(
    z.object({
      serviceType,
      available: z.boolean(),
      maxDownloadMbps: z.number().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
export type AvailabilityModel = z.infer<typeof availability>;

/** ISMP: the partner system a pair of client credentials belongs to, and its scopes. */
export const partnerClient = z.object({ partnerId: z.string(), scopes: z.array(z.string()) });
export type PartnerClientModel = z.infer<typeof partnerClient>;
