import type { Trail } from '../../snapshot/logging.js';
import { defineCheck } from '../types.js';
import { evaluateCoverage } from './helpers/trails.js';

function qualify(trail: Trail): { ok: boolean; error?: string; why: string } {
  if (trail.status.error) return { ok: false, error: `${trail.status.error.operation} failed with ${trail.status.error.code}`, why: 'status unknown' };
  if (!trail.status.data.isLogging) return { ok: false, why: 'not logging' };
  if (trail.selectors.error) {
    return { ok: false, error: `${trail.selectors.error.operation} failed with ${trail.selectors.error.code}`, why: 'selectors unknown' };
  }
  if (!trail.selectors.data.s3DataEvents) return { ok: false, why: 'no S3 object-level data events' };
  return { ok: true, why: 'qualifies' };
}

export const check = defineCheck({
  id: 'cloudtrail_s3_data_events_enabled',
  title: 'CloudTrail records S3 object-level (data) events',
  service: 'cloudtrail',
  reads: ['logging'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    'ePHI stored in S3 is read and written through object-level API calls, which management events do not record; ' +
    'data events are the only record of who accessed which object.',
  remediation:
    'aws cloudtrail put-event-selectors --trail-name <trail> --advanced-event-selectors ' +
    "'[{\"Name\":\"S3 data\",\"FieldSelectors\":[{\"Field\":\"eventCategory\",\"Equals\":[\"Data\"]},{\"Field\":\"resources.type\",\"Equals\":[\"AWS::S3::Object\"]}]}]' " +
    '(Console: CloudTrail > Trails > <trail> > Data events > Add S3).',
  evaluate: (snapshot) =>
    evaluateCoverage(snapshot, qualify, {
      pass: (trail, region) => `Trail ${trail.name} records S3 object-level data events for ${region}`,
      fail: (region, notes) =>
        notes.length === 0
          ? `No CloudTrail trail records activity in ${region}, so no S3 data events are recorded`
          : `No logging trail records S3 data events in ${region} (${notes.join('; ')})`,
    }),
});
