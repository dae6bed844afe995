import type { NetworkRegion, SecurityGroup, SecurityGroupRule } from '../../../snapshot/network.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import { eachRegionalItem } from '../../kit/regions.js';
import { fail, pass } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { attachmentsOf } from './attachments.js';
import { describeRule, publicSources } from './ingress.js';
import { networkResource } from './resources.js';

/**
 * The shared evaluation of the security-group ingress checks: one result per group, FAIL when any
 * ingress rule from 0.0.0.0/0 or ::/0 matches. `matches` says what a public rule exposes (e.g. `SSH`),
 * or null when it is not this check's concern. Rules that admit a managed prefix list are not expanded
 * (that needs GetManagedPrefixListEntries per list), so a prefix list holding 0.0.0.0/0 is not seen.
 */
export function evaluateGroupExposure(
  snapshot: AccountSnapshot,
  exposureNoun: string,
  matches: (rule: SecurityGroupRule) => string | null,
): CheckResult[] {
  return eachRegionalItem(snapshot, snapshot.network.regions, (r) => r.securityGroups, 'security groups', (group, region) => [
    groupVerdict(snapshot, region, group, snapshot.network.regions[region], exposureNoun, matches),
  ]);
}

function groupVerdict(
  snapshot: AccountSnapshot,
  region: string,
  group: SecurityGroup,
  data: NetworkRegion | undefined,
  exposureNoun: string,
  matches: (rule: SecurityGroupRule) => string | null,
): CheckResult {
  const resource = networkResource(snapshot, region, 'AWS::EC2::SecurityGroup', group.id, group.arn);
  const open = group.ingress.flatMap((rule) => {
    const sources = publicSources(rule);
    const what = sources.length > 0 ? matches(rule) : null;
    return what ? [`${describeRule(rule)} from ${sources.join(' and ')} (${what})`] : [];
  });
  const title = `Security group ${group.id} (${group.name})`;
  if (open.length === 0) return pass(resource, `${title} allows no ${exposureNoun} from 0.0.0.0/0 or ::/0`);
  const attached = data ? attachmentsOf(group.id, data.networkInterfaces) : 'attachments unknown';
  return fail(resource, `${title} allows ${open.join('; ')}, ${attached}`);
}
