import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { describeCache, eachRedisCache } from './helpers/redis.js';

export const check = defineCheck({
  id: 'elasticache_redis_automatic_backup',
  title: 'ElastiCache Redis and Valkey caches keep automatic backups long enough',
  service: 'elasticache',
  reads: ['data'],
  citations: ['164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  rationale:
    'Automatic snapshots let a cache that holds the only copy of session or queue data be restored. As AWS Config elasticache-redis-cluster-automatic-backup-check, a retention of 0 fails and the retention must reach a minimum; ours is thresholds.backupRetentionDays (default 7, as Prowler) rather than Config\'s 15, so one backup minimum applies across RDS, Redshift and ElastiCache.',
  remediation: 'aws elasticache modify-replication-group --replication-group-id <id> --snapshot-retention-limit <days> --apply-immediately',
  evaluate: (snapshot, _now, thresholds) =>
    eachRedisCache(snapshot, (cache, resource) => {
      const days = cache.snapshotRetentionLimit;
      const min = thresholds.backupRetentionDays;
      if (days === 0) return fail(resource, `ElastiCache ${describeCache(cache)} has automatic backups disabled`);
      return days >= min
        ? pass(resource, `ElastiCache ${describeCache(cache)} keeps automatic backups for ${days} days (minimum ${min})`)
        : fail(resource, `ElastiCache ${describeCache(cache)} keeps automatic backups for ${days} days, below the minimum of ${min}`);
    }),
});
