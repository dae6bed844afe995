import { defineCheck } from '../types.js';
import { evaluateFeature } from './helpers/guardduty.js';

export const check = defineCheck({
  id: 'guardduty_s3_protection_enabled',
  title: 'GuardDuty S3 Protection is enabled',
  service: 'guardduty',
  reads: ['logging'],
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  rationale:
    'S3 Protection has GuardDuty analyse S3 data events (object reads, writes, deletes), where exfiltration of ePHI from a ' +
    'bucket shows; without it GuardDuty sees only control-plane calls. Same semantics as Prowler guardduty_s3_protection_enabled ' +
    '(feature S3_DATA_EVENTS enabled), except that a suspended detector fails here instead of being skipped.',
  remediation: 'aws guardduty update-detector --detector-id <detector-id> --features Name=S3_DATA_EVENTS,Status=ENABLED (in every region).',
  evaluate: (snapshot) => evaluateFeature(snapshot, 'S3_DATA_EVENTS', 'S3 Protection'),
});
