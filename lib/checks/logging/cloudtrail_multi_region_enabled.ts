import type { Trail } from '../../snapshot/logging.js';
import { defineCheck } from '../types.js';
import { evaluateCoverage } from './helpers/trails.js';

// A trail only counts if it is multi-region, actually logging, and records all management events.
function qualify(trail: Trail): { ok: boolean; error?: string; why: string } {
  if (!trail.isMultiRegionTrail) return { ok: false, why: 'single-region trail' };
  if (trail.status.error) return { ok: false, error: `${trail.status.error.operation} failed with ${trail.status.error.code}`, why: 'status unknown' };
  if (!trail.status.data.isLogging) return { ok: false, why: 'not logging' };
  if (trail.selectors.error) {
    return { ok: false, error: `${trail.selectors.error.operation} failed with ${trail.selectors.error.code}`, why: 'selectors unknown' };
  }
  const mode = trail.selectors.data.managementEvents;
  if (mode !== 'All') return { ok: false, why: `records ${mode} management events, not All` };
  return { ok: true, why: 'qualifies' };
}

export const check = defineCheck({
  id: 'cloudtrail_multi_region_enabled',
  title: 'A multi-region CloudTrail trail logs all management events',
  service: 'cloudtrail',
  reads: ['logging'],
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  severity: 'high',
  rationale:
    'Audit controls require a record of activity in every region, including regions nobody expects to be used; ' +
    'a logging multi-region trail capturing read and write management events is the baseline activity record.',
  remediation:
    'aws cloudtrail create-trail --name org-audit --s3-bucket-name <bucket> --is-multi-region-trail --enable-log-file-validation ' +
    '&& aws cloudtrail start-logging --name org-audit (Console: CloudTrail > Trails > Create trail, apply to all regions, management events Read+Write).',
  evaluate: (snapshot) =>
    evaluateCoverage(snapshot, qualify, {
      pass: (trail, region) => `Multi-region trail ${trail.name} is logging all management events for ${region}`,
      fail: (region, notes) =>
        notes.length === 0
          ? `No CloudTrail trail records activity in ${region}`
          : `No logging multi-region trail with all management events covers ${region} (${notes.join('; ')})`,
    }),
});
