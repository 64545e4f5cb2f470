import { LegacyHttpClient } from '../base-client';

/** Client of the operator's SMS / e-mail gateway. */
export class MessageGateway {
  private readonly http: LegacyHttpClient;
  constructor(baseUrl: string, timeoutMs?: number) {
    this.http = new LegacyHttpClient({ system: 'messages', baseUrl, timeoutMs });
  }

  async send(channel: 'SMS' | 'EMAIL', to: string, text: string, subject?: string): Promise<void> {
    const res = await this.http.json('POST', '/messages', { channel, to, text, subject });
    if (res.status >= 300) throw new Error(`message gateway refused the message (HTTP ${res.status})`);
  }
}
