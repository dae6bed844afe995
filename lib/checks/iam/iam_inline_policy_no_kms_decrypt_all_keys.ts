import { defineCheck } from '../types.js';
import { errorResult, fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { inlinePolicyHolders } from './helpers/inline-holders.js';
import { KMS_DECRYPT_RATIONALE, kmsDecryptOnAllKeys } from './helpers/kms-decrypt.js';
import { isReadablePolicy } from './helpers/policy-statements.js';
import { account, iamResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'iam_inline_policy_no_kms_decrypt_all_keys',
  title: 'Inline policies do not allow kms:Decrypt or kms:ReEncryptFrom on all keys',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(2)(iv)', '164.312(a)(1)', '164.308(a)(4)(ii)(B)'],
  severity: 'medium',
  rationale: `${KMS_DECRYPT_RATIONALE} Assessed per user, group and role that has inline policies.`,
  remediation:
    'Name the keys in the inline policy: aws iam put-role-policy --role-name <role> --policy-name <name> --policy-document file://policy.json (or put-user-policy / put-group-policy) with "Resource": ["arn:aws:kms:<region>:<account>:key/<key-id>"].',
  evaluate(snapshot) {
    const scope = account(snapshot);
    return withCollected(snapshot.iam.authorization, scope, (details) => {
      const holders = inlinePolicyHolders(details);
      if (holders.length === 0) return [notApplicable(scope, `Account ${snapshot.accountId} has no inline policies`)];
      return holders.map((holder) => {
        const resource = iamResource(snapshot, holder.kind, holder.name, holder.arn);
        const label = `IAM ${holder.kind.toLowerCase()} ${holder.name}`;
        const offending = holder.inlinePolicies
          .map((p) => ({ name: p.name, actions: kmsDecryptOnAllKeys(p.document) }))
          .filter((p) => p.actions.length > 0);
        if (offending.length > 0) {
          return fail(resource, `${label} has inline ${offending.map((p) => `policy ${p.name} allowing ${p.actions.join(', ')}`).join('; ')} on all KMS keys`);
        }
        const unreadable = holder.inlinePolicies.filter((p) => !isReadablePolicy(p.document)).map((p) => p.name);
        if (unreadable.length > 0) return errorResult(resource, `${label}: inline policy ${unreadable.join(', ')} could not be parsed`);
        return pass(resource, `${label} has no inline policy allowing kms:Decrypt or kms:ReEncryptFrom on all KMS keys`);
      });
    });
  },
});
