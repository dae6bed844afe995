import { defineCheck } from '../types.js';
import { evaluateGroupExposure } from './helpers/exposure.js';
import { portsOpenedBy } from './helpers/ingress.js';
import { ADMIN_PORTS } from './helpers/ports.js';

export const check = defineCheck({
  id: 'ec2_security_group_no_public_admin_ports',
  title: 'Security groups allow no SSH or RDP from the internet',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'high',
  rationale:
    'SSH (22) and RDP (3389) open to 0.0.0.0/0 or ::/0 let anyone on the internet try to log in to hosts that process ePHI; ' +
    'administration should go through Session Manager, a VPN or a bastion with a narrow source. As Prowler and AWS Config ' +
    '(restricted-ssh, restricted-common-ports), a TCP or all-protocols rule covering the port fails; unlike them, a UDP ' +
    'rule does too (RDP also listens on UDP 3389), and every group is assessed, attached or not, because an unattached ' +
    'group can be attached at any time (Prowler skips unused groups by default). The reason names what the group is ' +
    'attached to. Rules that admit a managed prefix list are not expanded.',
  remediation:
    'aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}] ' +
    '(repeat for 3389 and for ::/0 with Ipv6Ranges=[{CidrIpv6=::/0}]); reach hosts with `aws ssm start-session --target <instance-id>` instead.',
  evaluate: (snapshot) =>
    evaluateGroupExposure(snapshot, 'SSH or RDP', (rule) => {
      const open = portsOpenedBy(rule, ADMIN_PORTS);
      return open.length > 0 ? open.map((p) => `${p.service} ${p.port}`).join(', ') : null;
    }),
});
