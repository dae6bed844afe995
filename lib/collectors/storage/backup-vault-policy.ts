/**
 * Recognises a vault access policy that stops recovery points being deleted by hand: a Deny statement
 * for everyone (or any principal list: a Deny naming the admins still protects against them) whose
 * actions cover backup:DeleteRecoveryPoint, without a condition (a conditional Deny can be sidestepped).
 * This is the "access policy" alternative the AWS Config rule backup-recovery-point-manual-deletion-disabled
 * looks for. Pure; no AWS calls.
 */
export function deniesRecoveryPointDeletion(policyJson: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(policyJson);
  } catch {
    return false;
  }
  if (!isRecord(doc)) return false;
  return asArray(doc.Statement).some(
    (s) =>
      isRecord(s) &&
      s.Effect === 'Deny' &&
      s.Condition === undefined &&
      asArray(s.Action).some((a) => typeof a === 'string' && ['backup:deleterecoverypoint', 'backup:*', '*'].includes(a.toLowerCase())),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
