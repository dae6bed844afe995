import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { describeRule } from './helpers/ingress.js';
import { networkResource } from './helpers/resources.js';
import type { SecurityGroupRule } from '../../snapshot/network.js';

function sources(rule: SecurityGroupRule): string {
  const all = [...rule.ipv4Ranges, ...rule.ipv6Ranges, ...rule.prefixListIds, ...rule.groupIds];
  return all.length > 0 ? all.join(' and ') : 'nowhere';
}

export const check = defineCheck({
  id: 'ec2_vpc_default_security_group_closed',
  title: "Every VPC's default security group has no rules",
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'medium',
  rationale:
    'Resources launched without a security group get the default one, so any rule it has is access nobody chose. ' +
    'Same semantics as AWS Config vpc-default-security-group-closed and Prowler ec2_securitygroup_default_restrict_traffic: ' +
    'the default group of every VPC (the group named `default`, which cannot be deleted) has no inbound and no outbound rule. ' +
    'AWS creates it with an inbound rule from itself and an outbound rule to 0.0.0.0/0, so a new VPC fails until they are removed.',
  remediation:
    'aws ec2 revoke-security-group-ingress --group-id <default-sg-id> --ip-permissions \'[{"IpProtocol":"-1","UserIdGroupPairs":[{"GroupId":"<default-sg-id>"}]}]\' ' +
    'and aws ec2 revoke-security-group-egress --group-id <default-sg-id> --ip-permissions \'[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]\'; ' +
    'give workloads their own groups first.',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.network.regions, (r) => r.securityGroups, 'VPC default security groups', (group, region) => {
      if (group.name !== 'default' || !group.vpcId) return [];
      const resource = networkResource(snapshot, region, 'AWS::EC2::SecurityGroup', group.id, group.arn);
      const rules = [
        ...group.ingress.map((rule) => `inbound ${describeRule(rule)} from ${sources(rule)}`),
        ...group.egress.map((rule) => `outbound ${describeRule(rule)} to ${sources(rule)}`),
      ];
      return [
        rules.length === 0
          ? pass(resource, `Default security group ${group.id} of ${group.vpcId} has no rules`)
          : fail(resource, `Default security group ${group.id} of ${group.vpcId} has ${rules.length} rule(s): ${rules.join('; ')}`),
      ];
    }),
});
