import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

export const check = defineCheck({
  id: 'dms_replication_instance_not_public',
  title: 'DMS replication instances are not publicly accessible',
  service: 'dms',
  reads: ['data'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'critical',
  rationale:
    'A replication instance reads whole source databases; a public one has a public IP reachable from the internet (AWS Config dms-replication-not-public, Prowler dms_instance_no_public_access).',
  remediation:
    'Public accessibility is set at creation: create a private instance (aws dms create-replication-instance --replication-instance-identifier <id> --no-publicly-accessible ...), move the tasks and delete the public one.',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.dmsReplicationInstances, 'DMS replication instances', (instance, region) => {
      const resource = dataResource(snapshot, instance.arn, instance.id, 'AWS::DMS::ReplicationInstance', region);
      return [
        instance.publiclyAccessible
          ? fail(resource, `DMS replication instance ${instance.id} is publicly accessible`)
          : pass(resource, `DMS replication instance ${instance.id} is not publicly accessible`),
      ];
    }),
});
