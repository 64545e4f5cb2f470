/** True when text holds control characters other than tab, newline and carriage return. */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/**
 * How many characters of text a reader actually sees: letters, digits, punctuation and symbols.
 * Spaces, zero-width and other format characters (U+200B, U+2060, U+FEFF, bidi marks), controls
 * and combining marks on their own count for nothing, so a "reason" of 12 zero-width spaces is
 * empty.
 */
export function visibleLength(text: string): number {
  return text.match(/[\p{L}\p{N}\p{P}\p{S}]/gu)?.length ?? 0;
}

/**
 * S6 (minimum exposure): a phone number shown to someone who may not read it in full keeps only
 * its last three digits (usage counterparts, third-party numbers in call restrictions).
 */
export function maskLastDigits(number: string): string {
  return `${'*'.repeat(Math.max(0, number.length - 3))}${number.slice(-3)}`;
}
