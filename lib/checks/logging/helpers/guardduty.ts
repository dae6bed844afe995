import type { GuardDutyDetector } from '../../../snapshot/logging.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { ResourceRef } from '../../../model/resource.js';
import { eachRegion } from '../../kit/regions.js';
import { errorResult, fail, notApplicable, pass, resourceRef, withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';

export function detectorResource(snapshot: AccountSnapshot, region: string, detectorId: string): ResourceRef {
  const arn = `arn:${snapshot.partition}:guardduty:${region}:${snapshot.accountId}:detector/${detectorId}`;
  return resourceRef(snapshot, arn, detectorId, 'AWS::GuardDuty::Detector', region);
}

/**
 * One result per GuardDuty detector; a region without one is NOT_APPLICABLE here, because
 * guardduty_detector_enabled already fails it (one finding for one gap).
 */
export function eachDetector(
  snapshot: AccountSnapshot,
  evaluate: (detector: GuardDutyDetector, resource: ResourceRef, region: string) => CheckResult,
): CheckResult[] {
  return eachRegion(snapshot, snapshot.logging.regions, (region, data, scope) =>
    withCollected(data.guardDutyDetectors, scope, (detectors) =>
      detectors.length === 0
        ? [notApplicable(scope, `No GuardDuty detector in ${region} (guardduty_detector_enabled reports it)`)]
        : detectors.map((d) => evaluate(d, detectorResource(snapshot, region, d.detectorId), region)),
    ),
  );
}

/** A GuardDuty protection plan (a GetDetector feature) is enabled on each detector, and the detector is on. */
export function evaluateFeature(snapshot: AccountSnapshot, feature: string, plan: string): CheckResult[] {
  return eachDetector(snapshot, (detector, resource, region) => {
    const detail = detector.detail;
    if (detail.error) {
      return errorResult(resource, `Could not assess ${plan} on GuardDuty detector ${detector.detectorId} in ${region}: ${detail.error.operation} failed with ${detail.error.code}`);
    }
    const status = detail.data.features.find((f) => f.name === feature)?.status;
    if (detail.data.status !== 'ENABLED') {
      return fail(resource, `GuardDuty detector ${detector.detectorId} in ${region} is ${detail.data.status}, so ${plan} does not run`);
    }
    if (status === 'ENABLED') return pass(resource, `GuardDuty detector ${detector.detectorId} in ${region} has ${plan} (${feature}) enabled`);
    return fail(resource, `GuardDuty detector ${detector.detectorId} in ${region} has ${plan} (${feature}) ${status ?? 'not listed among its features'}`);
  });
}
