import { defineCheck } from '../types.js';
import { adminAccessResult, isServiceLinkedRole } from './helpers/admin-results.js';
import { ADMIN_ACCESS_RATIONALE } from './helpers/admin-text.js';
import { perPrincipal } from './helpers/principals.js';

export const check = defineCheck({
  id: 'iam_role_no_admin_access',
  title: 'IAM roles cannot do everything (service-linked roles excepted)',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)', '164.308(a)(3)(ii)(A)'],
  severity: 'high',
  rationale:
    `Whoever can assume an administrator role is an administrator: ${ADMIN_ACCESS_RATIONALE} ` +
    'Service-linked roles (path /aws-service-role/) are defined by the AWS service that uses them and cannot be changed, so they are not assessed. A deliberate break-glass role will FAIL here; record it as an accepted risk.',
  remediation:
    'Detach or narrow the policy named in the finding: aws iam detach-role-policy --role-name <role> --policy-arn <policy-arn>, or aws iam delete-role-policy --role-name <role> --policy-name <name>; grant the actions the workload needs.',
  evaluate(snapshot) {
    return perPrincipal(snapshot, 'Role', 'IAM roles other than service-linked roles', (d) => d.roles.filter((r) => !isServiceLinkedRole(r)), (role, resource, details) =>
      adminAccessResult(details, role, resource, `IAM role ${role.name}`),
    );
  },
});
