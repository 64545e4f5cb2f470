import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  TypeInfo,
  getNamedType,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
} from 'graphql';
import type { Actor } from '../lib/actor';
import type { SecurityEventLog } from '../lib/audit/security-events';
import type { Logger } from '../lib/logger';
import type { Capability } from '../lib/authz/capabilities';
import { holdsAnywhere } from '../lib/authz/decisions';
import type { GatewayContext } from './context';
import { localize, msg, type Text } from '../lib/i18n/text';
import { BoundedSet } from '../lib/bounded';

/** Checks the gateway can make before planning: they need the actor, never data. */
export type GatewayRule =
  | 'public'
  | 'session'
  | 'staff'
  | 'signedIn'
  | 'manager'
  | 'notSsmUser'
  | 'managerOrStaff'
  | { holds: Capability }
  | { partnerScope: string };

/**
 * Every root field, and the nested fields whose rule needs no data, with the check the gateway
 * makes before any subgraph is called. The subgraphs check again, with data (object level).
 */
export const GATEWAY_RULES: Record<string, GatewayRule> = {
  'Query.me': 'public',
  'Query.offerings': 'public',
  'Query.offering': 'public',
  'Query.serviceAvailability': 'public',
  'Query.numberAvailability': 'public',
  'Query.availableNumbers': 'public',
  'Query.partners': 'public',
  'Query.recommendedOfferings': 'public',
  'Query.rewards': 'public',
  'Query.announcements': 'public',
  'Query.tariffPlans': 'public',
  'Query.customerInteractions': 'signedIn',
  'Query.partnerSubscriptions': { partnerScope: 'subscriptions:read' },
  'Query.partnerOrders': { partnerScope: 'orders:read' },
  // R4 webhooks deliver order events: the scope that reads orders; each partner sees its own only.
  'Query.eventSubscriptions': { partnerScope: 'orders:read' },
  'Query.eventSubscription': { partnerScope: 'orders:read' },
  'Mutation.createEventSubscription': { partnerScope: 'orders:read' },
  'Mutation.deleteEventSubscription': { partnerScope: 'orders:read' },
  'PartnerSubscription.usageSummary': { partnerScope: 'usage:read' },
  'Mutation.partnerToken': 'public',
  'Query.customer': 'signedIn',
  'Query.account': 'signedIn',
  'Query.authorizations': 'signedIn',
  'Query.securityEvents': 'managerOrStaff',
  'Query.securityAlarms': 'managerOrStaff',
  'Query.service': 'signedIn',
  'Query.productOrder': { holds: 'service.order' },
  'Query.troubleTicket': 'signedIn',
  'Query.serviceTest': { holds: 'service.check' },
  'Query.networkAlarm': 'signedIn',
  'Query.bill': { holds: 'billing.view' },
  'Mutation.startLogin': 'public',
  'Mutation.completeLogin': 'public',
  'Mutation.refreshSession': 'public',
  'Mutation.registerCustomer': 'public',
  'Mutation.logout': 'session',
  'Mutation.actOnBehalfOf': 'staff',
  'Mutation.updateNotificationSettings': 'signedIn',
  'Mutation.setLanguage': 'signedIn',
  // F8/F9: the signed-in user's own inbox (the customer subgraph reads it by the actor's user id).
  'Query.notifications': 'signedIn',
  'Query.notification': 'signedIn',
  'Mutation.markNotificationsRead': 'signedIn',
  'Mutation.grantAuthorization': 'notSsmUser',
  'Mutation.revokeAuthorization': 'notSsmUser',
  // Issue 16 account self-care: the user's own password and contact details; the reset is public
  // (rate limited as a sign-in step, gateway/credential-fields.ts); personal data is the manager's.
  'Mutation.changePassword': 'signedIn',
  'Mutation.startPasswordReset': 'public',
  'Mutation.completePasswordReset': 'public',
  'Mutation.updateContactDetails': 'signedIn',
  // The user's own changed e-mail or phone: a code to it, then the code back.
  'Mutation.requestContactConfirmation': 'signedIn',
  'Mutation.confirmContact': 'signedIn',
  'Mutation.updateCustomerAddress': 'manager',
  'Mutation.exportCustomerData': 'manager',
  'Mutation.eraseUser': 'manager',
  'Mutation.placeProductOrder': { holds: 'service.order' },
  'Mutation.cancelProductOrder': { holds: 'service.order' },
  'Mutation.changeServiceParameters': { holds: 'service.configure' },
  'Mutation.configureCallRestrictions': { holds: 'service.configure' },
  'Mutation.suspendService': { holds: 'service.order' },
  'Mutation.resumeService': { holds: 'service.order' },
  'Mutation.terminateService': { holds: 'service.order' },
  'Mutation.reportFault': { holds: 'fault.report' },
  'Mutation.addTicketNote': { holds: 'fault.report' },
  'Mutation.closeTroubleTicket': { holds: 'fault.report' },
  'Mutation.reopenTroubleTicket': { holds: 'fault.report' },
  'Mutation.startServiceTest': { holds: 'service.check' },
  'Mutation.submitExperienceReport': { holds: 'experience.report' },
  'Mutation.payBill': 'manager',
  'Mutation.topUpPrepaidBalance': 'manager',
  'Mutation.redeemLoyaltyPoints': 'manager',
  'Mutation.rateService': { holds: 'experience.report' },
  'Mutation.sendCustomerRequest': 'signedIn',
  'Mutation.changeBillingMode': 'manager',
  'Mutation.setSpendLimits': { holds: 'billing.settings' },
  'Mutation.updateEBillSettings': 'manager',
  'Mutation.updatePaymentSettings': 'manager',
  'Customer.productOrders': 'manager',
  'Customer.troubleTickets': 'manager',
  'Customer.experienceReports': 'manager',
  'Customer.loyaltyPoints': 'manager',
  'Customer.loyaltyRedemptions': 'manager',
  'Customer.spendReport': { holds: 'billing.view' },
  'Service.networkStatus': { holds: 'service.check' },
  'Service.knownIssues': { holds: 'service.check' },
  'Service.slaTarget': { holds: 'service.check' },
  'Service.qualityHistory': { holds: 'service.check' },
  'Service.callAnalytics': { holds: 'billing.view' },
  'Service.spendLimits': { holds: 'billing.view' },
  'Bill.document': { holds: 'billing.view' },
  'Service.lastBillCharges': { holds: 'billing.view' },
  'Account.bills': { holds: 'billing.view' },
  'Account.billingSettings': { holds: 'billing.view' },
  'Account.outstanding': { holds: 'billing.view' },
  // Issue 13: pushed at the gateway (gateway/subscriptions), for signed-in users of a customer.
  // The same rule as the equivalent query; every event is then re-resolved as that query, so its
  // rule and the subgraphs' object-level checks apply again. Partners follow events by webhook (R4).
  'Subscription.orderUpdated': { holds: 'service.order' },
  'Subscription.serviceTestCompleted': { holds: 'service.check' },
  'Subscription.troubleTicketUpdated': 'signedIn',
  'Subscription.networkAlarms': 'signedIn',
  'Subscription.notificationReceived': 'signedIn',
};

/** The gateway's decision on one rule for one actor (also used for subscriptions). */
export function check(rule: GatewayRule, actor: Actor, field: string): GraphQLError | null {
  if (rule === 'public') return null;
  const denied = (message: string | Text = msg`You are not allowed to use ${field}.`) =>
    new GraphQLError(localize(message), { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  if (actor.kind === 'anonymous')
    return new GraphQLError(localize(msg`Log in to use ${field}.`), {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  if (actor.kind === 'partner') {
    // R4: partner systems reach the public catalogue and their own partner views, nothing else.
    return typeof rule === 'object' && 'partnerScope' in rule && actor.scopes.includes(rule.partnerScope)
      ? null
      : denied(msg`Partners cannot use ${field}.`);
  }
  if (typeof rule === 'object' && 'partnerScope' in rule)
    return denied(msg`${field} is for partner systems.`);
  if (actor.kind === 'staff') {
    // Staff must first choose a customer (actOnBehalfOf); until then only that and logout.
    return rule === 'staff' || rule === 'session' || rule === 'managerOrStaff'
      ? null
      : denied(msg`Act on behalf of a customer before using ${field}.`);
  }
  if (rule === 'staff') return denied(msg`${field} is for operator staff.`);
  if (rule === 'signedIn' || rule === 'session') return null;
  if (rule === 'manager' || rule === 'managerOrStaff') return actor.role === 'MANAGER' ? null : denied();
  if (rule === 'notSsmUser') return actor.role === 'SSM_USER' ? denied() : null;
  return holdsAnywhere(actor, rule.holds) ? null : denied();
}

/** Root fields that no rule covers: a new field must be given a rule before it can be used. */
export function uncoveredRootFields(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
    type
      ? Object.keys(type.getFields())
          .map((f) => `${type.name}.${f}`)
          .filter((k) => !(k in GATEWAY_RULES))
      : [],
  );
}

/**
 * Authorizes the whole operation before planning: a denied operation calls no subgraph. Root
 * fields without a rule are denied (deny by default); nested fields without one pass on to the
 * subgraphs' object-level rules.
 */
/**
 * Operations already allowed for an actor with the same rights: the rules need only the document
 * and the actor's kind, role, grants and scopes, so an allowed pair is not walked again. Denials
 * are never remembered (each is walked and recorded).
 */
const MEMO_LIMIT = 10_000;

function rightsOf(actor: Actor): string {
  switch (actor.kind) {
    case 'customerUser':
      return JSON.stringify([actor.kind, actor.role, Boolean(actor.assistedBy), actor.grants]);
    case 'partner':
      return JSON.stringify([actor.kind, actor.scopes]);
    default:
      return actor.kind;
  }
}

export function gatewayAuthorization(
  audit: SecurityEventLog,
  logger: Logger,
  rules: Record<string, GatewayRule> = GATEWAY_RULES,
): ApolloServerPlugin<GatewayContext> {
  const allowed = new BoundedSet<string>(MEMO_LIMIT);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue, operationName, queryHash }) {
          const memo = `${queryHash}|${operationName ?? ''}|${rightsOf(contextValue.actor)}`;
          if (allowed.has(memo)) return;
          const typeInfo = new TypeInfo(schema);
          const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
          let error: GraphQLError | null = null;
          visit(
            document,
            visitWithTypeInfo(typeInfo, {
              OperationDefinition(node) {
                // Only the operation that will run is authorized.
                return operationName && node.name?.value !== operationName ? false : undefined;
              },
              Field() {
                if (error) return;
                const parent = typeInfo.getParentType();
                const field = typeInfo.getFieldDef();
                if (!parent || !field || !isObjectType(getNamedType(parent))) return;
                const key = `${parent.name}.${field.name}`;
                if (field.name.startsWith('__')) return;
                const rule = rules[key] ?? (roots.has(parent.name) ? null : 'public');
                error =
                  rule === null
                    ? new GraphQLError(`${key} is not available.`, { extensions: { code: 'FORBIDDEN' } })
                    : check(rule, contextValue.actor, key);
              },
            }),
          );
          if (error) {
            const actor = contextValue.actor;
            if (actor.kind === 'customerUser') {
              // Best effort: a denial is answered whether or not its event could be stored.
              await audit
                .record({
                  kind: 'ACCESS_DENIED',
                  outcome: 'DENIED',
                  customerId: actor.customerId,
                  actorId: actor.userId,
                  target: (error as GraphQLError).message.slice(0, 120),
                })
                .catch((e: unknown) => logger.error({ err: e }, 'access-denied event not stored'));
            }
            throw error;
          }
          allowed.remember(memo);
        },
      };
    },
  };
}
