import { BlockList, isIP } from 'node:net';
import type { Actor } from '../../../../lib/actor';
import { apiError, badInput, forbidden, notFound } from '../../../../lib/errors';
import type { DeliveryQueue } from './delivery-queue';
import type { DeadLetterModel, EventSubscriptionModel, PartnerEventTypeName } from './models';
import type { SubscriptionStore } from './subscription-store';
import { msg } from '../../../../lib/i18n/text';

/** What the partner-facing operations need; built once per process, holds no partner's data. */
export interface Webhooks {
  subscriptions: SubscriptionStore;
  queue: DeliveryQueue;
  /** Production: only https sinks. */
  httpsOnly: boolean;
}

export interface CreateInput {
  types: readonly PartnerEventTypeName[];
  sink: string;
  sinkCredential?: { accessToken: string } | null;
  expiresAt?: string | null;
}

/** Live and expired subscriptions one partner may keep (each costs a fan-in look-up per event). */
const MAX_SUBSCRIPTIONS = 20;
const MAX_SINK_LENGTH = 2_000;
/** A bearer token is visible ASCII (RFC 6750 b64token and then some), never a header break. */
const ACCESS_TOKEN = /^[\x21-\x7e]{1,4096}$/;

function partnerOf(actor: Actor): string {
  if (actor.kind !== 'partner') throw forbidden('Only partner systems have event subscriptions.');
  return actor.partnerId;
}

/** Addresses of the operator's own network, never a partner's sink in production. */
const INTERNAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  INTERNAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  INTERNAL.addSubnet(net, bits, 'ipv6');
// No `::ffff:0:0/96` rule: BlockList checks an IPv4-mapped address ([::ffff:10.0.0.1]) against
// the IPv4 rules above, and checks every IPv4 address against that IPv6 rule, so such a rule
// would refuse every public IPv4 sink.

/** A host written as a loopback, private or link-local address (or localhost). */
function isInternalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  return family !== 0 && INTERNAL.check(host, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The sink must be an absolute http(s) URL (https only in production, so deliveries and the
 * bearer credential are never sent in clear, and to no internal address), without user info (credentials belong in
 * `sinkCredential`, never in a URL that shows up in lists and logs).
 */
export function checkSink(sink: string, httpsOnly: boolean): string {
  if (sink.length > MAX_SINK_LENGTH)
    throw badInput(msg`sink must be at most ${MAX_SINK_LENGTH} characters.`, 'sink');
  let url: URL;
  try {
    url = new URL(sink);
  } catch {
    throw badInput('sink must be an absolute URL.', 'sink');
  }
  const allowed = httpsOnly ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol))
    throw badInput(httpsOnly ? 'sink must be an https URL.' : 'sink must be an http or https URL.', 'sink');
  if (url.username || url.password)
    throw badInput('sink must not hold credentials: use sinkCredential.', 'sink');
  // Production: the API must not become a way to reach the operator's internal hosts. (A name
  // that resolves to an internal address is not caught here; the egress network policy is.)
  if (httpsOnly && isInternalHost(url.hostname)) throw badInput('sink must be a public address.', 'sink');
  return url.toString();
}

function checkExpiry(expiresAt: string | null | undefined, now = Date.now()): Date | null {
  if (expiresAt === null || expiresAt === undefined) return null;
  const at = new Date(expiresAt);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(expiresAt) || Number.isNaN(at.getTime()))
    throw badInput('expiresAt must be an ISO 8601 date and time.', 'expiresAt');
  if (at.getTime() <= now) throw badInput('expiresAt must be in the future.', 'expiresAt');
  return at;
}

/** R4: registers a sink for events about the calling partner's own products. */
export async function createEventSubscription(
  deps: Webhooks,
  actor: Actor,
  input: CreateInput,
): Promise<{ subscription: EventSubscriptionModel; signingSecret: string }> {
  const partnerId = partnerOf(actor);
  const types = [...new Set(input.types)];
  if (types.length === 0) throw badInput('Give at least one event type.', 'types');
  const sink = checkSink(input.sink, deps.httpsOnly);
  const token = input.sinkCredential?.accessToken ?? null;
  if (token !== null && !ACCESS_TOKEN.test(token))
    throw badInput('sinkCredential.accessToken must be 1-4096 visible ASCII characters.', 'sinkCredential');
  const expiresAt = checkExpiry(input.expiresAt);
  if ((await deps.subscriptions.list(partnerId)).length >= MAX_SUBSCRIPTIONS)
    throw badInput(msg`At most ${MAX_SUBSCRIPTIONS} event subscriptions: delete one first.`, 'sink');
  const created = await deps.subscriptions.create({ partnerId, types, sink, credential: token, expiresAt });
  if (!created)
    throw apiError('CONFLICT', 'You already have a subscription to this sink: delete it first.', {
      field: 'sink',
    });
  return { subscription: created.subscription, signingSecret: created.secret };
}

export async function eventSubscriptions(deps: Webhooks, actor: Actor): Promise<EventSubscriptionModel[]> {
  return deps.subscriptions.list(partnerOf(actor));
}

/** Another partner's subscription id answers NOT_FOUND, exactly like an unknown one. */
export async function eventSubscription(
  deps: Webhooks,
  actor: Actor,
  id: string,
): Promise<EventSubscriptionModel> {
  const found = await deps.subscriptions.get(partnerOf(actor), id);
  if (!found) throw notFound('Event subscription', id);
  return found;
}

export async function deleteEventSubscription(deps: Webhooks, actor: Actor, id: string): Promise<string> {
  if (!(await deps.subscriptions.delete(partnerOf(actor), id))) throw notFound('Event subscription', id);
  return id;
}

export function deadLetters(
  deps: Webhooks,
  subscription: EventSubscriptionModel,
  first: number | null | undefined,
) {
  const limit = first ?? 50;
  if (limit < 1 || limit > 200) throw badInput('first must be between 1 and 200.', 'first');
  return deps.queue.deadLetters(subscription.id, limit) satisfies Promise<DeadLetterModel[]>;
}
