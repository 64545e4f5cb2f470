/**
 * The GraphQL documents the explorer sends (sign-in) and offers (examples, one per audience).
 * Plain strings with no browser code, so tests/browser/explorer.test.ts validates every one
 * against the supergraph: a schema change that breaks an example fails a test, not a developer.
 */

export const START_LOGIN = `mutation StartLogin($actorId: String!, $password: String!, $channel: NotificationChannel!) {
  startLogin(input: { actorId: $actorId, password: $password, channel: $channel }) {
    __typename
    ... on LoginChallenge { challengeId sentTo channel expiresAt }
    ... on LoginFailure { reason message retryAfterSeconds }
  }
}`;

export const COMPLETE_LOGIN = `mutation CompleteLogin($challengeId: ID!, $code: String!) {
  completeLogin(input: { challengeId: $challengeId, code: $code }) {
    __typename
    ... on AuthSession { accessToken accessTokenExpiresAt user { id role } }
    ... on LoginFailure { reason message }
  }
}`;

export const PARTNER_TOKEN = `mutation PartnerToken($clientId: String!, $clientSecret: String!) {
  partnerToken(input: { clientId: $clientId, clientSecret: $clientSecret }) {
    __typename
    ... on PartnerToken { accessToken expiresAt partner { id name } }
    ... on PartnerAuthFailed { message }
  }
}`;

export const LOGOUT = `mutation Logout { logout { __typename } }`;

export interface Example {
  title: string;
  /** Who can run it, and how to become that caller. */
  audience: string;
  query: string;
  /** The operation the run button runs (the partner example holds two). */
  operationName: string;
  variables: Record<string, unknown>;
}

const DASHBOARD = `# A customer manager's dashboard: the customer, its services with their current
# charges, last bill and open tickets. Sign in first (Sign-in panel, e.g. nw.manager).
query Dashboard($first: Int) {
  me {
    id
    name
    role
    customer {
      id
      name
      services(first: $first) {
        totalCount
        edges {
          node {
            id
            type
            identifier
            state
            currentCharges { total { amount currency } }
            lastBillCharges { amount { amount currency } }
            troubleTickets(openOnly: true) { totalCount }
          }
        }
      }
    }
  }
}
`;

const CATALOGUE = `# The public product catalogue: anyone may read it, no sign-in needed.
query Catalogue($first: Int) {
  offerings(first: $first) {
    totalCount
    edges {
      node {
        id
        name
        category
        serviceType
        prices { name type period price { amount currency } }
        provider { kind partner { name } }
      }
    }
  }
}
`;

const PARTNER = `# A partner system (service or content provider) signs in with client credentials:
# use the Sign-in panel's partner form, or run PartnerToken and put its accessToken into the
# headers as {"Authorization": "Bearer <token>"}; then run PartnerOrders.
mutation PartnerToken {
  partnerToken(input: { clientId: "client-partner-cp-1", clientSecret: "secret-partner-cp-1" }) {
    __typename
    ... on PartnerToken { accessToken expiresAt scopes }
    ... on PartnerAuthFailed { message }
  }
}

query PartnerOrders($first: Int) {
  partnerOrders(first: $first) {
    totalCount
    edges {
      node {
        state
        createdAt
        items { state offering { id name } }
      }
    }
  }
}
`;

export const EXAMPLES: Example[] = [
  {
    title: 'Manager dashboard',
    audience: 'a customer manager (sign in as nw.manager)',
    query: DASHBOARD,
    operationName: 'Dashboard',
    variables: { first: 5 },
  },
  {
    title: 'Catalogue',
    audience: 'anyone, no sign-in',
    query: CATALOGUE,
    operationName: 'Catalogue',
    variables: { first: 5 },
  },
  {
    title: 'Partner orders',
    audience: 'a partner system (client credentials)',
    query: PARTNER,
    operationName: 'PartnerOrders',
    variables: { first: 10 },
  },
];
