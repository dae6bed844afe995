import { defineCheck } from '../types.js';
import { evaluateFeature } from './helpers/guardduty.js';

export const check = defineCheck({
  id: 'guardduty_rds_protection_enabled',
  title: 'GuardDuty RDS Protection is enabled',
  service: 'guardduty',
  reads: ['logging'],
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  rationale:
    'RDS Protection has GuardDuty profile log-in activity on Aurora and RDS databases, where brute force and logins from ' +
    'unusual places against ePHI databases show. Same semantics as Prowler guardduty_rds_protection_enabled (feature ' +
    'RDS_LOGIN_EVENTS enabled), except that a suspended detector fails here instead of being skipped.',
  remediation: 'aws guardduty update-detector --detector-id <detector-id> --features Name=RDS_LOGIN_EVENTS,Status=ENABLED (in every region).',
  evaluate: (snapshot) => evaluateFeature(snapshot, 'RDS_LOGIN_EVENTS', 'RDS Protection'),
});
