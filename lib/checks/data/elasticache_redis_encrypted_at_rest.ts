import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { describeCache, eachRedisCache } from './helpers/redis.js';

export const check = defineCheck({
  id: 'elasticache_redis_encrypted_at_rest',
  title: 'ElastiCache Redis and Valkey caches encrypt data at rest',
  service: 'elasticache',
  reads: ['data'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  rationale:
    'Session caches hold patient identifiers and tokens; at-rest encryption covers disk swaps and backups in S3 (AWS Config elasticache-repl-grp-encrypted-at-rest, Prowler elasticache_redis_cluster_rest_encryption_enabled). Standalone cache clusters outside a replication group are evaluated too; they cannot be encrypted at rest and fail.',
  remediation:
    'At-rest encryption is set at creation: create an encrypted replication group (aws elasticache create-replication-group --replication-group-id <id> --at-rest-encryption-enabled --kms-key-id <kms-key-arn> --snapshot-name <backup>) from a backup of the old one and switch clients over.',
  evaluate: (snapshot) =>
    eachRedisCache(snapshot, (cache, resource) =>
      cache.atRestEncryption
        ? pass(resource, `ElastiCache ${describeCache(cache)} encrypts data at rest`)
        : fail(resource, `ElastiCache ${describeCache(cache)} does not encrypt data at rest`),
    ),
});
