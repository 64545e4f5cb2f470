import { signActorContext, type Actor } from '../../lib/actor';
import { SUBGRAPHS } from '../../lib/subgraphs';
import { login } from '../../system/kit/sign-in';
import type { Fleet } from '../fleet';

/** Who asks: the SS manager of the 50-number company (Northwind), and anonymous visitors. */
export interface Callers {
  /** The manager's access token, signed in through our gateway (S1, one-time code and all). */
  token: string;
  /**
   * For Apollo and Hive Gateway, which check nothing themselves: the signed actor context our
   * gateway would forward to each subgraph, sent by the load generator instead.
   */
  managerHeaders: Record<string, string>;
  anonymousHeaders: Record<string, string>;
}

const MANAGER: Actor = {
  kind: 'customerUser',
  userId: 'nw.manager',
  customerId: 'CUST-000001',
  role: 'MANAGER',
  sessionId: 'bench',
  grants: [],
};

export async function signInCallers(fleet: Fleet): Promise<Callers> {
  const { accessToken } = await login({ ...fleet.system, gatewayUrl: fleet.urls.ours }, 'nw.manager');
  const forwarded = async (actor: Actor) =>
    Object.fromEntries(
      await Promise.all(
        SUBGRAPHS.map(async (name) => [
          `x-ssm-actor-${name}`,
          await signActorContext(actor, name, fleet.secrets.contextSecret, 24 * 3600),
        ]),
      ),
    ) as Record<string, string>;
  return {
    token: accessToken,
    managerHeaders: await forwarded(MANAGER),
    anonymousHeaders: await forwarded({ kind: 'anonymous' }),
  };
}
