import { errorResult, fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachRegion } from '../kit/regions.js';

export const check = defineCheck({
  id: 'guardduty_detector_enabled',
  title: 'GuardDuty is enabled',
  service: 'guardduty',
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
        const enabled = detectors.find((d) => d.detail.data?.status === 'ENABLED');
        if (enabled) return [pass(scope, `GuardDuty detector ${enabled.detectorId} is enabled in ${region}`)];
        const broken = detectors.find((d) => d.detail.error);
        if (broken?.detail.error) {
          const e = broken.detail.error;
          return [errorResult(scope, `Could not assess GuardDuty in ${region}: ${e.operation} for ${broken.detectorId} failed with ${e.code}`)];
        }
        const states = detectors.map((d) => `${d.detectorId}: ${d.detail.data?.status ?? 'unknown'}`).join('; ');
        return [fail(scope, `No enabled GuardDuty detector in ${region} (${states})`)];
      }),
    ),
});
