import { randomUUID } from 'node:crypto';
import { domainEvent } from '../../lib/events/event';
import { ZH_HANS } from '../../lib/i18n/catalogue/zh-hans';
import { alarmAffects } from '../../mocks/faults/feed';
import { NORTHWIND_ID } from '../../mocks/seed/demo';
import { login } from '../../system/kit/sign-in';
import { handledMarker } from '../../subgraphs/customer/services/notifier';
import { gql, startTestSystem, type TestSystem } from '../support/system';

/**
 * Issue 16 item 4: user-facing texts (diagnoses, notification texts, business error messages) in
 * English and Simplified Chinese, chosen by the user's own choice or else the request's
 * Accept-Language, with the error codes unchanged. Expected texts are the English ones the
 * simulators' data calls for, and their entries in the zh-Hans catalogue.
 */
let system: TestSystem;
const tokens: Record<string, string> = {};
const EN = { 'accept-language': 'en-GB,en;q=0.9' };
const ZH = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };

beforeAll(async () => {
  system = await startTestSystem();
  for (const id of ['nw.manager', 'nw.support']) tokens[id] = (await login(system, id)).accessToken;
}, 120_000);
afterAll(async () => {
  await system?.stop();
});

/** A text of the catalogue with its values put in, as the API should render it. */
const zh = (id: string, ...values: string[]): string => {
  const pattern = ZH_HANS[id];
  if (!pattern) throw new Error(`no zh-Hans text for ${id}`);
  return pattern.replace(/\{(\d+)\}/g, (_m, i: string) => values[Number(i)]);
};

async function setLanguage(actor: string, language: string | null): Promise<void> {
  const r = await gql(
    system.gatewayUrl,
    `mutation($language: Language) { setLanguage(language: $language) { language } }`,
    { language },
    tokens[actor],
  );
  expect(r.data?.setLanguage).toEqual({ language });
}

describe('issue 16 item 4: languages', () => {
  it("an anonymous caller's Accept-Language picks the language of a business error; the code is the same", async () => {
    const query = `{ offerings(first: 0) { totalCount } }`;
    const en = await gql(system.gatewayUrl, query, {}, undefined, EN);
    const cn = await gql(system.gatewayUrl, query, {}, undefined, ZH);
    const max = /^first must be between 1 and (\d+)\.$/.exec(en.errors?.[0].message ?? '')?.[1];
    expect(max).toBeDefined();
    expect(cn.errors?.[0].message).toBe(zh('first must be between 1 and {0}.', max ?? ''));
    expect(cn.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(en.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Traditional Chinese is not offered: English, not Simplified.
    const tw = await gql(system.gatewayUrl, query, {}, undefined, { 'accept-language': 'zh-TW' });
    expect(tw.errors?.[0].message).toBe(en.errors?.[0].message);
  });

  it('A4: the diagnosis comes in the language asked, never from a cached answer in another language', async () => {
    const world = system.sims.world;
    const off = world.services.find(
      (s) =>
        s.customerId === NORTHWIND_ID &&
        s.state === 'active' &&
        s.type === 'MOBILE' &&
        s.handsetState === 'OFF' &&
        !world.alarms.some(
          (a) => a.clearedAt === null && (a.kind ?? 'alarm') === 'alarm' && alarmAffects(a, s),
        ),
    );
    if (!off) throw new Error('the seed has no switched-off handset without an outage');
    const query = `query($id: ID!) { service(id: $id) { networkStatus { reachable handsetState diagnosis } } }`;
    const ask = (headers: Record<string, string>) =>
      gql(system.gatewayUrl, query, { id: off.id }, tokens['nw.manager'], headers);
    const english = 'The network is fine; the handset is switched off or out of coverage.';
    const first = await ask(EN);
    expect(first.data?.service.networkStatus).toEqual({
      reachable: false,
      handsetState: 'OFF',
      diagnosis: english,
    });
    const chinese = await ask(ZH);
    expect(chinese.data?.service.networkStatus.diagnosis).toBe(zh(english));
    expect(zh(english)).not.toBe(english);
    // Asked again in each: the cached answers are per language.
    expect((await ask(EN)).data?.service.networkStatus.diagnosis).toBe(english);
    expect((await ask(ZH)).data?.service.networkStatus.diagnosis).toBe(zh(english));
  });

  it("the user's own choice wins over Accept-Language, for errors too; clearing it gives the header back", async () => {
    const unknown = `{ troubleTicket(id: "TT-NO-SUCH-1") { id } }`;
    await setLanguage('nw.manager', 'ZH_HANS');
    try {
      const me = await gql(system.gatewayUrl, `{ me { id language } }`, {}, tokens['nw.manager'], EN);
      expect(me.data?.me).toEqual({ id: 'nw.manager', language: 'ZH_HANS' });
      const chosen = await gql(system.gatewayUrl, unknown, {}, tokens['nw.manager'], EN);
      expect(chosen.errors?.[0]).toMatchObject({
        message: zh('{0} {1} was not found.', zh('Trouble ticket'), 'TT-NO-SUCH-1'),
        extensions: { code: 'NOT_FOUND' },
      });
    } finally {
      await setLanguage('nw.manager', null);
    }
    const header = await gql(system.gatewayUrl, unknown, {}, tokens['nw.manager'], EN);
    expect(header.errors?.[0]).toMatchObject({
      message: 'Trouble ticket TT-NO-SUCH-1 was not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    const me = await gql(system.gatewayUrl, `{ me { language } }`, {}, tokens['nw.manager'], ZH);
    expect(me.data?.me).toEqual({ language: null });
  });

  it("F8: the inbox shows a notification in the reader's language, and its SMS goes in the recipient's", async () => {
    const support = system.sims.world.users.find((u) => u.id === 'nw.support');
    if (!support) throw new Error('no seeded nw.support');
    const settings = await gql(
      system.gatewayUrl,
      `mutation { updateNotificationSettings(input: [{ event: PAYMENT_RECEIVED, channels: [IN_APP, SMS] }]) { settings { event } } }`,
      {},
      tokens['nw.support'],
    );
    expect(settings.errors).toBeUndefined();
    await setLanguage('nw.support', 'ZH_HANS');
    const payment = `PAY-${randomUUID()}`;
    const event = domainEvent({
      type: 'payment.settled',
      source: 'billing',
      customerId: support.customerId,
      subjectId: payment,
      recipients: [support.id],
    });
    await system.events.outbox.emit([event]);
    for (let i = 0; i < 250 && (await system.store.get(handledMarker(event.id))) === null; i++)
      await new Promise((r) => setTimeout(r, 20));

    const englishBody = `We received your payment ${payment}. Thank you.`;
    const chineseBody = zh('We received your payment {0}. Thank you.', payment);
    const sms = await fetch(`${system.sims.urls.messages}/outbox?to=${encodeURIComponent(support.phone)}`);
    const texts = ((await sms.json()) as { items: { channel: string; text: string }[] }).items.map(
      (m) => m.text,
    );
    expect(texts).toContain(chineseBody);
    expect(texts).not.toContain(englishBody);

    const inbox = async (headers: Record<string, string>) => {
      const r = await gql(
        system.gatewayUrl,
        `{ notifications(first: 50) { edges { node { title body subjectId } } } }`,
        {},
        tokens['nw.support'],
        headers,
      );
      return (r.data?.notifications.edges as { node: { title: string; body: string; subjectId: string } }[])
        .map((e) => e.node)
        .find((n) => n.subjectId === payment);
    };
    expect(await inbox(EN)).toEqual({ title: zh('Payment received'), body: chineseBody, subjectId: payment });
    await setLanguage('nw.support', null);
    // The same stored notification, read by an English reader.
    expect(await inbox(EN)).toEqual({ title: 'Payment received', body: englishBody, subjectId: payment });
  });

  it('tells HTTP caches that answers vary with Accept-Language', async () => {
    const res = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...ZH },
      body: JSON.stringify({ query: '{ offerings(first: 1) { totalCount } }' }),
    });
    expect(res.headers.get('vary') ?? '').toMatch(/Accept-Language/i);
  });
});
