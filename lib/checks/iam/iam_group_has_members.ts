import { defineCheck } from '../types.js';
import { fail, pass } from '../kit/results.js';
import { perPrincipal } from './helpers/principals.js';

export const check = defineCheck({
  id: 'iam_group_has_members',
  title: 'IAM groups have at least one member',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(4)(ii)(C)', '164.308(a)(3)(ii)(C)'],
  severity: 'low',
  rationale:
    'An empty group is a leftover of access establishment or termination: it still carries permissions and can silently grant them to whoever is added next (AWS Config iam-group-has-users-check).',
  remediation:
    'Delete the group if it is no longer needed (aws iam delete-group --group-name <group>, after removing its policies), or add the intended members (aws iam add-user-to-group --group-name <group> --user-name <user>).',
  evaluate(snapshot) {
    return perPrincipal(snapshot, 'Group', 'IAM groups', (d) => d.groups, (group, resource, details) => {
      // Membership is read from the users' side: GetAccountAuthorizationDetails lists each user's groups.
      const members = details.users.filter((u) => u.groups.includes(group.name)).map((u) => u.name);
      return members.length > 0
        ? pass(resource, `IAM group ${group.name} has ${members.length} member(s): ${members.join(', ')}`)
        : fail(resource, `IAM group ${group.name} has no members`);
    });
  },
});
