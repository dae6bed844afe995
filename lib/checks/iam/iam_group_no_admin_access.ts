import { defineCheck } from '../types.js';
import { adminAccessResult } from './helpers/admin-results.js';
import { ADMIN_ACCESS_RATIONALE } from './helpers/admin-text.js';
import { perPrincipal } from './helpers/principals.js';

export const check = defineCheck({
  id: 'iam_group_no_admin_access',
  title: 'IAM groups cannot do everything',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)', '164.308(a)(3)(ii)(A)'],
  severity: 'high',
  rationale: `Every member of an administrator group is an administrator: ${ADMIN_ACCESS_RATIONALE}`,
  remediation:
    'Detach or narrow the policy named in the finding: aws iam detach-group-policy --group-name <group> --policy-arn <policy-arn>, or aws iam delete-group-policy --group-name <group> --policy-name <name>; keep administration on a role assumed with MFA.',
  evaluate(snapshot) {
    return perPrincipal(snapshot, 'Group', 'IAM groups', (d) => d.groups, (group, resource, details) =>
      adminAccessResult(details, group, resource, `IAM group ${group.name}`),
    );
  },
});
