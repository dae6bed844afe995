import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachInstance } from './helpers/instances.js';
import { instanceLabel } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ec2_instance_detailed_monitoring',
  title: 'EC2 instances have detailed monitoring enabled',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(b)'],
  severity: 'low',
  rationale:
    'Detailed monitoring records instance metrics every minute instead of every five, the activity record alarms and ' +
    'investigations rely on for hosts that process ePHI. Same semantics as AWS Config ec2-instance-detailed-monitoring-enabled, ' +
    'which the HIPAA conformance pack maps to audit controls.',
  remediation: 'aws ec2 monitor-instances --instance-ids <instance-id>',
  evaluate: (snapshot) =>
    eachInstance(snapshot, (instance, resource) => [
      instance.monitoring === 'enabled'
        ? pass(resource, `EC2 instance ${instanceLabel(instance)} has detailed monitoring enabled`)
        : fail(resource, `EC2 instance ${instanceLabel(instance)} has detailed monitoring ${instance.monitoring ?? 'not reported'}`),
    ]),
});
