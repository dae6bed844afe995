import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { evaluateEachTrail } from './helpers/trails.js';

export const check = defineCheck({
  id: 'cloudtrail_log_file_validation_enabled',
  title: 'CloudTrail log file integrity validation is enabled',
  service: 'cloudtrail',
  reads: ['logging'],
  citations: ['164.312(c)(1)', '164.312(c)(2)'],
  severity: 'medium',
  rationale:
    'Digest files let you prove that audit log files were not altered or deleted after delivery, ' +
    'which is the integrity mechanism for the audit record itself.',
  remediation:
    'aws cloudtrail update-trail --name <trail> --enable-log-file-validation ' +
    '(Console: CloudTrail > Trails > <trail> > General details > Edit > Log file validation: Enabled).',
  evaluate: (snapshot) =>
    evaluateEachTrail(snapshot, (trail, resource) =>
      trail.logFileValidationEnabled
        ? pass(resource, `Trail ${trail.name} has log file validation enabled`)
        : fail(resource, `Trail ${trail.name} does not have log file validation enabled`),
    ),
});
