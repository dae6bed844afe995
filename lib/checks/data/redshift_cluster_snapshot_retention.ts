import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

export const check = defineCheck({
  id: 'redshift_cluster_snapshot_retention',
  title: 'Redshift automated snapshots are kept long enough',
  service: 'redshift',
  reads: ['data'],
  citations: ['164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  rationale:
    'Automated snapshots are the warehouse\'s data backup. AWS Config redshift-backup-enabled fails a retention of 0 or below its MinRetentionPeriod; here the minimum is thresholds.backupRetentionDays, the same minimum used for RDS.',
  remediation: 'aws redshift modify-cluster --cluster-identifier <id> --automated-snapshot-retention-period <days>',
  evaluate: (snapshot, _now, thresholds) =>
    eachDataItem(snapshot, (r) => r.redshiftClusters, 'Redshift clusters', (cluster, region) => {
      const resource = dataResource(snapshot, cluster.arn, cluster.id, 'AWS::Redshift::Cluster', region);
      const days = cluster.automatedSnapshotRetentionPeriod;
      const min = thresholds.backupRetentionDays;
      if (days === 0) return [fail(resource, `Redshift cluster ${cluster.id} has automated snapshots disabled`)];
      return [
        days >= min
          ? pass(resource, `Redshift cluster ${cluster.id} keeps automated snapshots for ${days} days (minimum ${min})`)
          : fail(resource, `Redshift cluster ${cluster.id} keeps automated snapshots for ${days} days, below the minimum of ${min}`),
      ];
    }),
});
