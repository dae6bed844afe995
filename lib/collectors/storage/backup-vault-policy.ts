import { asArray, policyStatementsOf } from './policy-json.js';

/**
 * Recognises a vault access policy that stops recovery points being deleted by hand: a Deny statement
 * for everyone (or any principal list: a Deny naming the admins still protects against them) whose
 * actions cover backup:DeleteRecoveryPoint, without a condition (a conditional Deny can be sidestepped).
 * This is the "access policy" alternative the AWS Config rule backup-recovery-point-manual-deletion-disabled
 * looks for. Pure; no AWS calls.
 */
export function deniesRecoveryPointDeletion(policyJson: string): boolean {
  return policyStatementsOf(policyJson).some(
    (s) =>
      s.Effect === 'Deny' &&
      s.Condition === undefined &&
      asArray(s.Action).some((a) => typeof a === 'string' && ['backup:deleterecoverypoint', 'backup:*', '*'].includes(a.toLowerCase())),
  );
}
