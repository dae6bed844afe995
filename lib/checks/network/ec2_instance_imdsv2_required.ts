import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { describeImds, imdsRefusesV1 } from './helpers/imds.js';
import { eachInstance } from './helpers/instances.js';
import { instanceLabel } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ec2_instance_imdsv2_required',
  title: 'EC2 instances require IMDSv2',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)'],
  severity: 'high',
  rationale:
    "IMDSv1 answers any HTTP GET from the instance, so one server-side request forgery in an application hands the attacker the " +
    "instance role's temporary credentials, and with them whatever ePHI the role can read; IMDSv2's session token defeats that. " +
    'Cited as access control (164.312(a)(1)): the control protects the credentials that grant access, it does not ' +
    'authenticate a person. As AWS Config ec2-imdsv2-check (FAIL when HttpTokens is optional), except that an instance with ' +
    'the metadata endpoint disabled passes, since it answers neither version. Stopped instances are assessed: the setting persists.',
  remediation:
    'aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-tokens required --http-endpoint enabled ' +
    '(check first that the software on the instance uses an SDK version that supports IMDSv2).',
  evaluate: (snapshot) =>
    eachInstance(snapshot, (instance, resource) => [
      imdsRefusesV1(instance.httpTokens, instance.httpEndpoint)
        ? pass(resource, `EC2 instance ${instanceLabel(instance)} has ${describeImds(instance.httpTokens, instance.httpEndpoint)}`)
        : fail(
            resource,
            `EC2 instance ${instanceLabel(instance)} accepts IMDSv1 (${describeImds(instance.httpTokens, instance.httpEndpoint)}, ${instance.state})`,
          ),
    ]),
});
