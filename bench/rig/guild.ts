/**
 * Workload (d)'s four subgraphs (bench/guild) as a process of their own, like the SSM subgraphs
 * (issue 17). PORT is a control port answering GET /urls with each subgraph's URL.
 */
import http from 'node:http';
import { sendJson } from '../../lib/http';
import { startGuildSubgraphs } from '../guild/subgraphs';

async function main(): Promise<void> {
  const guild = await startGuildSubgraphs();
  const server = http.createServer((req, res) =>
    req.url === '/urls' ? sendJson(res, 200, guild.urls) : sendJson(res, 404, { error: 'not found' }),
  );
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log('guild subgraphs listening'));
  process.once('SIGTERM', () => {
    void guild.stop().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
