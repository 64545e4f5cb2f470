import { BILLING } from './zh-hans/billing';
import { CATALOGUE } from './zh-hans/catalogue';
import { COMMON } from './zh-hans/common';
import { CUSTOMER } from './zh-hans/customer';
import { FAULTS } from './zh-hans/faults';
import { GATEWAY } from './zh-hans/gateway';
import { ORDERS } from './zh-hans/orders';

/**
 * Simplified Chinese for every user-facing text, keyed by its English source (lib/i18n/text.ts),
 * one file per part of the code that says it (common: lib/ and legacy/). tests/unit/i18n-catalogue.test.ts
 * finds every text in the code and fails on one missing here, on a translation whose placeholders
 * differ from its source, and on entries nothing uses.
 */
export const ZH_HANS: Readonly<Record<string, string>> = {
  ...COMMON,
  ...CUSTOMER,
  ...CATALOGUE,
  ...ORDERS,
  ...FAULTS,
  ...BILLING,
  ...GATEWAY,
};
