import { allow, type Rules } from '../../lib/authz/shield';

/** The catalogue is public (F1-F3): every field is readable by anyone, anonymous included. */
export const permissions: Rules = {
  Mutation: { partnerToken: allow },
  PartnerToken: allow,
  PartnerAuthFailed: allow,
  Query: {
    _service: allow,
    _entities: allow,
    offerings: allow,
    offering: allow,
    serviceAvailability: allow,
    numberAvailability: allow,
    availableNumbers: allow,
    partners: allow,
    recommendedOfferings: allow,
  },
  _Service: allow,
  ProductOffering: allow,
  Provider: allow,
  Partner: allow,
  ProductPrice: allow,
  Money: allow,
  CharacteristicSpecification: allow,
  ProductOfferingConnection: allow,
  ProductOfferingEdge: allow,
  PageInfo: allow,
  ServiceAvailability: allow,
  ServiceTypeAvailability: allow,
  NumberAvailability: allow,
};
