import { Simulator, badRequest, parseJson } from '../common/sim-server';

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
 * (and demo users) read one-time codes and notifications from.
 */
export function createMessages(): { sim: Simulator; outbox: SentMessage[] } {
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
    const to = req.query.get('to');
    return { status: 200, body: { items: to ? outbox.filter((m) => m.to === to) : outbox.slice(-100) } };
  });
  return { sim, outbox };
}
