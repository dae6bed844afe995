import { asArray, isRecord, policyStatementsOf } from './policy-json.js';

/**
 * Recognises a resource-policy statement that denies every request made without TLS: Effect Deny,
 * everyone, all actions of the service (`*` or `<service>:*`), Bool/BoolIfExists aws:SecureTransport =
 * false. Used for EFS file system policies. Pure; no AWS calls.
 */
export function deniesInsecureTransportAnyAction(policyJson: string): boolean {
  return policyStatementsOf(policyJson).some(
    (s) =>
      s.Effect === 'Deny' &&
      (s.Principal === '*' || (isRecord(s.Principal) && asArray(s.Principal.AWS).includes('*'))) &&
      asArray(s.Action).some((a) => typeof a === 'string' && (a === '*' || a.endsWith(':*'))) &&
      secureTransportFalse(s.Condition),
  );
}

function secureTransportFalse(condition: unknown): boolean {
  if (!isRecord(condition)) return false;
  return ['Bool', 'BoolIfExists'].some((operator) => {
    const block = condition[operator];
    if (!isRecord(block)) return false;
    return Object.entries(block).some(
      ([key, value]) => key.toLowerCase() === 'aws:securetransport' && asArray(value).some((v) => String(v).toLowerCase() === 'false'),
    );
  });
}
