import { hasControlCharacters } from '../../lib/text';
import { assertCanOrNotFound, assertOwned, requireUser } from '../../lib/authz/assertions';
import type { Capability } from '../../lib/authz/capabilities';
import { can, serviceTarget } from '../../lib/authz/decisions';
import { apiError, badInput, notFound } from '../../lib/errors';
import { connection, pageRequest } from '../../lib/pagination';
import type { Resolvers } from './__generated__/resolvers-types';
import type { FaultsContext } from './context';
import type { FaultServiceModel, TicketModel } from '../../legacy/fault-management/models';

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

function freeText(value: string, field: string, min: number, max: number): string {
  const t = value.trim();
  if (t.length < min || t.length > max)
    throw badInput(`${field} must be ${min} to ${max} characters.`, field);
  if (hasControlCharacters(t)) throw badInput(`${field} contains control characters.`, field);
  return t;
}

function isoDate(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(value) || Number.isNaN(Date.parse(value)))
    throw badInput(`${field} must be an ISO date such as 2026-01-31.`, field);
  return value;
}

/** A service named by the client: someone else's is indistinguishable from a missing one. */
async function ownService(
  ctx: FaultsContext,
  serviceId: string,
  capability: Capability,
  what = 'Service',
  id = serviceId,
): Promise<FaultServiceModel> {
  requireUser(ctx.actor);
  const service = await ctx.loaders.service.load(serviceId);
  assertCanOrNotFound(ctx.actor, capability, service ? serviceTarget(service) : undefined, what, id);
  return service as FaultServiceModel;
}

/** A ticket the actor may follow: fault reporting or service checks over its service. */
async function ownTicket(
  ctx: FaultsContext,
  ticketId: string,
  capabilities: Capability[],
): Promise<TicketModel> {
  requireUser(ctx.actor);
  const ticket = await ctx.loaders.ticket.load(ticketId);
  const service = ticket ? await ctx.loaders.service.load(ticket.serviceId) : null;
  if (!ticket || !service || !capabilities.some((c) => can(ctx.actor, c, serviceTarget(service))))
    throw notFound('Trouble ticket', ticketId);
  return ticket;
}

const DIAGNOSIS = {
  fault: 'A network fault in the area explains the outage; engineers are working on it.',
  off: 'The network is fine; the handset is switched off or out of coverage.',
  notProvisioned: 'The service is not active (suspended or terminated).',
  ok: 'The service is reachable.',
};

export const resolvers: Resolvers = {
  Query: {
    troubleTicket: async (_p, { id }, ctx) => {
      return ownTicket(ctx, id, ['fault.report', 'service.check']);
    },
    serviceTest: async (_p, { id }, ctx) => {
      requireUser(ctx.actor);
      const test = await ctx.loaders.test.load(id);
      if (!test) throw notFound('Service test', id);
      await ownService(ctx, test.serviceId, 'service.check', 'Service test', id);
      return test;
    },
  },
  Mutation: {
    reportFault: async (_p, { input }, ctx) => {
      const user = requireUser(ctx.actor);
      if (!KEY.test(input.idempotencyKey))
        throw badInput(
          'idempotencyKey must be 8 to 100 letters, digits, dots, dashes, colons or underscores.',
          'idempotencyKey',
        );
      const service = await ownService(ctx, input.serviceId, 'fault.report');
      const result = await ctx.fm.createTicket({
        requestId: `${user.customerId}:${input.idempotencyKey}`,
        customerId: user.customerId,
        serviceId: service.id,
        category: input.category,
        severity: input.severity ?? 'MEDIUM',
        description: freeText(input.description, 'description', 3, 2000),
      });
      if (!result.ok) return { __typename: 'FaultReportRejected', reason: result.reason };
      ctx.logger.info(
        { event: 'ticket.created', ticketId: result.value.id, serviceId: service.id },
        'trouble ticket created',
      );
      return { __typename: 'TroubleTicket', ...result.value };
    },
    addTicketNote: async (_p, { input }, ctx) => {
      await ownTicket(ctx, input.ticketId, ['fault.report']);
      const result = await ctx.fm.addNote(input.ticketId, freeText(input.text, 'text', 1, 2000));
      return result.ok
        ? { __typename: 'TroubleTicket', ...result.value }
        : { __typename: 'FaultReportRejected', reason: result.reason };
    },
    startServiceTest: async (_p, { input }, ctx) => {
      const service = await ownService(ctx, input.serviceId, 'service.check');
      const result = await ctx.fm.startTest(service.id, input.kind);
      return result.ok
        ? { __typename: 'ServiceTest', ...result.value }
        : { __typename: 'ServiceTestRejected', reason: result.reason };
    },
    submitExperienceReport: async (_p, { input }, ctx) => {
      const user = requireUser(ctx.actor);
      if (!KEY.test(input.idempotencyKey))
        throw badInput(
          'idempotencyKey must be 8 to 100 letters, digits, dots, dashes, colons or underscores.',
          'idempotencyKey',
        );
      if (input.serviceId) await ownService(ctx, input.serviceId, 'experience.report');
      if (!/^AREA-\d{2}$/.test(input.areaId)) throw badInput('areaId must look like AREA-01.', 'areaId');
      const result = await ctx.fm.createExperienceReport({
        requestId: `${user.customerId}:${input.idempotencyKey}`,
        customerId: user.customerId,
        serviceId: input.serviceId ?? null,
        areaId: input.areaId,
        kind: input.kind,
        comment: input.comment ? freeText(input.comment, 'comment', 0, 1000) : '',
      });
      if (!result.ok) throw badInput(result.reason, 'input');
      return result.value;
    },
  },
  Customer: {
    __resolveReference: (ref, ctx) => {
      assertOwned(ctx.actor, ref.id);
      return { id: ref.id };
    },
    troubleTickets: async (c, { openOnly, first, after }, ctx) => {
      assertOwned(ctx.actor, c.id);
      const page = pageRequest(first, after, 100);
      const result = await ctx.fm.ticketsOfCustomer(c.id, openOnly ?? false, page.offset, page.limit);
      return connection(result.items, result.total, page);
    },
    experienceReports: (c, _a, ctx) => {
      assertOwned(ctx.actor, c.id);
      return ctx.fm.experienceReports(c.id);
    },
  },
  Service: {
    __resolveReference: async (ref, ctx) => {
      const service = await ctx.loaders.service.load(ref.id);
      if (!service) throw notFound('Service', ref.id);
      assertOwned(ctx.actor, service.customerId);
      return service;
    },
    troubleTickets: async (s, { openOnly, first, after }, ctx) => {
      const page = pageRequest(first, after, 100);
      const all = await (openOnly ? ctx.loaders.openTickets : ctx.loaders.allTickets).load(s.id);
      return connection(all.slice(page.offset, page.offset + page.limit), all.length, page);
    },
    networkStatus: async (s, _a, ctx) => {
      const status = await ctx.loaders.networkStatus.load(s.id);
      if (!status)
        throw apiError('UPSTREAM_ERROR', 'The network has no status for this service.', { system: 'faults' });
      return status;
    },
    knownIssues: async (s, _a, ctx) => {
      const service = await ctx.loaders.service.load(s.id);
      if (!service) return [];
      return (await ctx.loaders.alarmsOfArea.load(service.areaId)).filter(
        (a) => a.serviceType === null || a.serviceType === service.type,
      );
    },
    slaTarget: async (s, _a, ctx) => {
      const sla = await ctx.loaders.sla.load(s.id);
      if (!sla)
        throw apiError('UPSTREAM_ERROR', 'No service level is recorded for this service.', {
          system: 'faults',
        });
      return {
        availabilityPercent: sla.availability,
        downloadMbps: sla.downloadMbps,
        latencyMs: sla.latencyMs,
        callSetupSuccessPercent: sla.callSetupSuccess,
      };
    },
    qualityHistory: async (s, { from, to }, ctx) => {
      if (isoDate(from, 'from') > isoDate(to, 'to')) throw badInput('from must not be after to.', 'from');
      return ctx.loaders.quality.load({ id: s.id, from, to: to.length === 10 ? `${to}T23:59:59.999Z` : to });
    },
  },
  NetworkStatus: {
    reachable: (n) => n.registered,
    diagnosis: (n) =>
      !n.provisioned
        ? DIAGNOSIS.notProvisioned
        : n.networkFault
          ? DIAGNOSIS.fault
          : n.handsetState === 'OFF'
            ? DIAGNOSIS.off
            : DIAGNOSIS.ok,
    alarm: async (n, _a, ctx) =>
      n.alarmId
        ? ((await ctx.loaders.alarmsOfArea.load(n.areaId)).find((a) => a.id === n.alarmId) ?? null)
        : null,
  },
  TroubleTicket: {
    __resolveReference: async (ref, ctx) => {
      const ticket = await ctx.loaders.ticket.load(ref.id);
      if (!ticket) throw notFound('Trouble ticket', ref.id);
      assertOwned(ctx.actor, ticket.customerId);
      return ticket;
    },
    service: (t, _a, ctx) => ctx.loaders.service.load(t.serviceId),
  },
  ServiceTest: {
    service: (t, _a, ctx) => ctx.loaders.service.load(t.serviceId),
  },
};
