import { actionMatches, policyStatements, statementCoversAction, type PolicyStatement } from './policy-statements.js';

/** The actions the HIPAA conformance pack blocks on all keys (blockedActionsPatterns). */
export const BLOCKED_KMS_ACTIONS = ['kms:Decrypt', 'kms:ReEncryptFrom'] as const;

/**
 * A Resource value that reaches every KMS key: `*`, or a KMS ARN pattern with a wildcard or a policy
 * variable (AWS Config treats anything but fixed values as "all keys"). NotResource counts too.
 */
function reachesAllKeys(statement: PolicyStatement): boolean {
  if (statement.resources === null) return true;
  return statement.resources.some((resource) => {
    if (resource === '*') return true;
    const service = resource.split(':')[2] ?? '';
    return resource.startsWith('arn:') && actionMatches(service, 'kms') && /[*?]|\$\{/.test(resource);
  });
}

/**
 * The blocked KMS actions a policy document allows on all keys. Conditions are not evaluated, as in the
 * AWS Config rules iam-customer-policy-blocked-kms-actions / iam-inline-policy-blocked-kms-actions.
 */
export function kmsDecryptOnAllKeys(document: unknown): string[] {
  const allowing = policyStatements(document).filter((s) => s.effect === 'Allow' && reachesAllKeys(s));
  return BLOCKED_KMS_ACTIONS.filter((action) => allowing.some((s) => statementCoversAction(s, action)));
}

export const KMS_DECRYPT_RATIONALE =
  'ePHI encrypted with KMS is only as private as the keys: a policy allowing kms:Decrypt or kms:ReEncryptFrom on every key lets its holder decrypt any encrypted data store, backup or log in the account. ' +
  'As in the AWS Config rules of the HIPAA conformance pack, "every key" means Resource "*" or a KMS ARN with a wildcard or variable, and conditions are not evaluated.';
