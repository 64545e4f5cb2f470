import type { Actor } from '../../lib/actor';
import { COMPLETE_LOGIN, START_LOGIN } from '../../system/kit/sign-in';
import { post } from '../../system/kit/client';
import type { Fleet } from '../fleet';
import type { RigActor, RigWorld } from '../rig/world';
import { progress } from '../settings';

/**
 * Who asks. Ours gets bearer tokens, signed in through it (S1, one-time code and all); Apollo and
 * Hive Gateway, which check nothing themselves, get the signed actor contexts our gateway would
 * forward to each subgraph, made by the load generator from these actors (bench/rig/actors.ts).
 * The token arrays are refreshed in place (`fresh()`), so read them when a run starts.
 */
export interface Callers {
  /** Northwind's SS manager, 50 numbers: the one-actor rows (deduplication best case). */
  one: { tokens: string[]; actors: Actor[] };
  /** At least 200 managers (MANY_ACTORS; fewer on the smoke seed), one picked per request. */
  many: { tokens: string[]; actors: Actor[] };
  /** The scaling companies' managers (10, 100, 1,000 numbers; workloads/scaling.ts), one token each. */
  scaling: { numbers: number; tokens: string[]; actors: Actor[] }[];
  anonymous: Actor[];
  world: RigWorld;
  /** Signs everyone in again when the tokens are past half their life (between runs). */
  fresh(): Promise<void>;
}

/** Access tokens live 15 minutes; a full bench is longer. */
const RESIGN_AFTER_MS = 7 * 60_000;

const actorOf = (a: RigActor): Actor => ({
  kind: 'customerUser',
  userId: a.userId,
  customerId: a.customerId,
  role: 'MANAGER',
  sessionId: 'bench',
  grants: [],
});

async function signIn(fleet: Fleet, actor: RigActor): Promise<string> {
  const started = await post<{ startLogin: { __typename: string; challengeId?: string } }>(
    fleet.urls.ours,
    START_LOGIN,
    { actorId: actor.userId, password: actor.password, channel: 'SMS' },
  );
  const challengeId = started.data?.startLogin.challengeId;
  if (!challengeId) throw new Error(`sign-in of ${actor.userId} failed: ${JSON.stringify(started)}`);
  const code = await fleet.simulators.code(actor.phone);
  const completed = await post<{ completeLogin: { accessToken?: string } }>(fleet.urls.ours, COMPLETE_LOGIN, {
    challengeId,
    code,
  });
  const token = completed.data?.completeLogin.accessToken;
  if (!token) throw new Error(`sign-in of ${actor.userId} failed: ${JSON.stringify(completed)}`);
  return token;
}

export async function signInCallers(fleet: Fleet): Promise<Callers> {
  const world = await fleet.simulators.world();
  const one = { tokens: [] as string[], actors: [actorOf(world.manager)] };
  const many = { tokens: [] as string[], actors: world.managers.map(actorOf) };
  const scaling = world.scaling.map((s) => ({
    numbers: s.numbers,
    tokens: [] as string[],
    actors: [actorOf(s.actor)],
  }));
  let signedAt = 0;
  const signInAll = async () => {
    one.tokens.splice(0, one.tokens.length, await signIn(fleet, world.manager));
    for (const [i, s] of world.scaling.entries())
      scaling[i].tokens.splice(0, scaling[i].tokens.length, await signIn(fleet, s.actor));
    const tokens: string[] = [];
    // A few at a time: sign-in is the slow, hashed path of the customer subgraph.
    for (let i = 0; i < world.managers.length; i += 10) {
      progress(`signing in ${world.managers.length} managers: ${i}...`);
      tokens.push(...(await Promise.all(world.managers.slice(i, i + 10).map((m) => signIn(fleet, m)))));
    }
    many.tokens.splice(0, many.tokens.length, ...tokens);
    signedAt = Date.now();
  };
  await signInAll();
  return {
    one,
    many,
    scaling,
    anonymous: [{ kind: 'anonymous' }],
    world,
    fresh: async () => {
      if (Date.now() - signedAt > RESIGN_AFTER_MS) await signInAll();
    },
  };
}
