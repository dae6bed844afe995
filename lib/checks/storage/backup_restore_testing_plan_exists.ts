import { fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { eachRegion } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'backup_restore_testing_plan_exists',
  title: 'Regions with backup plans have an AWS Backup restore testing plan',
  service: 'backup',
  reads: ['storage'],
  citations: ['164.308(a)(7)(ii)(D)', '164.308(a)(7)(i)'],
  severity: 'medium',
  rationale:
    "A backup that was never restored is a hope, not a plan. AWS Backup restore testing restores recovery points on a schedule and records whether they came back: the contingency plan's testing and revision (164.308(a)(7)(ii)(D)) made visible. Regions without backup plans are NOT_APPLICABLE (backup_plan_exists covers them). No Prowler or AWS Config equivalent.",
  remediation:
    'aws backup create-restore-testing-plan --restore-testing-plan \'{"RestoreTestingPlanName":"<name>","ScheduleExpression":"cron(0 6 ? * SUN *)","RecoveryPointSelection":{"Algorithm":"LATEST_WITHIN_WINDOW","IncludeVaults":["*"],"RecoveryPointTypes":["SNAPSHOT"]}}\', then aws backup create-restore-testing-selection for the resource types',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.storage.regions, (region, r, scope) =>
      withCollected(r.backupPlans, scope, (plans) => {
        if (plans.length === 0) return [notApplicable(scope, `No AWS Backup plans in ${region}`)];
        return withCollected(r.restoreTestingPlans, scope, (testing) => [
          testing.length > 0
            ? pass(scope, `Region ${region} has restore testing plan(s) ${testing.map((t) => t.name).join(', ')}`)
            : fail(scope, `Region ${region} has ${plans.length} backup plan(s) but no restore testing plan`),
        ]);
      }),
    ),
});
