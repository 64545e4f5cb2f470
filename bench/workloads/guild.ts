import { GUILD_QUERY } from '../guild/data';
import type { Workload, WorkloadContext } from './workload';

export const GUILD = JSON.stringify({ query: GUILD_QUERY });

/**
 * (d): The Guild's graphql-gateways-benchmark query over its four subgraphs (bench/guild). Ours
 * signs in as the manager: token, session and rate limit are checked per request.
 */
export function guildWorkload({ fleet, callers, bare }: WorkloadContext): Workload {
  const none = { kind: 'fixed' as const };
  return {
    name: '(d) guild benchmark query',
    body: GUILD,
    compareAnswers: true,
    targets: [
      {
        name: 'ours, everything on',
        url: fleet.urls.oursGuild,
        callers: { kind: 'tokens', tokens: callers.one.tokens },
        process: 'oursGuild',
      },
      { name: 'apollo gateway', url: fleet.urls.apolloGuild, callers: none, process: 'apolloGuild' },
      { name: 'hive gateway', url: fleet.urls.hiveGuild, callers: none, process: 'hiveGuild' },
      {
        name: 'hive gateway, no dedupe',
        url: fleet.urls.hiveGuildNoDedupe,
        callers: none,
        process: 'hiveGuildNoDedupe',
      },
      bare,
    ],
  };
}
