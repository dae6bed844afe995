import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachInstance } from './helpers/instances.js';
import { instanceLabel } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ec2_instance_no_public_ip',
  title: 'EC2 instances have no public IPv4 address',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'high',
  rationale:
    'An instance with a public IPv4 address is one security group rule away from the internet. Hosts that process ePHI belong ' +
    'in private subnets behind a load balancer or NAT. Same semantics as AWS Config ec2-instance-no-public-ip (public IPv4 ' +
    'address present, Elastic IPs included).',
  remediation:
    'Move the workload to a private subnet (launch a replacement with --no-associate-public-ip-address, or from a launch ' +
    'template without a public IP) behind a load balancer; release an Elastic IP with aws ec2 disassociate-address --association-id <id>.',
  evaluate: (snapshot) =>
    eachInstance(snapshot, (instance, resource) => [
      instance.publicIpAddress
        ? fail(resource, `EC2 instance ${instanceLabel(instance)} has public IPv4 address ${instance.publicIpAddress}`)
        : pass(resource, `EC2 instance ${instanceLabel(instance)} has no public IPv4 address`),
    ]),
});
