import { GUILD_QUERY } from '../guild/data';
import type { Workload, WorkloadContext } from './workload';

export const GUILD = JSON.stringify({ query: GUILD_QUERY });

/**
 * (d): The Guild's graphql-gateways-benchmark query over its four subgraphs (bench/guild). Ours
 * signs in as the manager: token, session and rate limit are checked per request.
 */
export function guildWorkload({ fleet, callers, bare }: WorkloadContext): Workload {
  return {
    name: '(d) guild benchmark query',
    body: GUILD,
    compareAnswers: true,
    targets: [
      {
        name: 'ours, everything on',
        url: fleet.urls.oursGuild,
        headers: { authorization: `Bearer ${callers.token}` },
      },
      { name: 'apollo gateway', url: fleet.urls.apolloGuild, headers: {} },
      { name: 'hive gateway', url: fleet.urls.hiveGuild, headers: {} },
      { name: 'hive gateway, no dedupe', url: fleet.urls.hiveGuildNoDedupe, headers: {} },
      bare,
    ],
  };
}
