import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachStorageItem, storageResource } from './helpers/depth-scope.js';

/** The log types AWS Config rds-logging-enabled expects per engine. */
function requiredLogs(engine: string): string[] | null {
  if (engine === 'postgres') return ['postgresql', 'upgrade'];
  if (engine === 'mysql' || engine === 'mariadb') return ['audit', 'error', 'general', 'slowquery'];
  if (engine.startsWith('oracle')) return ['alert', 'audit', 'trace', 'listener'];
  if (engine.startsWith('sqlserver')) return ['error', 'agent'];
  return null;
}

export const check = defineCheck({
  id: 'rds_instance_logs_exported',
  title: 'RDS DB instances export their logs to CloudWatch Logs',
  service: 'rds',
  reads: ['storage'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    "Database logs in CloudWatch Logs outlive the instance and can be reviewed and alarmed on. Same as AWS Config rds-logging-enabled: every log type of the engine must be exported (PostgreSQL postgresql, upgrade; MySQL/MariaDB audit, error, general, slowquery; Oracle alert, audit, trace, listener; SQL Server error, agent). Prowler passes on any one log type; we follow Config's stricter rule. Cluster members export at cluster level and are not assessed here.",
  remediation:
    'aws rds modify-db-instance --db-instance-identifier <id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["<type>",...]}\' --apply-immediately',
  evaluate: (snapshot) =>
    eachStorageItem(snapshot, (r) => r.dbInstances, 'stand-alone RDS DB instances', (db, region) => {
      const required = requiredLogs(db.engine);
      if (db.clusterId || !required) return [];
      const resource = storageResource(snapshot, region, 'AWS::RDS::DBInstance', db.id, db.arn);
      const missing = required.filter((log) => !db.logsExported.includes(log));
      return [
        missing.length === 0
          ? pass(resource, `RDS instance ${db.id} exports ${required.join(', ')} logs to CloudWatch Logs`)
          : fail(resource, `RDS instance ${db.id} (${db.engine}) does not export ${missing.join(', ')} logs to CloudWatch Logs`),
      ];
    }),
});
