import type { CapabilityResolvers, LanguageResolvers } from '../__generated__/resolvers-types';

/**
 * The schema spells capabilities as enum names; the domain (lib/authz/capabilities) as dotted
 * names. codegen.yml types the Capability enum with the domain values, and this map makes
 * GraphQL translate at the boundary both ways, so services and grants never see the schema's
 * names. `Required` makes a capability added to the schema fail to compile until it is mapped.
 */
export const Capability = {
  SERVICE_CONFIGURE: 'service.configure',
  EXPERIENCE_REPORT: 'experience.report',
  SERVICE_CHECK: 'service.check',
  FAULT_REPORT: 'fault.report',
  BILLING_VIEW: 'billing.view',
  USAGE_VIEW: 'usage.view',
  SERVICE_ORDER: 'service.order',
  BILLING_PAY: 'billing.pay',
  BILLING_SETTINGS: 'billing.settings',
} satisfies Required<CapabilityResolvers>;

/** The schema's Language names for lib/i18n's locales, the same way. */
export const Language = {
  EN: 'en',
  ZH_HANS: 'zh-Hans',
} satisfies Required<LanguageResolvers>;
