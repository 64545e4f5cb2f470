import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { PartnerTokenDocument } from './__generated__/graphql';

/**
 * The partner SDK's client: sends the typed documents of ./__generated__ (one per operation in
 * ./operations) to the gateway and returns their typed data. It depends on nothing of the
 * project but the generated types, so a partner can copy this folder as it is.
 */

/** An error the API answered with: `code` is extensions.code (docs/partners.md lists them). */
export interface PartnerApiErrorEntry {
  message: string;
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

export class PartnerApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: PartnerApiErrorEntry[],
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') || `HTTP ${status}`);
  }

  /** The first error's code (FORBIDDEN, UNAUTHENTICATED, RATE_LIMITED, ...). */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export class PartnerClient {
  private token: string | null = null;

  /** `url` is the API's address, e.g. http://127.0.0.1:4000/graphql. */
  constructor(readonly url: string) {}

  /** Signs in with client credentials; later requests carry the token until it expires (15 min). */
  async signIn(clientId: string, clientSecret: string) {
    const { partnerToken } = await this.request(PartnerTokenDocument, { clientId, clientSecret });
    if (partnerToken.__typename === 'PartnerAuthFailed')
      throw new PartnerApiError(200, [
        { message: partnerToken.message, extensions: { code: 'AUTH_FAILED' } },
      ]);
    this.token = partnerToken.accessToken;
    return partnerToken;
  }

  /** Runs one typed operation; any error in the answer is thrown as a PartnerApiError. */
  async request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await res.json()) as { data?: TResult | null; errors?: PartnerApiErrorEntry[] };
    if (body.errors?.length || !body.data) throw new PartnerApiError(res.status, body.errors ?? []);
    return body.data;
  }
}
