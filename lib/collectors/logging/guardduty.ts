import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import { type Collected, failed, mapCollected, ok } from '../../snapshot/collected.js';
import { attempt, attemptPages, mapConcurrent, type CollectContext } from '../../collect/context.js';
import type { GuardDutyDetector } from '../../snapshot/logging.js';

export async function collectGuardDuty(ctx: CollectContext, region: string): Promise<Collected<GuardDutyDetector[]>> {
  const client = ctx.clients.get(GuardDutyClient, region);
  const pages = await attemptPages(ctx, { service: 'guardduty', region, operation: 'ListDetectors' }, () =>
    paginateListDetectors({ client }, {}),
  );
  if (pages.error) return failed(pages.error);
  const ids = pages.data.flatMap((p) => p.DetectorIds ?? []);
  const detectors = await mapConcurrent(ids, async (detectorId): Promise<GuardDutyDetector> => {
    const detail = await attempt(
      ctx,
      { service: 'guardduty', region, operation: 'GetDetector', target: detectorId },
      () => client.send(new GetDetectorCommand({ DetectorId: detectorId })),
    );
    return {
      detectorId,
      detail: mapCollected(detail, (data) => ({ status: data.Status ?? 'UNKNOWN' })),
    };
  });
  return ok(detectors);
}
