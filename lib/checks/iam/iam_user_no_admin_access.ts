import { defineCheck } from '../types.js';
import { adminAccessResult } from './helpers/admin-results.js';
import { ADMIN_ACCESS_RATIONALE } from './helpers/admin-text.js';
import { perPrincipal } from './helpers/principals.js';

export const check = defineCheck({
  id: 'iam_user_no_admin_access',
  title: 'IAM users cannot do everything',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)', '164.308(a)(3)(ii)(A)'],
  severity: 'high',
  rationale: `An access review needs the people, not only the policies: ${ADMIN_ACCESS_RATIONALE}`,
  remediation:
    'Remove the path named in the finding: aws iam remove-user-from-group --user-name <user> --group-name <group>, aws iam detach-user-policy --user-name <user> --policy-arn <policy-arn>, or aws iam delete-user-policy --user-name <user> --policy-name <name>; grant job-function policies instead and keep administration on a role assumed with MFA.',
  evaluate(snapshot) {
    return perPrincipal(snapshot, 'User', 'IAM users', (d) => d.users, (user, resource, details) =>
      adminAccessResult(details, user, resource, `IAM user ${user.name}`),
    );
  },
});
