import { LegacyError } from '../../lib/errors';
import { LegacyAdapter } from '../base-client';

/** Client of the operator's SMS / e-mail gateway. */
export class MessageGateway extends LegacyAdapter {
  static readonly system = 'messages';

  /** Hands one message over for delivery; a gateway that does not take it is a failure, not a refusal. */
  async send(channel: 'SMS' | 'EMAIL', to: string, text: string, subject?: string): Promise<void> {
    const res = await this.http.json('POST', '/messages', { channel, to, text, subject });
    if (res.status >= 300)
      throw new LegacyError(
        this.http.system,
        'UPSTREAM_ERROR',
        `${this.http.system} refused the message (HTTP ${res.status}).`,
        res.status,
      );
  }
}
