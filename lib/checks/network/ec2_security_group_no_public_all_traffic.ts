import { defineCheck } from '../types.js';
import { evaluateGroupExposure } from './helpers/exposure.js';
import { isAllTraffic } from './helpers/ingress.js';

export const check = defineCheck({
  id: 'ec2_security_group_no_public_all_traffic',
  title: 'Security groups allow no traffic on all ports from the internet',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'critical',
  rationale:
    'A rule admitting every protocol (-1) or every TCP/UDP port from 0.0.0.0/0 or ::/0 removes the network boundary ' +
    'around whatever the group protects: every service on the host, including unauthenticated ones, is reachable. ' +
    "Same semantics as Prowler's ec2_securitygroup_allow_ingress_from_internet_to_all_ports, but every group is assessed, " +
    'attached or not.',
  remediation:
    'aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}] ' +
    '(and Ipv6Ranges=[{CidrIpv6=::/0}]); then authorize only the ports and sources the workload needs.',
  evaluate: (snapshot) =>
    evaluateGroupExposure(snapshot, 'all-port rule', (rule) => (isAllTraffic(rule) ? 'every port' : null)),
});
