/**
 * Which graph a bench gateway serves: the SSM supergraph (schema/supergraph.graphql, subgraph URLs
 * from SSM_SUBGRAPH_<NAME>_URL), or with SSM_GUILD_SUBGRAPH_URLS (JSON: name -> URL) the graph of
 * workload (d), composed here from bench/guild.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '../../lib/subgraphs';
import { guildSupergraph } from '../guild/subgraphs';

export function benchGraph(): {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  guild: boolean;
} {
  const guild = process.env.SSM_GUILD_SUBGRAPH_URLS;
  if (guild) {
    const subgraphUrls = JSON.parse(guild) as Record<string, string>;
    return { supergraphSdl: guildSupergraph(subgraphUrls), subgraphUrls, guild: true };
  }
  return {
    supergraphSdl: readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8'),
    subgraphUrls: Object.fromEntries(
      SUBGRAPHS.map((name) => [name, process.env[`SSM_SUBGRAPH_${name.toUpperCase()}_URL`] ?? '']),
    ),
    guild: false,
  };
}
