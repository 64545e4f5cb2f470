import { createHmac } from 'node:crypto';
import { SIGNATURE_HEADER, signDelivery } from '../../subgraphs/orders/services/webhooks/signature';

/** What a receiver computes (docs/partners.md, "Verifying a delivery"), written out independently. */
const expected = (secret: string, t: string, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

describe('R4: webhook delivery signature (services/webhooks/signature)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('R4: the header is x-ssm-signature', () => {
    expect(SIGNATURE_HEADER).toBe('x-ssm-signature');
  });

  it('R4: signs "<t>.<body>" with the secret, t in whole unix seconds rounded down', () => {
    const body = '{"id":"E-1"}';
    expect(signDelivery('s3cret', body, 1_700_000_000_999)).toBe(
      `t=1700000000,v1=${expected('s3cret', '1700000000', body)}`,
    );
  });

  it('R4: another secret, body or second gives another signature', () => {
    const base = signDelivery('s3cret', 'a', 1_700_000_000_000);
    expect(signDelivery('other', 'a', 1_700_000_000_000)).not.toBe(base);
    expect(signDelivery('s3cret', 'b', 1_700_000_000_000)).not.toBe(base);
    expect(signDelivery('s3cret', 'a', 1_700_000_001_000)).toBe(
      `t=1700000001,v1=${expected('s3cret', '1700000001', 'a')}`,
    );
  });

  it('R4: without a time given, signs at the current time', () => {
    jest.spyOn(Date, 'now').mockReturnValue(1_800_000_000_500);
    expect(signDelivery('k', 'x')).toBe(`t=1800000000,v1=${expected('k', '1800000000', 'x')}`);
  });
});
