import {
  CloudWatchLogsClient,
  paginateDescribeLogGroups,
  paginateDescribeMetricFilters,
} from '@aws-sdk/client-cloudwatch-logs';
import { failed, ok, type Collected } from '../../snapshot/collected.js';
import { attemptPages, type CollectContext } from '../../collect/context.js';
import type { LogGroup, MetricFilter } from '../../snapshot/logging.js';

export async function collectLogGroups(ctx: CollectContext, region: string): Promise<Collected<LogGroup[]>> {
  const client = ctx.clients.get(CloudWatchLogsClient, region);
  const pages = await attemptPages(ctx, { service: 'logs', region, operation: 'DescribeLogGroups' }, () =>
    paginateDescribeLogGroups({ client }, {}),
  );
  if (pages.error) return failed(pages.error);
  const groups: LogGroup[] = [];
  for (const group of pages.data.flatMap((p) => p.logGroups ?? [])) {
    if (!group.logGroupName) continue;
    groups.push({
      name: group.logGroupName,
      // `arn` carries a trailing ":*"; `logGroupArn` (newer field) does not.
      arn: group.logGroupArn ?? (group.arn ?? '').replace(/:\*$/, ''),
      ...(group.retentionInDays === undefined ? {} : { retentionInDays: group.retentionInDays }),
      ...(group.kmsKeyId ? { kmsKeyId: group.kmsKeyId } : {}),
    });
  }
  return ok(groups);
}

export async function collectMetricFilters(ctx: CollectContext, region: string): Promise<Collected<MetricFilter[]>> {
  const client = ctx.clients.get(CloudWatchLogsClient, region);
  const pages = await attemptPages(ctx, { service: 'logs', region, operation: 'DescribeMetricFilters' }, () =>
    paginateDescribeMetricFilters({ client }, {}),
  );
  if (pages.error) return failed(pages.error);
  return ok(
    pages.data
      .flatMap((p) => p.metricFilters ?? [])
      .map((f) => ({
        name: f.filterName ?? '',
        logGroupName: f.logGroupName ?? '',
        pattern: f.filterPattern ?? '',
        metrics: (f.metricTransformations ?? []).map((m) => ({
          name: m.metricName ?? '',
          namespace: m.metricNamespace ?? '',
        })),
      })),
  );
}
