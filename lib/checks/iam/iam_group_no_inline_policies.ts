import { defineCheck } from '../types.js';
import { fail, pass } from '../kit/results.js';
import { perPrincipal } from './helpers/principals.js';

export const check = defineCheck({
  id: 'iam_group_no_inline_policies',
  title: 'IAM groups have no inline policies',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)'],
  severity: 'low',
  rationale:
    'An inline policy lives inside one group, has no versions and cannot be reviewed or reused as a managed policy, so access authorization is harder to review and to change (AWS Config iam-no-inline-policy-check).',
  remediation:
    'Move the permissions into a customer managed policy (aws iam create-policy, aws iam attach-group-policy --group-name <group> --policy-arn <policy-arn>), then aws iam delete-group-policy --group-name <group> --policy-name <name>.',
  evaluate(snapshot) {
    return perPrincipal(snapshot, 'Group', 'IAM groups', (d) => d.groups, (group, resource) =>
      group.inlinePolicies.length === 0
        ? pass(resource, `IAM group ${group.name} has no inline policies`)
        : fail(resource, `IAM group ${group.name} has inline policies: ${group.inlinePolicies.map((p) => p.name).join(', ')}`),
    );
  },
});
