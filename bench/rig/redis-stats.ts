import { Redis } from 'ioredis';

/**
 * The Redis server's own counters (INFO stats): commands processed, and socket reads, which is
 * how many round trips reached it (a pipeline of commands arrives in one read). Every rig process
 * shares the server, so a cell's difference divided by its requests is the whole system's store
 * cost per request (issue 17 item 5: the per-request round trips).
 */
export interface RedisCounters {
  commands: number;
  reads: number;
}

export class RedisStats {
  private readonly client: Redis;

  constructor(url: string) {
    this.client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  }

  async read(): Promise<RedisCounters> {
    const info = await this.client.info('stats');
    const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? Number.NaN);
    return { commands: field('total_commands_processed'), reads: field('total_reads_processed') };
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}
