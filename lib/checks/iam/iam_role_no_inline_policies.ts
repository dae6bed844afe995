import { defineCheck } from '../types.js';
import { fail, pass } from '../kit/results.js';
import { isServiceLinkedRole } from './helpers/admin-results.js';
import { perPrincipal } from './helpers/principals.js';

export const check = defineCheck({
  id: 'iam_role_no_inline_policies',
  title: 'IAM roles have no inline policies (service-linked roles excepted)',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)'],
  severity: 'low',
  rationale:
    'An inline policy lives inside one role, has no versions and cannot be reviewed or reused as a managed policy (AWS Config iam-no-inline-policy-check covers users, groups and roles alike). ' +
    'Service roles that the account created (Lambda execution roles, CDK-generated roles) are assessed like any role; service-linked roles (path /aws-service-role/) are defined by AWS and cannot be changed, so they are not.',
  remediation:
    'Move the permissions into a customer managed policy (aws iam create-policy, aws iam attach-role-policy --role-name <role> --policy-arn <policy-arn>), then aws iam delete-role-policy --role-name <role> --policy-name <name>; in the CDK, use iam.ManagedPolicy instead of role.addToPolicy.',
  evaluate(snapshot) {
    return perPrincipal(snapshot, 'Role', 'IAM roles other than service-linked roles', (d) => d.roles.filter((r) => !isServiceLinkedRole(r)), (role, resource) =>
      role.inlinePolicies.length === 0
        ? pass(resource, `IAM role ${role.name} has no inline policies`)
        : fail(resource, `IAM role ${role.name} has inline policies: ${role.inlinePolicies.map((p) => p.name).join(', ')}`),
    );
  },
});
