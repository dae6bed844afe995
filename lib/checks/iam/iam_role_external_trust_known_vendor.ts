import { defineCheck } from '../types.js';
import { errorResult, fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { isServiceLinkedRole } from './helpers/admin-results.js';
import { isReadablePolicy } from './helpers/policy-statements.js';
import { account, iamResource } from './helpers/resources.js';
import { trustConditions, trustedParties } from './helpers/trust-policy.js';
import { trustScope } from './helpers/trust-scope.js';

export const check = defineCheck({
  id: 'iam_role_external_trust_known_vendor',
  title: 'Roles trusted by other AWS accounts belong to business associates with a BAA',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(b)(1)', '164.314(a)(1)', '164.312(a)(1)'],
  severity: 'high',
  rationale:
    'A role that another AWS account may assume gives that account\'s owner access to this account: if ePHI is reachable, the owner is a business associate and needs a business associate agreement (164.308(b)(1), 164.314(a)). ' +
    'Each pair of role and trusted account is one finding, compared on every run with the vendor register (threshold businessAssociates): PASS when the account is listed with a BAA date, FAIL otherwise. ' +
    'The finding says whether the trust requires sts:ExternalId (against the confused deputy) or an aws:PrincipalOrgID condition. ' +
    'Same-account principals, accounts in internalAccountIds, the organization\'s management account and principals restricted to this organization are not external. ' +
    'Wildcard principals are reported by iam_role_trust_not_public; service-linked roles are not assessed.',
  remediation:
    'If the account is a vendor with a signed BAA, add it to the thresholds file: "businessAssociates": [{ "accountId": "<account-id>", "name": "<vendor>", "baaSignedOn": "<YYYY-MM-DD>" }]. Otherwise remove it from the trust policy: aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json, and require "sts:ExternalId" for vendor roles.',
  evaluate(snapshot, _now, thresholds) {
    const scope = account(snapshot);
    return withCollected(snapshot.iam.authorization, scope, (details) => {
      const results = details.roles
        .filter((role) => !isServiceLinkedRole(role))
        .flatMap((role) => {
          if (!isReadablePolicy(role.trustPolicy)) {
            return [errorResult(iamResource(snapshot, 'Role', role.name, role.arn), `IAM role ${role.name}: trust policy could not be parsed`)];
          }
          return trustedParties(role.trustPolicy)
            .filter((party) => party.principal !== '*')
            .flatMap((party) => {
              const where = trustScope(party, snapshot, thresholds);
              if (where.kind === 'internal') return [];
              // One finding per role and account: the account is part of the identity, so each pair has its own history.
              const resource = { ...iamResource(snapshot, 'Role', `${role.name}/${party.principal}`, role.arn), arn: `${role.arn}#trusted-account/${party.principal}` };
              const label = `IAM role ${role.name} trusts account ${party.principal}`;
              const conditions = trustConditions(party);
              const vendor = thresholds.businessAssociates.find((b) => b.accountId === party.principal);
              if (vendor?.baaSignedOn) return [pass(resource, `${label}, business associate ${vendor.name} (BAA signed ${vendor.baaSignedOn}); ${conditions}`)];
              if (vendor) return [fail(resource, `${label}, listed as ${vendor.name} but without a BAA date; ${conditions}`)];
              if (where.kind === 'unknown') return [errorResult(resource, `${label}: ${where.why}; ${conditions}`)];
              return [fail(resource, `${label}, an unknown external account not in businessAssociates; ${conditions}`)];
            });
        });
      return results.length > 0 ? results : [notApplicable(scope, `No IAM role in account ${snapshot.accountId} trusts another AWS account`)];
    });
  },
});
