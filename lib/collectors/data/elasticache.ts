import {
  ElastiCacheClient,
  paginateDescribeCacheClusters,
  paginateDescribeReplicationGroups,
  type CacheCluster,
  type ReplicationGroup,
} from '@aws-sdk/client-elasticache';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { DataRegion, RedisCache } from '../../snapshot/data.js';

const REDIS_ENGINES = new Set(['redis', 'valkey']);

/**
 * Redis and Valkey caches: replication groups (DescribeReplicationGroups) and the cache clusters that are
 * not members of one (DescribeCacheClusters with ShowCacheClustersNotInReplicationGroups). Memcached has
 * no replication groups and is left out.
 */
export async function collectElastiCache(
  ctx: CollectContext,
  region: string,
): Promise<Pick<DataRegion, 'redisReplicationGroups' | 'redisCacheClusters'>> {
  const client = ctx.clients.get(ElastiCacheClient, region);
  const [groupPages, clusterPages] = await Promise.all([
    attemptPages(ctx, target('elasticache', region, 'DescribeReplicationGroups'), () => paginateDescribeReplicationGroups({ client }, {})),
    attemptPages(ctx, target('elasticache', region, 'DescribeCacheClusters'), () =>
      paginateDescribeCacheClusters({ client }, { ShowCacheClustersNotInReplicationGroups: true }),
    ),
  ]);
  return {
    redisReplicationGroups: mapCollected(groupPages, (pages) =>
      pages.flatMap((p) => p.ReplicationGroups ?? []).flatMap((g) => (g.ReplicationGroupId ? [replicationGroup(ctx, region, g)] : [])),
    ),
    redisCacheClusters: mapCollected(clusterPages, (pages) =>
      pages
        .flatMap((p) => p.CacheClusters ?? [])
        .filter((c) => c.CacheClusterId && !c.ReplicationGroupId && REDIS_ENGINES.has((c.Engine ?? '').toLowerCase()))
        .map((c) => cacheCluster(ctx, region, c)),
    ),
  };
}

function replicationGroup(ctx: CollectContext, region: string, g: ReplicationGroup): RedisCache {
  const id = g.ReplicationGroupId ?? '';
  return {
    id,
    arn: g.ARN ?? `arn:${ctx.partition}:elasticache:${region}:${ctx.accountId}:replicationgroup:${id}`,
    kind: 'replication-group',
    // Replication groups are Redis unless they say otherwise (older API versions omit Engine).
    engine: g.Engine ?? 'redis',
    atRestEncryption: g.AtRestEncryptionEnabled === true,
    transitEncryption: g.TransitEncryptionEnabled === true,
    authTokenEnabled: g.AuthTokenEnabled === true,
    userGroupIds: g.UserGroupIds ?? [],
    snapshotRetentionLimit: g.SnapshotRetentionLimit ?? 0,
  };
}

function cacheCluster(ctx: CollectContext, region: string, c: CacheCluster): RedisCache {
  const id = c.CacheClusterId ?? '';
  return {
    id,
    arn: c.ARN ?? `arn:${ctx.partition}:elasticache:${region}:${ctx.accountId}:cluster:${id}`,
    kind: 'cache-cluster',
    engine: c.Engine ?? 'redis',
    atRestEncryption: c.AtRestEncryptionEnabled === true,
    transitEncryption: c.TransitEncryptionEnabled === true,
    authTokenEnabled: c.AuthTokenEnabled === true,
    userGroupIds: [],
    snapshotRetentionLimit: c.SnapshotRetentionLimit ?? 0,
  };
}
