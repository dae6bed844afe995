import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { describeCache, eachRedisCache } from './helpers/redis.js';

export const check = defineCheck({
  id: 'elasticache_redis_auth_enabled',
  title: 'ElastiCache Redis and Valkey caches require authentication (AUTH token or RBAC)',
  service: 'elasticache',
  reads: ['data'],
  citations: ['164.312(d)', '164.312(a)(1)'],
  severity: 'high',
  rationale:
    'Without AUTH or role-based access control any client that reaches the port can read every key. A cache passes with an AUTH token or with at least one RBAC user group. AWS Config elasticache-repl-grp-redis-auth-enabled only asks for AUTH below Redis 6; here RBAC or AUTH is required on every version, since Redis 6+ without a user group still lets the default user in without a password.',
  remediation:
    'aws elasticache modify-replication-group --replication-group-id <id> --user-group-ids-to-add <user-group-id> --apply-immediately (or --auth-token <token> --auth-token-update-strategy ROTATE with in-transit encryption on).',
  evaluate: (snapshot) =>
    eachRedisCache(snapshot, (cache, resource) => {
      if (cache.userGroupIds.length > 0) return pass(resource, `ElastiCache ${describeCache(cache)} uses RBAC user groups ${cache.userGroupIds.join(', ')}`);
      return cache.authTokenEnabled
        ? pass(resource, `ElastiCache ${describeCache(cache)} requires an AUTH token`)
        : fail(resource, `ElastiCache ${describeCache(cache)} has neither an AUTH token nor RBAC user groups`);
    }),
});
