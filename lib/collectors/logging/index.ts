import { failed } from '../../snapshot/collected.js';
import { type CollectionError } from '../../model/collection-error.js';
import { mapConcurrent, type CollectContext } from '../../collect/context.js';
import { collectCloudTrail } from './cloudtrail.js';
import { collectAlarms } from './cloudwatch-alarms.js';
import { collectLogGroups, collectMetricFilters } from './cloudwatch-logs.js';
import { collectConfig } from './config.js';
import { collectFlowLogs, collectVpcs } from './flow-logs.js';
import { collectGuardDuty } from './guardduty.js';
import { collectInspector } from './inspector.js';
import { collectMacie } from './macie.js';
import type { LoggingRegion, LoggingSnapshot } from '../../snapshot/logging.js';
import { collectSecurityHub } from './securityhub.js';

export { LoggingSnapshotSchema, type LoggingSnapshot } from '../../snapshot/logging.js';

/** Audit-logging and monitoring configuration for every region in scope (all regional; no global part). */
export async function collectLogging(ctx: CollectContext): Promise<LoggingSnapshot> {
  // CloudTrail needs every region's listing before it can dedupe multi-region trails, so it runs alongside.
  const [trails, regional] = await Promise.all([
    collectCloudTrail(ctx),
    mapConcurrent(ctx.regions, async (region) => {
      ctx.progress?.({ phase: 'logging', detail: region });
      const [logGroups, metricFilters, alarms, vpcs, flowLogs, config, guardDutyDetectors, securityHub, inspector, macie] =
        await Promise.all([
          collectLogGroups(ctx, region),
          collectMetricFilters(ctx, region),
          collectAlarms(ctx, region),
          collectVpcs(ctx, region),
          collectFlowLogs(ctx, region),
          collectConfig(ctx, region),
          collectGuardDuty(ctx, region),
          collectSecurityHub(ctx, region),
          collectInspector(ctx, region),
          collectMacie(ctx, region),
        ]);
      return {
        region,
        parts: { logGroups, metricFilters, alarms, vpcs, flowLogs, ...config, guardDutyDetectors, securityHub, inspector, macie },
      };
    }),
  ]);
  const regions: Record<string, LoggingRegion> = {};
  for (const { region, parts } of regional) {
    regions[region] = { cloudtrail: trails.get(region) ?? failed(missing(region)), ...parts };
  }
  return { regions };
}

// Defensive: collectCloudTrail answers for every region; never silently treat a gap as "no trails".
function missing(region: string): CollectionError {
  return { code: 'NotCollected', message: `No CloudTrail listing for ${region}`, operation: 'cloudtrail:DescribeTrails' };
}
