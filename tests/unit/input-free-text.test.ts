import { GraphQLError } from 'graphql';
import { typedText } from '../../lib/input/free-text';

/**
 * S5 (input checks): the one rule for text a person typed that a legacy system stores and staff
 * read (ticket notes, CRM interactions, names, reasons): trimmed, within its bounds, no control
 * characters, something visible.
 */
function refusal(run: () => unknown): { code: unknown; field: unknown; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, field: error.extensions.field, message: error.message };
  }
}

describe('typed text', () => {
  it('is trimmed and kept as typed otherwise (tabs and new lines inside are fine)', () => {
    expect(typedText('  Fix the line\tplease\r\nthanks  ', 'note')).toBe('Fix the line\tplease\r\nthanks');
    expect(typedText('x', 'note')).toBe('x');
  });

  it('S5: counts characters after trimming, at both bounds, defaulting to 1 to 500', () => {
    expect(typedText('a'.repeat(500), 'note')).toHaveLength(500);
    expect(refusal(() => typedText('a'.repeat(501), 'note'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'note',
      message: 'note must be 1 to 500 characters.',
    });
    expect(refusal(() => typedText('   ', 'note'))?.message).toBe('note must be 1 to 500 characters.');
    expect(typedText(` ${'b'.repeat(20)} `, 'reason', { min: 20, max: 20 })).toBe('b'.repeat(20));
    expect(refusal(() => typedText('b'.repeat(19), 'reason', { min: 20, max: 30 }))?.message).toBe(
      'reason must be 20 to 30 characters.',
    );
    expect(refusal(() => typedText('b'.repeat(31), 'reason', { min: 20, max: 30 }))?.field).toBe('reason');
  });

  it('S5: refuses control characters (but not tab, CR, LF) and text with nothing visible', () => {
    for (const bad of ['bell\u0007', 'nul\u0000x', 'del\u007f', 'esc\u001b[0m'])
      expect(refusal(() => typedText(bad, 'note'))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'note',
        message: 'note contains control characters.',
      });
    expect(refusal(() => typedText('\u200b\u200b', 'note'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'note',
      message: 'note must contain visible characters.',
    });
    // With no minimum an empty text is allowed (nothing to show is then fine).
    expect(typedText('', 'note', { min: 0 })).toBe('');
    expect(typedText('\u200b', 'note', { min: 0 })).toBe('\u200b');
    expect(typedText('订单', 'note')).toBe('订单');
  });
});
