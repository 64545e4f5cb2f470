/**
 * Preloaded into each SSM subgraph process by the bench (NODE_OPTIONS=--import, issue 17): counts
 * the GraphQL requests the process's HTTP server receives and answers GET /_bench/requests with
 * the count, so the bench knows subgraph calls per answered request for every gateway, baselines
 * included, without code in the subgraphs. Plain JavaScript: it loads before tsx does.
 */
import http from 'node:http';

let graphql = 0;
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event === 'request') {
    const [req, res] = args;
    if (req.url === '/_bench/requests') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ graphql }));
      return true;
    }
    if (req.url && req.url.startsWith('/graphql')) graphql++;
  }
  return emit.call(this, event, ...args);
};
