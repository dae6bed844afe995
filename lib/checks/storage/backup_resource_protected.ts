import type { ResourceRef } from '../../model/resource.js';
import type { Collected } from '../../snapshot/collected.js';
import type { StorageRegion, Tags } from '../../snapshot/storage.js';
import { errorResult, fail, notApplicable, pass } from '../kit/results.js';
import { eachRegion } from '../kit/regions.js';
import type { CheckResult } from '../types.js';
import { defineCheck } from '../types.js';
import { latestBackupAgeHours, planCoverage } from './helpers/backup-coverage.js';
import { storageResource } from './helpers/depth-scope.js';

interface Protectable {
  noun: string;
  type: string;
  id: string;
  arn: string;
  tags: Collected<Tags>;
}

/** The resource types AWS Backup protects that we list, each with the tags selections match on. */
function protectables(r: StorageRegion): { items: Protectable[]; failed: string[] } {
  const items: Protectable[] = [];
  const failed: string[] = [];
  const add = <T>(part: Collected<T[]>, noun: string, map: (item: T) => Protectable[]) => {
    if (part.error) failed.push(`${noun} (${part.error.operation} failed with ${part.error.code})`);
    else items.push(...part.data.flatMap(map));
  };
  // Cluster members are backed up with their cluster, so only stand-alone instances count.
  add(r.dbInstances, 'RDS instances', (db) =>
    db.clusterId ? [] : [{ noun: 'RDS instance', type: 'AWS::RDS::DBInstance', id: db.id, arn: db.arn, tags: { data: db.tags } }],
  );
  add(r.dbClusters, 'DB clusters', (c) => [{ noun: 'DB cluster', type: 'AWS::RDS::DBCluster', id: c.id, arn: c.arn, tags: { data: c.tags } }]);
  add(r.tables, 'DynamoDB tables', (t) => [{ noun: 'DynamoDB table', type: 'AWS::DynamoDB::Table', id: t.name, arn: t.arn, tags: t.tags }]);
  add(r.volumes, 'EBS volumes', (v) => [{ noun: 'EBS volume', type: 'AWS::EC2::Volume', id: v.id, arn: v.arn, tags: { data: v.tags } }]);
  add(r.fileSystems, 'EFS file systems', (f) => [{ noun: 'EFS file system', type: 'AWS::EFS::FileSystem', id: f.id, arn: f.arn, tags: { data: f.tags } }]);
  add(r.ec2Instances, 'EC2 instances', (i) => [{ noun: 'EC2 instance', type: 'AWS::EC2::Instance', id: i.id, arn: i.arn, tags: { data: i.tags } }]);
  return { items, failed };
}

function verdict(item: Protectable, r: StorageRegion, resource: ResourceRef, now: Date, maxAgeHours: number): CheckResult {
  const name = `${item.noun} ${item.id}`;
  const age = r.protectedResources.data ? latestBackupAgeHours(r.protectedResources.data, item.arn, now) : undefined;
  if (age !== undefined && age !== null && age <= maxAgeHours) {
    return pass(resource, `${name} has an AWS Backup recovery point ${Math.round(age)} h old (limit ${maxAgeHours} h)`);
  }
  // Tag-based selections need the tags; without them coverage is unknown unless tags cannot matter.
  const coverage = item.tags.error
    ? { kind: 'unknown' as const, why: `${item.tags.error.operation} failed with ${item.tags.error.code}` }
    : planCoverage(r.backupPlans, { arn: item.arn, tags: item.tags.data });
  if (coverage.kind === 'covered') return pass(resource, `${name} is selected by backup plan ${coverage.plan} (selection ${coverage.selection})`);
  if (coverage.kind === 'unknown') return errorResult(resource, `Could not tell whether a backup plan selects ${name}: ${coverage.why}`);
  if (r.protectedResources.error) {
    const e = r.protectedResources.error;
    return errorResult(resource, `${name} is in no backup plan selection and its recovery points could not be listed: ${e.operation} failed with ${e.code}`);
  }
  const last = age === null || age === undefined ? 'no recovery point' : `latest recovery point ${Math.round(age)} h old`;
  return fail(resource, `${name} is in no backup plan selection and has ${last} (limit ${maxAgeHours} h)`);
}

export const check = defineCheck({
  id: 'backup_resource_protected',
  title: 'Every database, table, volume, file system and instance is protected by AWS Backup',
  service: 'backup',
  reads: ['storage'],
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(i)', '164.310(d)(2)(iv)'],
  severity: 'high',
  rationale:
    "A backup plan protects only the resources its selections assign. Each stand-alone RDS instance, DB cluster, DynamoDB table, EBS volume, EFS file system and EC2 instance passes when a plan's selection assigns it (Resources ARNs with wildcards or ListOfTags, OR; all Conditions, AND; minus NotResources) or when AWS Backup holds a recovery point of it no older than thresholds.backupRecoveryPointMaxAgeHours (ListProtectedResources). This joins the AWS Config *-resources-protected-by-backup-plan rules (rds, aurora, dynamodb, ebs, efs, ec2) into one finding per resource. Region-level resource type opt-in is not read.",
  remediation:
    'aws backup create-backup-selection --backup-plan-id <plan-id> --backup-selection \'{"SelectionName":"<name>","IamRoleArn":"<role-arn>","Resources":["<resource-arn>"]}\' (or select by tag with Conditions)',
  evaluate: (snapshot, now, thresholds) =>
    eachRegion(snapshot, snapshot.storage.regions, (region, r, scope) => {
      const { items, failed } = protectables(r);
      const results = items.map((item) =>
        verdict(item, r, storageResource(snapshot, region, item.type, item.id, item.arn), now, thresholds.backupRecoveryPointMaxAgeHours),
      );
      const errors = failed.map((what) => errorResult(scope, `Could not list ${what} in ${region} to check their backup protection`));
      if (results.length + errors.length === 0) return [notApplicable(scope, `No resources AWS Backup protects in ${region}`)];
      return [...results, ...errors];
    }),
});
