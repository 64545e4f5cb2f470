import { Simulator, badRequest, parseJson } from '../common/sim-server';
import type { User } from '../seed/types';

export interface SentMessage {
  id: string;
  channel: 'SMS' | 'EMAIL';
  to: string;
  subject: string | null;
  text: string;
  at: string;
}

/**
 * SMS / e-mail gateway. Business calls send; GET /outbox is the simulator's "handset" that tests
 * (and demo users) read one-time codes and notifications from: `?to=<phone or e-mail>`, or
 * `?login=<login id>` for everything sent to that seeded user's phone and e-mail, with the latest
 * one-time code, so a developer signing in need not know which number the code went to.
 */
export function createMessages(users: readonly Pick<User, 'id' | 'phone' | 'email'>[] = []): {
  sim: Simulator;
  outbox: SentMessage[];
} {
  const sim = new Simulator('messages');
  const outbox: SentMessage[] = [];
  sim.route('POST', '/messages', 'send', (req) => {
    const body = parseJson(req.body);
    const channel = body?.channel;
    if (channel !== 'SMS' && channel !== 'EMAIL') return badRequest('channel must be SMS or EMAIL');
    if (typeof body?.to !== 'string' || !body.to || typeof body.text !== 'string')
      return badRequest('to and text are required');
    const message: SentMessage = {
      id: `MSG-${outbox.length + 1}`,
      channel,
      to: body.to,
      subject: typeof body.subject === 'string' ? body.subject : null,
      text: body.text,
      at: new Date().toISOString(),
    };
    outbox.push(message);
    if (outbox.length > 10_000) outbox.shift();
    return { status: 202, body: { id: message.id } };
  });
  sim.route('GET', '/outbox', '', (req) => {
    const login = req.query.get('login');
    if (login !== null) {
      const user = users.find((u) => u.id === login);
      if (!user) return { status: 404, body: { error: 'not_found', message: `no user ${login}` } };
      const items = outbox.filter((m) => m.to === user.phone || m.to === user.email);
      // The latest one-time code: six digits after the word "code" ("Your ... sign-in code is 123456").
      const code = [...items]
        .reverse()
        .map((m) => /\bcode\b\D*(\d{6})\b/i.exec(m.text)?.[1])
        .find(Boolean);
      return {
        status: 200,
        body: { login, sentTo: [user.phone, user.email], code: code ?? null, items: items.slice(-20) },
      };
    }
    const to = req.query.get('to');
    return { status: 200, body: { items: to ? outbox.filter((m) => m.to === to) : outbox.slice(-100) } };
  });
  return { sim, outbox };
}
