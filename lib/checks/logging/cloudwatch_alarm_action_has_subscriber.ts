import type { Alarm } from '../../snapshot/logging.js';
import type { AccountSnapshot } from '../../snapshot/schema.js';
import { eachRegion } from '../kit/regions.js';
import { errorResult, fail, notApplicable, pass, resourceRef, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { alarmsOn } from './helpers/metric-alarms.js';
import { ACTIVITIES, catchesActivity } from './helpers/monitored-activities.js';

type TopicVerdict = { reaches: true; topic: string; confirmed: number } | { reaches: false; why: string; unknown: boolean };

/** Does this SNS topic (an alarm action) have a confirmed subscriber, as the storage family read it? */
function topicVerdict(snapshot: AccountSnapshot, arn: string): TopicVerdict {
  const [, , , region = '', account = ''] = arn.split(':');
  if (account !== snapshot.accountId) return { reaches: false, unknown: true, why: `topic ${arn} is in another account (subscriptions not readable)` };
  const storage = snapshot.storage.regions[region];
  if (!storage) return { reaches: false, unknown: true, why: `topic ${arn} is in ${region}, which was not scanned` };
  if (storage.topics.error) return { reaches: false, unknown: true, why: `${storage.topics.error.operation} failed with ${storage.topics.error.code} in ${region}` };
  const topic = storage.topics.data.find((t) => t.arn === arn);
  if (!topic) return { reaches: false, unknown: false, why: `topic ${arn} does not exist` };
  const confirmed = topic.subscriptionsConfirmed;
  if (confirmed.error) return { reaches: false, unknown: true, why: `${confirmed.error.operation} for ${topic.name} failed with ${confirmed.error.code}` };
  if (confirmed.data > 0) return { reaches: true, topic: topic.name, confirmed: confirmed.data };
  return { reaches: false, unknown: false, why: `topic ${topic.name} has no confirmed subscription` };
}

const isSnsTopic = (action: string): boolean => /^arn:[^:]+:sns:/.test(action);

export const check = defineCheck({
  id: 'cloudwatch_alarm_action_has_subscriber',
  title: 'Every alarm on a CIS metric filter notifies an SNS topic with a confirmed subscriber',
  service: 'cloudwatch',
  reads: ['logging'],
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale:
    'An alarm that notifies nobody is not activity review: the metric-filter alarms (root use, policy, network and key ' +
    'changes) count only if a person receives them. Each alarm on a metric filter catching one of the CIS monitored ' +
    'activities must have actions enabled and an SNS topic action whose topic has at least one confirmed subscription ' +
    '(GetTopicAttributes SubscriptionsConfirmed, read once by the storage family). Prowler and the Config HIPAA pack have ' +
    'no equivalent (Prowler checks only that an alarm exists); CIS 4.x asks for a subscribed SNS topic in its audit steps. ' +
    'A topic in another account or an unscanned region cannot be read and is ERROR, not PASS.',
  remediation:
    'aws sns subscribe --topic-arn <topic-arn> --protocol email --notification-endpoint <security-team-address> (and confirm ' +
    'the e-mail), then aws cloudwatch put-metric-alarm ... --alarm-actions <topic-arn> --actions-enabled for the alarm.',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.logging.regions, (region, data, scope) =>
      withCollected(data.metricFilters, scope, (filters) => {
        const watched = filters.filter((f) => Object.values(ACTIVITIES).some((a) => catchesActivity(f.pattern, a)));
        if (watched.length === 0) return [notApplicable(scope, `No metric filter in ${region} catches a CIS monitored activity`)];
        return withCollected(data.alarms, scope, (alarms) => {
          const onWatched = new Map<string, Alarm>();
          for (const filter of watched) for (const alarm of alarmsOn(filter, alarms)) onWatched.set(alarm.arn, alarm);
          if (onWatched.size === 0) return [notApplicable(scope, `No alarm in ${region} watches a CIS metric filter`)];
          return [...onWatched.values()].map((alarm) => {
            const resource = resourceRef(snapshot, alarm.arn, alarm.name, 'AWS::CloudWatch::Alarm', region);
            if (!alarm.actionsEnabled) return fail(resource, `Alarm ${alarm.name} in ${region} has its actions disabled`);
            const topics = alarm.alarmActions.filter(isSnsTopic);
            if (topics.length === 0) return fail(resource, `Alarm ${alarm.name} in ${region} notifies no SNS topic`);
            const verdicts = topics.map((arn) => topicVerdict(snapshot, arn));
            const reached = verdicts.find((v) => v.reaches);
            if (reached?.reaches) {
              return pass(resource, `Alarm ${alarm.name} in ${region} notifies topic ${reached.topic} with ${reached.confirmed} confirmed subscription(s)`);
            }
            const why = verdicts.flatMap((v) => (v.reaches ? [] : [v.why])).join('; ');
            if (verdicts.some((v) => !v.reaches && v.unknown)) {
              return errorResult(resource, `Could not tell whether alarm ${alarm.name} in ${region} reaches anyone: ${why}`);
            }
            return fail(resource, `Alarm ${alarm.name} in ${region} reaches no one: ${why}`);
          });
        });
      }),
    ),
});
