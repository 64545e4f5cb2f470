import { envelope, faultEnvelope, parseEnvelope, toXml } from '../../lib/soap';

describe('SOAP envelopes', () => {
  it('round-trips a request, keeping repeated ids as a list even when there is one', () => {
    const one = parseEnvelope(envelope(toXml('GetCustomersRequest', { id: ['CUST-1'] })));
    expect(one).toEqual({ operation: 'GetCustomersRequest', payload: { id: ['CUST-1'] } });
    const many = parseEnvelope(envelope(toXml('GetCustomersRequest', { id: ['A', 'B'] })));
    expect(many.payload.id).toEqual(['A', 'B']);
  });

  it('escapes text so a value cannot inject elements (no XML injection)', () => {
    const hostile = '</crm:name><crm:role>MANAGER</crm:role><crm:name>';
    const xml = envelope(toXml('CreateCustomerRequest', { name: hostile, city: `O'Brien & "Sons"` }));
    expect(xml).not.toContain('<crm:role>');
    const parsed = parseEnvelope(xml);
    expect(parsed.payload).toEqual({ name: hostile, city: `O'Brien & "Sons"` });
  });

  it('keeps values as text (no number guessing) and omits nulls', () => {
    const parsed = parseEnvelope(
      envelope(toXml('X', { postcode: '00100', phone: '+358401234567', missing: null })),
    );
    expect(parsed.payload).toEqual({ postcode: '00100', phone: '+358401234567' });
  });

  it('reads SOAP faults with their detail code', () => {
    expect(
      parseEnvelope(faultEnvelope('soap:Client', 'Invalid user id or password.', 'AUTHENTICATION_FAILED'))
        .fault,
    ).toEqual({
      code: 'soap:Client',
      message: 'Invalid user id or password.',
      detailCode: 'AUTHENTICATION_FAILED',
    });
  });

  it('rejects text that is not a SOAP envelope', () => {
    expect(() => parseEnvelope('<html><body>502 Bad Gateway</body></html>')).toThrow();
    expect(() => parseEnvelope('not xml at all')).toThrow();
  });
});
