import { typedText } from '../../../lib/input/free-text';

/**
 * A free-text field a person typed (names, addresses, reasons): trimmed, 1 to `max` characters,
 * no control characters and something visible, since it ends up in CRM records and security
 * events. The one rule for typed text (lib/input/free-text.ts), with this subgraph's bound.
 */
export function freeText(value: string, field: string, max: number): string {
  return typedText(value, field, { max });
}
