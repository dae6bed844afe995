import { CloudWatchClient, paginateDescribeAlarms, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { failed, ok, type Collected } from '../../snapshot/collected.js';
import { attemptPages, type CollectContext } from '../../collect/context.js';
import type { Alarm } from '../../snapshot/logging.js';

export async function collectAlarms(ctx: CollectContext, region: string): Promise<Collected<Alarm[]>> {
  const client = ctx.clients.get(CloudWatchClient, region);
  const pages = await attemptPages(ctx, { service: 'cloudwatch', region, operation: 'DescribeAlarms' }, () =>
    paginateDescribeAlarms({ client }, {}),
  );
  if (pages.error) return failed(pages.error);
  return ok(pages.data.flatMap((p) => p.MetricAlarms ?? []).map(toAlarm));
}

function toAlarm(alarm: MetricAlarm): Alarm {
  const metrics: Alarm['metrics'] = [];
  if (alarm.MetricName && alarm.Namespace) metrics.push({ name: alarm.MetricName, namespace: alarm.Namespace });
  // Metric-math alarms name their inputs in Metrics[].MetricStat instead.
  for (const query of alarm.Metrics ?? []) {
    const metric = query.MetricStat?.Metric;
    if (metric?.MetricName && metric.Namespace) metrics.push({ name: metric.MetricName, namespace: metric.Namespace });
  }
  return {
    name: alarm.AlarmName ?? '',
    arn: alarm.AlarmArn ?? '',
    actionsEnabled: alarm.ActionsEnabled !== false,
    alarmActions: alarm.AlarmActions ?? [],
    metrics,
  };
}
