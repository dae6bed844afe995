import { defineCheck } from '../types.js';
import { errorResult, fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { KMS_DECRYPT_RATIONALE, kmsDecryptOnAllKeys } from './helpers/kms-decrypt.js';
import { isReadablePolicy } from './helpers/policy-statements.js';
import { account, iamResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'iam_policy_no_kms_decrypt_all_keys',
  title: 'Customer managed policies do not allow kms:Decrypt or kms:ReEncryptFrom on all keys',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(2)(iv)', '164.312(a)(1)', '164.308(a)(4)(ii)(B)'],
  severity: 'medium',
  rationale: KMS_DECRYPT_RATIONALE,
  remediation:
    'Name the keys the holder needs: aws iam create-policy-version --policy-arn <policy-arn> --set-as-default --policy-document file://policy.json with "Resource": ["arn:aws:kms:<region>:<account>:key/<key-id>"] on the kms:Decrypt statement.',
  evaluate(snapshot) {
    const scope = account(snapshot);
    return withCollected(snapshot.iam.authorization, scope, (details) => {
      if (details.policies.length === 0) return [notApplicable(scope, `Account ${snapshot.accountId} has no customer managed policies`)];
      return details.policies.map((p) => {
        const resource = iamResource(snapshot, 'Policy', p.name, p.arn);
        if (!isReadablePolicy(p.document)) {
          return errorResult(resource, `Policy ${p.name}: default version ${p.defaultVersionId ?? '(unknown)'} could not be parsed`);
        }
        const allowed = kmsDecryptOnAllKeys(p.document);
        return allowed.length > 0
          ? fail(resource, `Policy ${p.name} allows ${allowed.join(', ')} on all KMS keys (attached ${p.attachmentCount} time(s))`)
          : pass(resource, `Policy ${p.name} does not allow kms:Decrypt or kms:ReEncryptFrom on all KMS keys`);
      });
    });
  },
});
