import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../lib/http';
import { postBody } from '../../system/kit/client';
import type { Fleet } from '../fleet';
import type { Target } from '../measure';
import { outputDir } from '../settings';
import type { Callers } from './callers';
import { CATALOGUE } from './catalogue';
import { DASHBOARD } from './dashboard';
import { GUILD } from './guild';

export const BARE = 'bare node:http (limit)';

/**
 * (e) the limit: the same response bytes from a bare node:http server, one process of its own like
 * each gateway (the same CPU budget). The bytes are recorded from our gateway (dashboard,
 * catalogue) and Apollo's (Guild query) first.
 */
export async function startBare(fleet: Fleet, callers: Callers): Promise<Target> {
  const record = async (url: string, body: string, headers: Record<string, string> = {}) =>
    (await postBody(url, body, headers)).text();
  const recorded = {
    // The first of the many managers: the one whose answer workload (a) compares.
    dashboard: await record(fleet.urls.ours, DASHBOARD, {
      authorization: `Bearer ${callers.many.tokens[0]}`,
    }),
    catalogue: await record(fleet.urls.ours, CATALOGUE),
    guild: await record(fleet.urls.apolloGuild, GUILD),
  };
  mkdirSync(outputDir, { recursive: true });
  const responsesFile = path.join(outputDir, `bare-responses-${process.pid}.json`);
  // [needle, body]: the first needle found in a request body picks the answer (bench/gateways/bare.ts).
  writeFileSync(
    responsesFile,
    JSON.stringify([
      ['offerings', recorded.catalogue],
      ['topProducts', recorded.guild],
      ['services', recorded.dashboard],
    ]),
  );
  const port = await freePort();
  await fleet.startProcess('bare', 'bench/gateways/bare.ts', {
    SSM_BARE_RESPONSES: responsesFile,
    PORT: String(port),
  });
  rmSync(responsesFile);
  return { name: BARE, url: `http://127.0.0.1:${port}/`, callers: { kind: 'fixed' }, process: 'bare' };
}
