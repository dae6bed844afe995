import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { publicInboundTo } from './helpers/nacl.js';
import { ADMIN_PORTS } from './helpers/ports.js';
import { listSome, networkResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ec2_network_acl_no_public_admin_ports',
  title: 'Network ACLs do not admit SSH or RDP from the internet',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'medium',
  rationale:
    'A network ACL is the subnet-wide layer under security groups; one that admits 22 or 3389 from 0.0.0.0/0 or ::/0 leaves ' +
    'a single security group mistake between the internet and a login prompt. Rules are read in order as AWS applies them: ' +
    "the lowest-numbered rule from the any-address range that covers the port decides (Prowler's semantics), so a deny " +
    'numbered before the allow passes. An all-traffic allow counts, which is how the default ACL AWS creates is set, so ' +
    'default ACLs fail until a deny for 22 and 3389 is added ahead of rule 100. Every ACL is assessed; the reason names its subnets.',
  remediation:
    'aws ec2 create-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number <number below the allow> --protocol tcp ' +
    '--port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny (repeat for 3389, and with --ipv6-cidr-block ::/0).',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.network.regions, (r) => r.networkAcls, 'network ACLs', (acl, region) => {
      const resource = networkResource(snapshot, region, 'AWS::EC2::NetworkAcl', acl.id, acl.arn);
      const title = `Network ACL ${acl.id}${acl.isDefault ? ' (default)' : ''} of ${acl.vpcId ?? 'no VPC'}`;
      const exposed = [...publicInboundTo(acl, ADMIN_PORTS)].map(([rule, services]) => `${rule} (${services.join(', ')})`);
      if (exposed.length === 0) return [pass(resource, `${title} admits neither SSH 22 nor RDP 3389 from 0.0.0.0/0 or ::/0`)];
      const subnets = acl.subnetIds.length > 0 ? `used by ${listSome(acl.subnetIds)}` : 'associated with no subnet';
      return [fail(resource, `${title}: ${exposed.join('; ')}, ${subnets}`)];
    }),
});
