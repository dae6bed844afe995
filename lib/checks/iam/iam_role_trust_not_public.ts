import { defineCheck } from '../types.js';
import { errorResult, fail, pass } from '../kit/results.js';
import { isServiceLinkedRole } from './helpers/admin-results.js';
import { isReadablePolicy } from './helpers/policy-statements.js';
import { perPrincipal } from './helpers/principals.js';
import { trustedParties } from './helpers/trust-policy.js';
import { trustScope } from './helpers/trust-scope.js';

export const check = defineCheck({
  id: 'iam_role_trust_not_public',
  title: 'No role trust policy lets any AWS principal ("*") assume the role',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(1)', '164.308(b)(1)', '164.308(a)(4)(ii)(B)'],
  severity: 'critical',
  rationale:
    'A trust policy with Principal "*" (or Allow with NotPrincipal) lets any AWS account in the world ask for the role\'s credentials; only its conditions stand between the role and the public. ' +
    'It passes only when every such statement is restricted to this organization by aws:PrincipalOrgID; sts:ExternalId alone is not a restriction (it is a shared value, not an identity).',
  remediation:
    'Name the trusted accounts or roles in the trust policy instead of "*": aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json; if the role must be open to the organization, add "Condition": {"StringEquals": {"aws:PrincipalOrgID": "<o-id>"}}.',
  evaluate(snapshot, _now, thresholds) {
    return perPrincipal(snapshot, 'Role', 'IAM roles other than service-linked roles', (d) => d.roles.filter((r) => !isServiceLinkedRole(r)), (role, resource) => {
      if (!isReadablePolicy(role.trustPolicy)) return errorResult(resource, `IAM role ${role.name}: trust policy could not be parsed`);
      const open = trustedParties(role.trustPolicy).find((p) => p.principal === '*');
      if (!open) return pass(resource, `IAM role ${role.name} trusts no wildcard principal`);
      const where = trustScope(open, snapshot, thresholds);
      const conditions = open.conditionKeys.length > 0 ? `conditions: ${open.conditionKeys.join(', ')}` : 'no conditions';
      if (where.kind === 'internal') return pass(resource, `IAM role ${role.name} trusts "*" ${where.why}`);
      if (where.kind === 'unknown' && open.requiresOrganization) return errorResult(resource, `IAM role ${role.name} trusts "*" with an organization condition, but ${where.why}`);
      return fail(resource, `IAM role ${role.name} trusts any AWS principal ("*"); ${conditions}`);
    });
  },
});
