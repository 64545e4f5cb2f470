/**
 * The limit for `npm run bench` (workload e): a bare node:http server, one process like every
 * gateway, answering recorded response bytes. SSM_BARE_RESPONSES names a JSON file of
 * `[needle, body]` pairs: the first needle found in the request body picks the answer.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';

const responses = JSON.parse(readFileSync(process.env.SSM_BARE_RESPONSES ?? '', 'utf8')) as [
  string,
  string,
][];
const fallback = responses[responses.length - 1][1];

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const request = Buffer.concat(chunks).toString();
    const body = responses.find(([needle]) => request.includes(needle))?.[1] ?? fallback;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 4300), '127.0.0.1', () => {
  console.log(`bare node:http listening on http://127.0.0.1:${process.env.PORT ?? 4300}/`);
});

process.once('SIGTERM', () => process.exit(0));
