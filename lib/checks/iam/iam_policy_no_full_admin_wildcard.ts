import { defineCheck } from '../types.js';
import { errorResult, fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { grantsFullAdmin, isReadableDocument } from './helpers/policy.js';
import { account, iamResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'iam_policy_no_full_admin_wildcard',
  title: 'Customer managed policies do not grant "*" on "*"',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'],
  severity: 'high',
  rationale:
    'A policy allowing every action on every resource grants unrestricted access to ePHI and to the controls that protect it, defeating least privilege.',
  remediation:
    'Replace the "Action": "*", "Resource": "*" statement with the specific actions and resources needed (aws iam create-policy-version --set-as-default), or use the AWS managed job-function policies.',
  evaluate(snapshot) {
    return withCollected(snapshot.iam.authorization, account(snapshot), (details) => {
      if (details.policies.length === 0) {
        return [notApplicable(account(snapshot), `Account ${snapshot.accountId} has no customer managed policies`)];
      }
      return details.policies.map((p) => {
        const resource = iamResource(snapshot, 'Policy', p.name, p.arn);
        if (!isReadableDocument(p.document)) {
          return errorResult(resource, `Policy ${p.name}: default version ${p.defaultVersionId ?? '?'} could not be parsed`);
        }
        return grantsFullAdmin(p.document)
          ? fail(resource, `Policy ${p.name} allows "*" on "*" (attached ${p.attachmentCount} time(s))`)
          : pass(resource, `Policy ${p.name} does not allow "*" on "*"`);
      });
    });
  },
});
