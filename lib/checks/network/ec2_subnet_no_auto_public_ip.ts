import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { networkResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ec2_subnet_no_auto_public_ip',
  title: 'Subnets do not assign public IPv4 addresses automatically',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'medium',
  rationale:
    'With MapPublicIpOnLaunch every instance launched in the subnet gets an internet-routable address unless its launcher ' +
    'says otherwise, so a host that processes ePHI becomes reachable by default. Same semantics as AWS Config ' +
    "subnet-auto-assign-public-ip-disabled; the default VPC's subnets have it on, so they fail until it is turned off.",
  remediation: 'aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.network.regions, (r) => r.subnets, 'subnets', (subnet, region) => {
      const resource = networkResource(snapshot, region, 'AWS::EC2::Subnet', subnet.id, subnet.arn);
      const title = `Subnet ${subnet.id}${subnet.defaultForAz ? ' (default subnet)' : ''} of ${subnet.vpcId ?? 'no VPC'}`;
      return [
        subnet.mapPublicIpOnLaunch
          ? fail(resource, `${title} assigns a public IPv4 address to every instance launched in it`)
          : pass(resource, `${title} does not assign public IPv4 addresses automatically`),
      ];
    }),
});
