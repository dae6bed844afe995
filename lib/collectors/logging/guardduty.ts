import {
  GetDetectorCommand,
  GetFindingsCommand,
  GuardDutyClient,
  paginateListDetectors,
  paginateListFindings,
  type Finding,
} from '@aws-sdk/client-guardduty';
import { type Collected, failed, mapCollected, ok, thenCollected } from '../../snapshot/collected.js';
import { attempt, attemptPages, mapConcurrent, target, type CollectContext } from '../../collect/context.js';
import type { GuardDutyDetector, GuardDutyFinding, GuardDutyHighFindings } from '../../snapshot/logging.js';

/** GuardDuty's "High" band starts at 7.0 (Low 1-3.9, Medium 4-6.9, High 7-8.9, Critical 9-10). */
const HIGH_SEVERITY = 7;
/** GetFindings takes at most 50 ids per call. */
const FINDINGS_BATCH = 50;

export async function collectGuardDuty(ctx: CollectContext, region: string): Promise<Collected<GuardDutyDetector[]>> {
  const client = ctx.clients.get(GuardDutyClient, region);
  const pages = await attemptPages(ctx, { service: 'guardduty', region, operation: 'ListDetectors' }, () =>
    paginateListDetectors({ client }, {}),
  );
  if (pages.error) return failed(pages.error);
  const ids = pages.data.flatMap((p) => p.DetectorIds ?? []);
  const detectors = await mapConcurrent(ids, async (detectorId): Promise<GuardDutyDetector> => {
    const [detail, highFindings] = await Promise.all([
      attempt(ctx, { service: 'guardduty', region, operation: 'GetDetector', target: detectorId }, () =>
        client.send(new GetDetectorCommand({ DetectorId: detectorId })),
      ),
      collectHighFindings(ctx, client, region, detectorId),
    ]);
    return {
      detectorId,
      detail: mapCollected(detail, (data) => ({
        status: data.Status ?? 'UNKNOWN',
        features: (data.Features ?? []).flatMap((f) => (f.Name ? [{ name: f.Name, status: f.Status ?? 'UNKNOWN' }] : [])),
      })),
      highFindings,
    };
  });
  return ok(detectors);
}

/**
 * Unarchived high-severity findings: every id (ListFindings, oldest first), and the details of the oldest
 * 50 only (one GetFindings call). The age threshold is applied at evaluation, so the collector cannot
 * know which ids are stale; sorted oldest first, the first 50 hold every stale one whenever any is
 * younger than the threshold, and otherwise show that at least 50 are stale, which is enough to report.
 */
async function collectHighFindings(
  ctx: CollectContext,
  client: GuardDutyClient,
  region: string,
  detectorId: string,
): Promise<Collected<GuardDutyHighFindings>> {
  const pages = await attemptPages(ctx, target('guardduty', region, 'ListFindings', detectorId), () =>
    paginateListFindings(
      { client },
      {
        DetectorId: detectorId,
        FindingCriteria: {
          Criterion: { severity: { GreaterThanOrEqual: HIGH_SEVERITY }, 'service.archived': { Equals: ['false'] } },
        },
        SortCriteria: { AttributeName: 'createdAt', OrderBy: 'ASC' },
      },
    ),
  );
  return thenCollected(pages, async (data) => {
    const ids = data.flatMap((p) => p.FindingIds ?? []);
    if (ids.length === 0) return ok<GuardDutyHighFindings>({ total: 0, oldest: [] });
    const details = await attempt(ctx, target('guardduty', region, 'GetFindings', detectorId), () =>
      client.send(new GetFindingsCommand({ DetectorId: detectorId, FindingIds: ids.slice(0, FINDINGS_BATCH) })),
    );
    return mapCollected(details, (r) => ({
      total: ids.length,
      oldest: (r.Findings ?? []).map(toFinding).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    }));
  }).then((nested) => (nested.error ? failed(nested.error) : nested.data));
}

function toFinding(finding: Finding): GuardDutyFinding {
  return {
    id: finding.Id ?? '',
    type: finding.Type ?? 'unknown type',
    severity: finding.Severity ?? HIGH_SEVERITY,
    createdAt: finding.CreatedAt ?? '',
    resource: describeResource(finding),
  };
}

/** The most specific identifier GuardDuty gives for what the finding is about. */
function describeResource(finding: Finding): string {
  const r = finding.Resource;
  const type = r?.ResourceType ?? 'resource';
  const id =
    r?.InstanceDetails?.InstanceId ??
    r?.AccessKeyDetails?.UserName ??
    r?.S3BucketDetails?.[0]?.Name ??
    r?.EksClusterDetails?.Name ??
    r?.RdsDbInstanceDetails?.DbInstanceIdentifier ??
    r?.LambdaDetails?.FunctionName ??
    r?.EcsClusterDetails?.Name;
  return id ? `${type} ${id}` : type;
}
