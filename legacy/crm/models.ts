import type { LoginRole } from '../../lib/actor';

/** Domain models the CRM adapter produces; resolvers map them to the schema. */
export interface CustomerModel {
  id: string;
  kind: 'PERSON' | 'COMPANY';
  name: string;
  email: string;
  phone: string;
  address: { street: string; city: string; postcode: string; areaId: string };
  createdAt: string;
}

export interface AccountModel {
  id: string;
  customerId: string;
  name: string;
}

export interface UserModel {
  id: string;
  customerId: string;
  role: LoginRole;
  name: string;
  phone: string;
  email: string;
}

export interface AuthSessionModel {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  userId: string;
}
