import { errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { evaluateEachTrail } from './helpers/trails.js';

export const check = defineCheck({
  id: 'cloudtrail_trail_logging',
  title: 'Every CloudTrail trail is logging and delivering',
  service: 'cloudtrail',
  reads: ['logging'],
  citations: ['164.312(b)'],
  severity: 'high',
  rationale: 'A stopped trail, or one whose deliveries fail, silently stops producing the audit record.',
  remediation:
    'aws cloudtrail start-logging --name <trail>; if deliveries fail, fix the S3 bucket policy / KMS key policy for cloudtrail.amazonaws.com ' +
    '(Console: CloudTrail > Trails > <trail> > Logging: On).',
  evaluate: (snapshot) =>
    evaluateEachTrail(snapshot, (trail, resource) => {
      if (trail.status.error) {
        const e = trail.status.error;
        return errorResult(resource, `Could not read status of trail ${trail.name}: ${e.operation} failed with ${e.code}: ${e.message}`);
      }
      const { isLogging, latestDeliveryError } = trail.status.data;
      if (!isLogging) return fail(resource, `Trail ${trail.name} is not logging`);
      if (latestDeliveryError) return fail(resource, `Trail ${trail.name} is logging but its last delivery failed: ${latestDeliveryError}`);
      return pass(resource, `Trail ${trail.name} is logging`);
    }),
});
