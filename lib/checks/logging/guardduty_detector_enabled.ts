import { errorResult, fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachRegion } from '../kit/regions.js';

export const check = defineCheck({
  id: 'guardduty_detector_enabled',
  title: 'GuardDuty is enabled',
  service: 'guardduty',
  reads: ['logging'],
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(5)(ii)(B)', '164.308(a)(6)(ii)'],
  severity: 'medium',
  rationale:
    'GuardDuty continuously analyses CloudTrail, DNS and flow logs for malware, credential misuse and intrusions, ' +
    'turning raw audit records into incidents someone can respond to.',
  remediation: 'aws guardduty create-detector --enable (Console: GuardDuty > Get started > Enable GuardDuty), in every region.',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.logging.regions, (region, data, scope) =>
      withCollected(data.guardDutyDetectors, scope, (detectors) => {
        if (detectors.length === 0) return [fail(scope, `No GuardDuty detector in ${region}`)];
        const states: string[] = [];
        for (const { detectorId, detail } of detectors) {
          if (detail.error) continue;
          if (detail.data.status === 'ENABLED') return [pass(scope, `GuardDuty detector ${detectorId} is enabled in ${region}`)];
          states.push(`${detectorId}: ${detail.data.status}`);
        }
        // No readable detector is enabled; one that could not be read might be.
        for (const { detectorId, detail } of detectors) {
          if (detail.error) {
            return [errorResult(scope, `Could not assess GuardDuty in ${region}: ${detail.error.operation} for ${detectorId} failed with ${detail.error.code}`)];
          }
        }
        return [fail(scope, `No enabled GuardDuty detector in ${region} (${states.join('; ')})`)];
      }),
    ),
});
