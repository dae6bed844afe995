import type { InlinePolicy } from '../../snapshot/iam.js';
import { defineCheck } from '../types.js';
import { errorResult, fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { grantsFullAdmin, isReadableDocument } from './helpers/policy.js';
import { account, iamResource, type IamResourceKind } from './helpers/resources.js';

interface Principal {
  kind: IamResourceKind;
  name: string;
  arn: string;
  inlinePolicies: InlinePolicy[];
}

export const check = defineCheck({
  id: 'iam_inline_policy_no_full_admin_wildcard',
  title: 'Inline policies do not grant "*" on "*"',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'],
  severity: 'high',
  rationale:
    'Inline policies are embedded in one user, group or role and are easy to miss in reviews; one allowing every action on every resource grants unrestricted access to ePHI.',
  remediation:
    'Replace the inline policy with a scoped customer managed policy (aws iam put-role-policy / put-user-policy / put-group-policy with specific actions), or delete it (aws iam delete-role-policy ...).',
  evaluate(snapshot) {
    return withCollected(snapshot.iam.authorization, account(snapshot), (details) => {
      // Only principals that have inline policies are assessed; the others have nothing to check.
      const principals: Principal[] = [
        ...details.users.map((u) => ({ kind: 'User' as const, ...u })),
        ...details.groups.map((g) => ({ kind: 'Group' as const, ...g })),
        ...details.roles.map((r) => ({ kind: 'Role' as const, ...r })),
      ].filter((p) => p.inlinePolicies.length > 0);
      if (principals.length === 0) {
        return [notApplicable(account(snapshot), `Account ${snapshot.accountId} has no inline policies`)];
      }
      return principals.map((p) => {
        const resource = iamResource(snapshot, p.kind, p.name, p.arn);
        const label = `IAM ${p.kind.toLowerCase()} ${p.name}`;
        const unreadable = p.inlinePolicies.filter((ip) => !isReadableDocument(ip.document));
        const admin = p.inlinePolicies.filter((ip) => grantsFullAdmin(ip.document)).map((ip) => ip.name);
        if (admin.length > 0) return fail(resource, `${label} has inline policy ${admin.join(', ')} allowing "*" on "*"`);
        if (unreadable.length > 0) {
          return errorResult(resource, `${label}: inline policy ${unreadable.map((u) => u.name).join(', ')} could not be parsed`);
        }
        return pass(resource, `${label} has no inline policy allowing "*" on "*"`);
      });
    });
  },
});
