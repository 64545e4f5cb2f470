import { allow, isSignedIn, type Rules } from '../../lib/authz/shield';

/**
 * The catalogue is public (F1-F3): every field is readable by anyone, anonymous included. Customer
 * interactions (X2) are the signed-in user's: who may rate which service is checked in the service.
 */
export const permissions: Rules = {
  Mutation: { partnerToken: allow, rateService: isSignedIn, sendCustomerRequest: isSignedIn },
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
    // X3: public; what a signed-in user gets besides is chosen by their own profile.
    announcements: allow,
    customerInteractions: isSignedIn,
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
  Announcement: allow,
  CustomerInteraction: allow,
};
