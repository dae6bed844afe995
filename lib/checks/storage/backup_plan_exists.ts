import type { StorageRegion } from '../../snapshot/storage.js';
import { errorResult, fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { eachRegion } from '../kit/regions.js';
import { defineCheck } from '../types.js';

/** Data stores AWS Backup can protect that we list per region. */
function dataStores(r: StorageRegion): { count: number; unknown: string[] } {
  const parts = { 'EBS volumes': r.volumes, 'RDS instances': r.dbInstances, 'DynamoDB tables': r.tables, 'EFS file systems': r.fileSystems };
  let count = 0;
  const unknown: string[] = [];
  for (const [noun, part] of Object.entries(parts)) {
    if (part.error) unknown.push(noun);
    else count += part.data.length;
  }
  return { count, unknown };
}

export const check = defineCheck({
  id: 'backup_plan_exists',
  title: 'Regions holding data have an AWS Backup plan',
  service: 'backup',
  reads: ['storage'],
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  severity: 'high',
  rationale:
    'A backup plan with a rule that keeps recovery points at least thresholds.backupRetentionDays (or never expires them) gives retrievable exact copies of ePHI. Resource selections are not assessed.',
  remediation:
    'AWS Backup console > Backup plans > Create backup plan (e.g. "Daily-35day-Retention"), then assign the region\'s resources; or `aws backup create-backup-plan --backup-plan file://plan.json`.',
  evaluate: (snapshot, _now, thresholds) =>
    eachRegion(snapshot, snapshot.storage.regions, (region, data, scope) => {
      const min = thresholds.backupRetentionDays;
      return withCollected(data.backupPlans, scope, (plans) => {
        const stores = dataStores(data);
        if (stores.count === 0 && stores.unknown.length === 0) {
          return [notApplicable(scope, `No EBS, RDS, DynamoDB or EFS data stores in ${region}`)];
        }
        // Any one plan with a qualifying rule is enough; unreadable plans only matter when none qualifies.
        const good = plans.find((p) => !p.rules.error && p.rules.data.some((rule) => rule.deleteAfterDays === null || rule.deleteAfterDays >= min));
        if (good) return [pass(scope, `Region ${region} has backup plan ${good.name} keeping recovery points at least ${min} days`)];
        const unreadable = plans.filter((p) => p.rules.error).map((p) => p.name);
        if (unreadable.length > 0) return [errorResult(scope, `Could not read rules of backup plan(s) ${unreadable.join(', ')} in ${region}`)];
        if (stores.count === 0) {
          return [errorResult(scope, `Region ${region} has no qualifying backup plan and its ${stores.unknown.join(', ')} could not be listed`)];
        }
        const why = plans.length === 0 ? 'no backup plan' : `no backup plan rule retaining at least ${min} days`;
        return [fail(scope, `Region ${region} holds ${stores.count} data store(s) but has ${why}`)];
      });
    }),
});
