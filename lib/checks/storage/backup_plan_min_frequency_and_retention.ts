import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { scheduleIntervalHours } from './helpers/backup-schedule.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

export const check = defineCheck({
  id: 'backup_plan_min_frequency_and_retention',
  title: 'AWS Backup plans back up often enough and keep recovery points long enough',
  service: 'backup',
  reads: ['storage'],
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  severity: 'medium',
  rationale:
    "A plan passes when at least one rule runs at least every thresholds.backupPlanMaxIntervalHours (continuous backup counts) and keeps recovery points at least thresholds.backupPlanMinRetentionDays (or never expires them): AWS Config backup-plan-min-frequency-and-min-retention-check with its defaults (1 day, 35 days). We accept a plan whose daily rule qualifies even if it also has, say, a monthly long-term rule, which is the usual good design.",
  remediation:
    'aws backup update-backup-plan --backup-plan-id <plan-id> --backup-plan \'{"BackupPlanName":"<name>","Rules":[{"RuleName":"daily","TargetBackupVaultName":"<vault>","ScheduleExpression":"cron(0 5 ? * * *)","Lifecycle":{"DeleteAfterDays":35}}]}\'',
  evaluate: (snapshot, _now, thresholds) =>
    eachStorageItem(snapshot, (r) => r.backupPlans, 'AWS Backup plans', (plan, region) => {
      const resource = storageResource(snapshot, region, 'AWS::Backup::BackupPlan', plan.name, plan.arn);
      const maxHours = thresholds.backupPlanMaxIntervalHours;
      const minDays = thresholds.backupPlanMinRetentionDays;
      return withCollected(plan.rules, resource, (rules) => {
        const described = rules.map((rule) => {
          const interval = rule.continuousBackup ? 0 : scheduleIntervalHours(rule.scheduleExpression);
          const frequent = interval !== null && interval <= maxHours;
          const kept = rule.deleteAfterDays === null || rule.deleteAfterDays >= minDays;
          const every = rule.continuousBackup ? 'continuous' : (rule.scheduleExpression ?? 'daily (default)');
          return { rule, ok: frequent && kept, text: `${rule.name}: ${every}, kept ${rule.deleteAfterDays ?? 'forever'} days` };
        });
        const good = described.find((d) => d.ok);
        return [
          good
            ? pass(resource, `Backup plan ${plan.name} rule ${good.text} (limits ${maxHours} h, ${minDays} days)`)
            : fail(resource, `Backup plan ${plan.name} has no rule running at least every ${maxHours} h and keeping ${minDays} days (${described.map((d) => d.text).join('; ') || 'no rules'})`),
        ];
      });
    }),
});
