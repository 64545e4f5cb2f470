/** A refusal the CRM answers with a SOAP Client fault (the caller's mistake, never retried). */
export class ClientFault extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
