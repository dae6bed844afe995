import { defineCheck } from '../types.js';
import { fail, pass } from '../kit/results.js';
import { perIamUser } from './helpers/resources.js';

export const check = defineCheck({
  id: 'iam_user_no_inline_or_direct_policies',
  title: 'IAM users receive permissions only through groups or roles',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(4)(ii)(B)'],
  severity: 'low',
  rationale:
    'Permissions granted per user escape the role-based review of who may access ePHI; groups and roles make access authorization reviewable.',
  remediation:
    'Move the permissions to a group (aws iam add-user-to-group) or a role, then remove them from the user (aws iam detach-user-policy / aws iam delete-user-policy).',
  evaluate(snapshot) {
    return perIamUser(snapshot, (u, resource) => {
      const direct = [
        ...u.inlinePolicies.map((p) => `inline ${p.name}`),
        ...u.attachedPolicies.map((p) => `attached ${p.name}`),
      ];
      return direct.length === 0
        ? pass(resource, `IAM user ${u.name} has no inline or directly attached policies`)
        : fail(resource, `IAM user ${u.name} has policies of its own: ${direct.join(', ')}`);
    });
  },
});
