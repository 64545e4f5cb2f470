import { badInput } from '../../lib/errors';
import { hasControlCharacters } from '../../lib/text';
import type { CallRestrictionInput, ServiceParameterInput } from './__generated__/resolvers-types';
import type { CallRestrictionModel } from '../../legacy/ibss/models';
import { msg } from '../../lib/i18n/text';

const E164 = /^\+[1-9]\d{6,14}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Order notes and lifecycle reasons: free text the IBSS stores with the order, bounded. */
export function freeText(value: string | null | undefined, field: string, max = 500): string | null {
  if (value && value.length > max) throw badInput(msg`${field} must be at most ${max} characters.`, field);
  return value ?? null;
}

/** F4: one order holds 1 to 20 items. */
export function orderItems<T>(items: readonly T[]): readonly T[] {
  if (items.length < 1 || items.length > 20) throw badInput('items must hold 1 to 20 entries.', 'items');
  return items;
}

/** F5: service parameters by name, each named once, values printable and free of markup. */
export function parameters(
  input: readonly ServiceParameterInput[] | null | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of input ?? []) {
    if (!/^[a-zA-Z][a-zA-Z0-9]{0,39}$/.test(p.name))
      throw badInput(msg`Parameter name ${JSON.stringify(p.name.slice(0, 40))} is not valid.`, 'parameters');
    if (p.value.length > 200 || hasControlCharacters(p.value) || /[<>]/.test(p.value))
      throw badInput(
        msg`Value of ${p.name} must be at most 200 printable characters without < or >.`,
        'parameters',
      );
    if (p.name in out) throw badInput(msg`Parameter ${p.name} appears twice.`, 'parameters');
    out[p.name] = p.value;
  }
  return out;
}

function numbers(list: readonly string[], field: string, max: number): string[] {
  if (list.length < 1 || list.length > max)
    throw badInput(msg`${field} must hold 1 to ${max} numbers.`, field);
  for (const n of list)
    if (!E164.test(n)) throw badInput(msg`${JSON.stringify(n.slice(0, 20))} is not an E.164 number.`, field);
  if (new Set(list).size !== list.length) throw badInput(msg`${field} lists a number twice.`, field);
  return [...list];
}

/** F5: the four enterprise call restrictions, typed and checked before the order system sees them. */
export function callRestrictions(input: readonly CallRestrictionInput[]): CallRestrictionModel[] {
  const seen = new Set<string>();
  return input.map((r) => {
    const set = [r.incomingTimeWindow, r.closedUserGroup, r.outgoingWhitelist, r.monthlyAllowance].filter(
      (x) => x != null,
    );
    if (set.length !== 1)
      throw badInput(
        'Each restriction must set exactly one of incomingTimeWindow, closedUserGroup, outgoingWhitelist, monthlyAllowance.',
        'restrictions',
      );
    let model: CallRestrictionModel;
    if (r.incomingTimeWindow) {
      const w = r.incomingTimeWindow;
      if (!HHMM.test(w.from) || !HHMM.test(w.to))
        throw badInput('from and to must be HH:MM.', 'incomingTimeWindow');
      if (w.from === w.to) throw badInput('The time window must not be empty.', 'incomingTimeWindow');
      if (w.days.length === 0 || new Set(w.days).size !== w.days.length)
        throw badInput('days must list each day at most once, at least one day.', 'incomingTimeWindow');
      model = { kind: 'INCOMING_TIME_WINDOW', from: w.from, to: w.to, days: [...w.days] };
    } else if (r.closedUserGroup) {
      if (!/^[A-Z0-9-]{3,32}$/.test(r.closedUserGroup.groupId))
        throw badInput('groupId must be 3 to 32 upper-case letters, digits or dashes.', 'closedUserGroup');
      model = {
        kind: 'CLOSED_USER_GROUP',
        groupId: r.closedUserGroup.groupId,
        allowExternalEmergency: r.closedUserGroup.allowEmergencyCalls ?? true,
      };
    } else if (r.outgoingWhitelist) {
      model = {
        kind: 'OUTGOING_WHITELIST',
        numbers: numbers(r.outgoingWhitelist.numbers, 'outgoingWhitelist', 10),
      };
    } else {
      const a = r.monthlyAllowance as NonNullable<CallRestrictionInput['monthlyAllowance']>;
      if (
        !Number.isInteger(a.allowanceMinorUnits) ||
        a.allowanceMinorUnits < 100 ||
        a.allowanceMinorUnits > 10_000_000
      )
        throw badInput('allowanceMinorUnits must be between 100 and 10000000.', 'monthlyAllowance');
      model = {
        kind: 'MONTHLY_ALLOWANCE',
        allowanceMinor: a.allowanceMinorUnits,
        currency: 'EUR',
        numbersAfterAllowance: numbers(a.numbersAfterAllowance, 'monthlyAllowance', 10),
      };
    }
    if (seen.has(model.kind))
      throw badInput(msg`Only one ${model.kind} restriction per number.`, 'restrictions');
    seen.add(model.kind);
    return model;
  });
}
