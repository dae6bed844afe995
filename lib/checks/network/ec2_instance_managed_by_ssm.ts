import { eachRegion } from '../kit/regions.js';
import { errorResult, fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { instanceLabel, networkResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ec2_instance_managed_by_ssm',
  title: 'Running EC2 instances are managed by Systems Manager',
  service: 'ssm',
  reads: ['network'],
  citations: ['164.308(a)(1)(ii)(B)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  rationale:
    'An instance Systems Manager does not manage is outside patching, inventory and anti-malware deployment: risk management ' +
    'and protection from malicious software depend on reaching every host. As AWS Config ec2-instance-managed-by-systems-manager ' +
    'and Prowler ec2_instance_managed_by_ssm, a running instance passes when DescribeInstanceInformation lists it (its ping ' +
    'status is shown); stopped or pending instances are NOT_APPLICABLE here, where Prowler passes them.',
  remediation:
    'Attach an instance profile whose role has AmazonSSMManagedInstanceCore (aws ec2 associate-iam-instance-profile ' +
    '--instance-id <instance-id> --iam-instance-profile Name=<profile>), make sure the SSM agent runs and the subnet reaches ' +
    'the ssm, ssmmessages and ec2messages endpoints, or enable Default Host Management Configuration in Fleet Manager.',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.network.regions, (region, data, scope) =>
      withCollected(data.instances, scope, (instances) => {
        if (instances.length === 0) return [notApplicable(scope, `No EC2 instances in ${region}`)];
        if (data.managedInstances === null) {
          return [errorResult(scope, `Could not assess ${region}: Systems Manager was not asked about its ${instances.length} instance(s)`)];
        }
        return withCollected(data.managedInstances, scope, (managed) =>
          instances.map((instance) => {
            const resource = networkResource(snapshot, region, 'AWS::EC2::Instance', instance.id, instance.arn);
            const label = `EC2 instance ${instanceLabel(instance)}`;
            if (instance.state !== 'running') return notApplicable(resource, `${label} is ${instance.state}; only running instances are assessed`);
            const node = managed.find((m) => m.instanceId === instance.id);
            return node
              ? pass(resource, `${label} is managed by Systems Manager (ping status ${node.pingStatus ?? 'unknown'})`)
              : fail(resource, `${label} is not managed by Systems Manager`);
          }),
        );
      }),
    ),
});
