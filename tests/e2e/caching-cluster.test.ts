import { randomUUID } from 'node:crypto';
import { RedisStore } from '../../lib/kv';
import { cachingSuite } from '../support/caching-suite';
import { startRedisCluster, type PrivateRedisCluster } from '../support/redis-servers';

// Issue 4: the same caching suite against a private 3-master Redis Cluster (REDIS_CLUSTER_NODES).
let cluster: PrivateRedisCluster;
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 30_000);

cachingSuite('3-master Redis Cluster', async () =>
  RedisStore.connectCluster(cluster.nodes, `ssm-test:${randomUUID()}:`),
);

afterAll(async () => {
  await cluster?.stop();
});
