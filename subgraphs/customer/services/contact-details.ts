import type { Actor } from '../../../lib/actor';

/** Shows enough of a phone number or e-mail address to recognise it, no more (S6). */
export function maskDestination(value: string): string {
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  return `${value.slice(0, 3)}${'*'.repeat(Math.max(0, value.length - 5))}${value.slice(-2)}`;
}

/**
 * S6: the holder and the customer's manager see contact details in full; everyone else who may
 * see the holder at all sees them masked.
 */
export function contactFor(
  actor: Actor,
  holder: { email: string; phone: string },
  isSelf: boolean,
): { email: string; phone: string } {
  const full = isSelf || (actor.kind === 'customerUser' && actor.role === 'MANAGER');
  return full
    ? { email: holder.email, phone: holder.phone }
    : { email: maskDestination(holder.email), phone: maskDestination(holder.phone) };
}
