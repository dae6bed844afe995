import { daysBetween, errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachInstance } from './helpers/instances.js';
import { instanceLabel } from './helpers/resources.js';
import { stoppedSince } from './helpers/stopped-since.js';

export const check = defineCheck({
  id: 'ec2_instance_not_stopped_long',
  title: 'No EC2 instance has been stopped longer than the allowed number of days',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.308(a)(1)(ii)(B)'],
  severity: 'low',
  rationale:
    'A long-stopped instance misses every patch while it sleeps, keeps its volumes (and any ePHI on them), and starts again ' +
    'with stale software and forgotten access; risk management means removing what is not used. Same semantics as AWS Config ' +
    'ec2-stopped-instance (allowed days, default 30: threshold `stoppedInstanceMaxDays`). The stop time is the timestamp EC2 ' +
    'writes into StateTransitionReason (DescribeInstances has no other); a stopped instance whose reason names no time is ERROR.',
  remediation:
    'Terminate the instance if it is no longer needed (snapshot its volumes first if they must be kept): ' +
    'aws ec2 terminate-instances --instance-ids <instance-id>; otherwise start it and patch it.',
  evaluate: (snapshot, now, thresholds) =>
    eachInstance(snapshot, (instance, resource) => {
      const label = `EC2 instance ${instanceLabel(instance)}`;
      if (instance.state !== 'stopped') return [pass(resource, `${label} is ${instance.state}, not stopped`)];
      const since = stoppedSince(instance.stateTransitionReason);
      if (!since) {
        return [
          errorResult(resource, `${label} is stopped but its state reason names no stop time: "${instance.stateTransitionReason ?? ''}"`),
        ];
      }
      const days = daysBetween(since, now);
      const stamp = since.toISOString().slice(0, 10);
      return [
        days > thresholds.stoppedInstanceMaxDays
          ? fail(resource, `${label} has been stopped for ${days} days (since ${stamp}), more than ${thresholds.stoppedInstanceMaxDays}`)
          : pass(resource, `${label} has been stopped for ${days} days (since ${stamp}), within ${thresholds.stoppedInstanceMaxDays}`),
      ];
    }),
});
