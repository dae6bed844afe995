import type { RedisCache } from '../../../snapshot/data.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import { eachRegion } from '../../kit/regions.js';
import { notApplicable, withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { dataResource } from './items.js';

/**
 * Every Redis/Valkey cache of every region: replication groups and standalone cache clusters come from two
 * calls, so a failure of one makes only its own results ERROR. One NOT_APPLICABLE per region with neither.
 */
export function eachRedisCache(
  snapshot: AccountSnapshot,
  evaluate: (cache: RedisCache, resource: ReturnType<typeof dataResource>) => CheckResult,
): CheckResult[] {
  return eachRegion(snapshot, snapshot.data.regions, (region, data, scope) => {
    const results = [data.redisReplicationGroups, data.redisCacheClusters].flatMap((listing) =>
      withCollected(listing, scope, (caches) => caches.map((cache) => evaluate(cache, redisResource(snapshot, cache, region)))),
    );
    return results.length > 0 ? results : [notApplicable(scope, `No ElastiCache Redis or Valkey caches in ${region}`)];
  });
}

function redisResource(snapshot: AccountSnapshot, cache: RedisCache, region: string): ReturnType<typeof dataResource> {
  const type = cache.kind === 'replication-group' ? 'AWS::ElastiCache::ReplicationGroup' : 'AWS::ElastiCache::CacheCluster';
  return dataResource(snapshot, cache.arn, cache.id, type, region);
}

/** "replication group cache-a" / "cache cluster cache-b", for reasons. */
export function describeCache(cache: RedisCache): string {
  return `${cache.kind === 'replication-group' ? 'replication group' : 'cache cluster'} ${cache.id}`;
}
