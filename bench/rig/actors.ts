import { signActorContext, type Actor } from '../../lib/actor';
import { SUBGRAPHS, type SubgraphName } from '../../lib/subgraphs';

/** Who sends a request: nobody in particular, one of these bearer tokens, or one of these actors. */
export type LoadCallers =
  | { kind: 'fixed' }
  | { kind: 'tokens'; tokens: string[] }
  /** Contexts per subgraph (x-ssm-actor-<name>, for the baselines), or for one subgraph called directly. */
  | { kind: 'actors'; actors: Actor[]; direct?: SubgraphName };

/**
 * The headers a caller sends for `actor` to a baseline gateway: the context our gateway would
 * forward to each subgraph (x-ssm-actor-<name>), or to one subgraph called directly (x-ssm-actor).
 */
export async function signedHeaders(
  actor: Actor,
  contextSecret: string,
  direct?: SubgraphName,
): Promise<Record<string, string>> {
  if (direct) return { 'x-ssm-actor': await signActorContext(actor, direct, contextSecret) };
  const headers: Record<string, string> = {};
  for (const name of SUBGRAPHS)
    headers[`x-ssm-actor-${name}`] = await signActorContext(actor, name, contextSecret);
  return headers;
}

/** One caller's headers, for single requests (answers compared, recorded, one connection). */
export async function firstCallerHeaders(
  callers: LoadCallers,
  contextSecret: string,
): Promise<Record<string, string>> {
  if (callers.kind === 'tokens') return { authorization: `Bearer ${callers.tokens[0]}` };
  if (callers.kind === 'actors') return signedHeaders(callers.actors[0], contextSecret, callers.direct);
  return {};
}
