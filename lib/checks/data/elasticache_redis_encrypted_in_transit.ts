import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { describeCache, eachRedisCache } from './helpers/redis.js';

export const check = defineCheck({
  id: 'elasticache_redis_encrypted_in_transit',
  title: 'ElastiCache Redis and Valkey caches encrypt data in transit',
  service: 'elasticache',
  reads: ['data'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'Without in-transit encryption the cache protocol is clear text between the application and the cache and between nodes (AWS Config elasticache-repl-grp-encrypted-in-transit, Prowler elasticache_redis_cluster_in_transit_encryption_enabled).',
  remediation:
    'aws elasticache modify-replication-group --replication-group-id <id> --transit-encryption-enabled --transit-encryption-mode preferred --apply-immediately, then switch clients to TLS and set --transit-encryption-mode required.',
  evaluate: (snapshot) =>
    eachRedisCache(snapshot, (cache, resource) =>
      cache.transitEncryption
        ? pass(resource, `ElastiCache ${describeCache(cache)} encrypts data in transit`)
        : fail(resource, `ElastiCache ${describeCache(cache)} does not encrypt data in transit`),
    ),
});
