/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query PartnerOrders($first: Int = 20, $after: String) {\n  partnerOrders(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        state\n        createdAt\n        items {\n          state\n          offering {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}": typeof types.PartnerOrdersDocument,
    "query PartnerProducts($partnerId: ID!) {\n  offerings(filter: {partnerId: $partnerId}, first: 50) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        lifecycleStatus\n        prices {\n          name\n          type\n          period\n          price {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}": typeof types.PartnerProductsDocument,
    "query PartnerSubscriptions($first: Int = 50, $after: String) {\n  partnerSubscriptions(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        state\n        startDate\n        offering {\n          id\n          name\n        }\n      }\n    }\n  }\n}": typeof types.PartnerSubscriptionsDocument,
    "mutation PartnerToken($clientId: String!, $clientSecret: String!) {\n  partnerToken(input: {clientId: $clientId, clientSecret: $clientSecret}) {\n    __typename\n    ... on PartnerToken {\n      accessToken\n      expiresAt\n      scopes\n      partner {\n        id\n        name\n        kind\n      }\n    }\n    ... on PartnerAuthFailed {\n      message\n    }\n  }\n}": typeof types.PartnerTokenDocument,
    "query SubscriptionUsage($first: Int = 50, $after: String, $from: String!, $to: String!) {\n  partnerSubscriptions(first: $first, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        usageSummary(from: $from, to: $to) {\n          records\n          videoMb\n          dataMb\n          charges {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}": typeof types.SubscriptionUsageDocument,
};
const documents: Documents = {
    "query PartnerOrders($first: Int = 20, $after: String) {\n  partnerOrders(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        state\n        createdAt\n        items {\n          state\n          offering {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}": types.PartnerOrdersDocument,
    "query PartnerProducts($partnerId: ID!) {\n  offerings(filter: {partnerId: $partnerId}, first: 50) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        lifecycleStatus\n        prices {\n          name\n          type\n          period\n          price {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}": types.PartnerProductsDocument,
    "query PartnerSubscriptions($first: Int = 50, $after: String) {\n  partnerSubscriptions(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        state\n        startDate\n        offering {\n          id\n          name\n        }\n      }\n    }\n  }\n}": types.PartnerSubscriptionsDocument,
    "mutation PartnerToken($clientId: String!, $clientSecret: String!) {\n  partnerToken(input: {clientId: $clientId, clientSecret: $clientSecret}) {\n    __typename\n    ... on PartnerToken {\n      accessToken\n      expiresAt\n      scopes\n      partner {\n        id\n        name\n        kind\n      }\n    }\n    ... on PartnerAuthFailed {\n      message\n    }\n  }\n}": types.PartnerTokenDocument,
    "query SubscriptionUsage($first: Int = 50, $after: String, $from: String!, $to: String!) {\n  partnerSubscriptions(first: $first, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        usageSummary(from: $from, to: $to) {\n          records\n          videoMb\n          dataMb\n          charges {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}": types.SubscriptionUsageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerOrders($first: Int = 20, $after: String) {\n  partnerOrders(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        state\n        createdAt\n        items {\n          state\n          offering {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query PartnerOrders($first: Int = 20, $after: String) {\n  partnerOrders(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        state\n        createdAt\n        items {\n          state\n          offering {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerProducts($partnerId: ID!) {\n  offerings(filter: {partnerId: $partnerId}, first: 50) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        lifecycleStatus\n        prices {\n          name\n          type\n          period\n          price {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query PartnerProducts($partnerId: ID!) {\n  offerings(filter: {partnerId: $partnerId}, first: 50) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        lifecycleStatus\n        prices {\n          name\n          type\n          period\n          price {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerSubscriptions($first: Int = 50, $after: String) {\n  partnerSubscriptions(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        state\n        startDate\n        offering {\n          id\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query PartnerSubscriptions($first: Int = 50, $after: String) {\n  partnerSubscriptions(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        state\n        startDate\n        offering {\n          id\n          name\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PartnerToken($clientId: String!, $clientSecret: String!) {\n  partnerToken(input: {clientId: $clientId, clientSecret: $clientSecret}) {\n    __typename\n    ... on PartnerToken {\n      accessToken\n      expiresAt\n      scopes\n      partner {\n        id\n        name\n        kind\n      }\n    }\n    ... on PartnerAuthFailed {\n      message\n    }\n  }\n}"): (typeof documents)["mutation PartnerToken($clientId: String!, $clientSecret: String!) {\n  partnerToken(input: {clientId: $clientId, clientSecret: $clientSecret}) {\n    __typename\n    ... on PartnerToken {\n      accessToken\n      expiresAt\n      scopes\n      partner {\n        id\n        name\n        kind\n      }\n    }\n    ... on PartnerAuthFailed {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SubscriptionUsage($first: Int = 50, $after: String, $from: String!, $to: String!) {\n  partnerSubscriptions(first: $first, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        usageSummary(from: $from, to: $to) {\n          records\n          videoMb\n          dataMb\n          charges {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query SubscriptionUsage($first: Int = 50, $after: String, $from: String!, $to: String!) {\n  partnerSubscriptions(first: $first, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        usageSummary(from: $from, to: $to) {\n          records\n          videoMb\n          dataMb\n          charges {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;