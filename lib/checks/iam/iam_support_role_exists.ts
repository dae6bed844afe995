import { defineCheck } from '../types.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { account } from './helpers/resources.js';

const SUPPORT_POLICY_SUFFIX = ':iam::aws:policy/AWSSupportAccess';

export const check = defineCheck({
  id: 'iam_support_role_exists',
  title: 'A role can open AWS Support cases',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(6)(ii)'],
  severity: 'low',
  rationale:
    'Responding to a security incident often needs AWS Support; a dedicated role with AWSSupportAccess lets responders open cases without root or admin credentials.',
  remediation:
    'Create a role for incident responders and attach the AWS managed policy (aws iam attach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess).',
  evaluate(snapshot) {
    const acct = account(snapshot);
    return withCollected(snapshot.iam.authorization, acct, (details) => {
      const roles = details.roles
        .filter((r) => r.attachedPolicies.some((p) => p.arn.endsWith(SUPPORT_POLICY_SUFFIX)))
        .map((r) => r.name);
      return [
        roles.length > 0
          ? pass(acct, `Account ${snapshot.accountId} has role(s) with AWSSupportAccess: ${roles.join(', ')}`)
          : fail(acct, `Account ${snapshot.accountId} has no role with the AWSSupportAccess policy attached`),
      ];
    });
  },
});
