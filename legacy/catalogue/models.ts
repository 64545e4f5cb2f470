export type { MoneyModel } from '../../lib/money';
export type {
  Offering as OfferingModel,
  Partner as PartnerModel,
  Price as PriceModel,
} from '../../mocks/seed/types';
