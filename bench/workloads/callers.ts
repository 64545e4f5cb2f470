import { ACTOR_CONTEXT_TTL_SECONDS, signActorContext, type Actor } from '../../lib/actor';
import { SUBGRAPHS, type SubgraphName } from '../../lib/subgraphs';
import { login } from '../../system/kit/sign-in';
import type { Fleet } from '../fleet';

/** Who asks: the SS manager of the 50-number company (Northwind), and anonymous visitors. */
export interface Callers {
  /** The manager's access token, signed in through our gateway (S1, one-time code and all). */
  token: string;
  /**
   * For Apollo and Hive Gateway, which check nothing themselves: the signed actor context our
   * gateway would forward to each subgraph (`x-ssm-actor-<subgraph>`), sent by the load
   * generator instead. Subgraphs accept contexts no longer-lived than our gateway's (60 s), so
   * these objects are re-signed in place while the bench runs: read them when a run starts.
   */
  managerHeaders: Record<string, string>;
  anonymousHeaders: Record<string, string>;
  /** (e) the limit: an anonymous request sent straight to one subgraph (`x-ssm-actor`), re-signed alike. */
  anonymousDirectHeaders: Record<SubgraphName, Record<string, string>>;
}

const MANAGER: Actor = {
  kind: 'customerUser',
  userId: 'nw.manager',
  customerId: 'CUST-000001',
  role: 'MANAGER',
  sessionId: 'bench',
  grants: [],
};

/**
 * Re-signed this often, so a context read at the start of a run still has at least two thirds
 * of its life left: enough for a measured run (seconds) or a smoke cell.
 */
const REFRESH_MS = (ACTOR_CONTEXT_TTL_SECONDS * 1000) / 3;

export async function signInCallers(fleet: Fleet): Promise<Callers> {
  const { accessToken } = await login({ ...fleet.system, gatewayUrl: fleet.urls.ours }, 'nw.manager');
  const managerHeaders: Record<string, string> = {};
  const anonymousHeaders: Record<string, string> = {};
  const anonymousDirectHeaders = Object.fromEntries(SUBGRAPHS.map((name) => [name, {}])) as Record<
    SubgraphName,
    Record<string, string>
  >;
  const refresh = async () => {
    for (const name of SUBGRAPHS) {
      const secret = fleet.secrets.contextSecret;
      managerHeaders[`x-ssm-actor-${name}`] = await signActorContext(MANAGER, name, secret);
      const anonymous = await signActorContext({ kind: 'anonymous' }, name, secret);
      anonymousHeaders[`x-ssm-actor-${name}`] = anonymous;
      anonymousDirectHeaders[name]['x-ssm-actor'] = anonymous;
    }
  };
  await refresh();
  // The bench exits when done; the timer must not keep it alive.
  setInterval(() => void refresh(), REFRESH_MS).unref();
  return { token: accessToken, managerHeaders, anonymousHeaders, anonymousDirectHeaders };
}
