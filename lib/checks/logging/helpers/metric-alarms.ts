import type { Alarm, MetricFilter } from '../../../snapshot/logging.js';
import type { HipaaCitation } from '../../../model/hipaa.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import { accountResource, errorResult, fail, pass } from '../../kit/results.js';
import { defineCheck, type CheckDefinition, type CheckResult } from '../../types.js';
import { type Severity } from '../../../model/severity.js';
import { catchesActivity, type MonitoredActivity } from './monitored-activities.js';

export interface MetricAlarmSpec {
  id: string;
  title: string;
  citations: readonly HipaaCitation[];
  severity: Severity;
  rationale: string;
  /** The CIS activity the filter must catch: its subject names it in reasons, its pattern is the remediation. */
  activity: MonitoredActivity;
}

const notifies = (alarm: Alarm): boolean => alarm.actionsEnabled && alarm.alarmActions.length > 0;

/**
 * Account-level: CloudTrail is usually delivered to one log group in one region, so one filter + alarm
 * anywhere in scope satisfies the control. The result is on the account so its identity is stable.
 */
export function evaluateMetricAlarm(snapshot: AccountSnapshot, activity: MonitoredActivity): CheckResult[] {
  const regions = Object.entries(snapshot.logging.regions);
  if (regions.length === 0) return [];
  const scope = accountResource(snapshot.accountId, snapshot.partition);
  const errors: string[] = [];
  const gaps: string[] = [];
  for (const [region, data] of regions) {
    if (data.metricFilters.error) {
      errors.push(`${region}: ${data.metricFilters.error.operation} failed with ${data.metricFilters.error.code}`);
      continue;
    }
    const filters = data.metricFilters.data.filter((f) => catchesActivity(f.pattern, activity));
    if (filters.length === 0) continue;
    if (data.alarms.error) {
      errors.push(`${region}: ${data.alarms.error.operation} failed with ${data.alarms.error.code}`);
      continue;
    }
    for (const filter of filters) {
      const alarms = alarmsOn(filter, data.alarms.data);
      const alarm = alarms.find(notifies);
      if (alarm) {
        return [pass(scope, `Account ${snapshot.accountId}: metric filter ${filter.name} (${filter.logGroupName}, ${region}) for ${activity.subject} has alarm ${alarm.name} with actions`)];
      }
      gaps.push(
        alarms.length > 0
          ? `filter ${filter.name} in ${region} has alarm ${alarms[0]?.name} but it has no enabled alarm actions`
          : `filter ${filter.name} in ${region} has no alarm on its metric`,
      );
    }
  }
  if (errors.length > 0) return [errorResult(scope, `Could not assess ${activity.subject} alarms for account ${snapshot.accountId}: ${errors.join('; ')}`)];
  const detail = gaps.length > 0 ? gaps.join('; ') : `no metric filter matches ${activity.subject}`;
  return [fail(scope, `Account ${snapshot.accountId} has no alarmed metric filter for ${activity.subject}: ${detail}`)];
}

export function alarmsOn(filter: MetricFilter, alarms: readonly Alarm[]): Alarm[] {
  return alarms.filter((a) =>
    a.metrics.some((m) => filter.metrics.some((fm) => fm.name === m.name && fm.namespace === m.namespace)),
  );
}

const SEMANTICS =
  'The filter pattern is parsed and run on sample CloudTrail records of the activity, so an equivalent pattern passes and one that ' +
  'names the events but selects none of them (or selects every event) does not. As in Prowler\'s CIS metric-filter checks, one ' +
  'filter with an alarm in any scanned region satisfies the account; unlike Prowler, the alarm must also have an enabled action ' +
  'and the log group is not required to be the one a trail delivers to (cloudtrail_cloudwatch_logs_integration checks that).';

export function defineMetricAlarmCheck(spec: MetricAlarmSpec): CheckDefinition {
  return defineCheck({
    id: spec.id,
    title: spec.title,
    service: 'cloudwatch',
    reads: ['logging'],
    citations: spec.citations,
    severity: spec.severity,
    rationale: `${spec.rationale} ${SEMANTICS}`,
    remediation:
      `On the log group your CloudTrail trail delivers to: aws logs put-metric-filter --log-group-name <trail-log-group> ` +
      `--filter-name <name> --metric-transformations metricName=<metric>,metricNamespace=CISBenchmark,metricValue=1 ` +
      `--filter-pattern '${spec.activity.cisPattern}', then aws cloudwatch put-metric-alarm --alarm-name <name> --metric-name <metric> ` +
      `--namespace CISBenchmark --statistic Sum --period 300 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold ` +
      `--evaluation-periods 1 --alarm-actions <sns-topic-arn>.`,
    evaluate: (snapshot) => evaluateMetricAlarm(snapshot, spec.activity),
  });
}
