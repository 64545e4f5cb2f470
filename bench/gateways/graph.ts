/**
 * Which graph a bench gateway serves: the SSM supergraph (schema/supergraph.graphql) at the
 * subgraph URLs of the process's settings (SSM_SUBGRAPH_<NAME>_URL, read by system/config), or
 * the graph of workload (d), composed here from bench/guild, when fleet.ts names The Guild's
 * subgraphs in SSM_GUILD_SUBGRAPH_URLS (JSON: name -> URL; the bench's own variable, not the
 * system's configuration).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../system/config';
import { guildSupergraph } from '../guild/subgraphs';

export function benchGraph(
  settings: Pick<Settings, 'subgraphUrls'>,
  env: NodeJS.ProcessEnv = process.env,
): {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  guild: boolean;
} {
  const guild = env.SSM_GUILD_SUBGRAPH_URLS;
  if (guild) {
    const subgraphUrls = JSON.parse(guild) as Record<string, string>;
    return { supergraphSdl: guildSupergraph(subgraphUrls), subgraphUrls, guild: true };
  }
  return {
    supergraphSdl: readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8'),
    subgraphUrls: settings.subgraphUrls,
    guild: false,
  };
}
