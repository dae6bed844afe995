import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachInstance } from './helpers/instances.js';
import { instanceLabel } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ec2_instance_profile_attached',
  title: 'EC2 instances have an IAM instance profile',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'],
  severity: 'low',
  rationale:
    'Without an instance profile, software on the instance that calls AWS needs long-lived access keys stored on the host, ' +
    'which outlive the instance and leak with its disk. A role gives short-lived, automatically rotated credentials whose ' +
    'policy is the documented grant of access for that workload (access authorization). Same semantics as AWS Config ' +
    'ec2-instance-profile-attached.',
  remediation:
    'aws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<profile-name> ' +
    '(a profile whose role has only the permissions the workload needs, e.g. AmazonSSMManagedInstanceCore).',
  evaluate: (snapshot) =>
    eachInstance(snapshot, (instance, resource) => [
      instance.instanceProfileArn
        ? pass(resource, `EC2 instance ${instanceLabel(instance)} has instance profile ${instance.instanceProfileArn}`)
        : fail(resource, `EC2 instance ${instanceLabel(instance)} has no IAM instance profile`),
    ]),
});
