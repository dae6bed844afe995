/**
 * Recognises the "deny insecure transport" statement in a bucket policy: Effect Deny, everyone,
 * all S3 actions on the objects, under Bool/BoolIfExists aws:SecureTransport = false.
 * Pure; no AWS calls.
 */
export function deniesInsecureTransport(policyJson: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(policyJson);
  } catch {
    return false; // An unreadable policy enforces nothing we can show.
  }
  if (!isRecord(doc)) return false;
  return asArray(doc.Statement).some(
    (s) =>
      isRecord(s) &&
      s.Effect === 'Deny' &&
      isEveryone(s.Principal) &&
      asArray(s.Action).some((a) => a === 's3:*' || a === '*') &&
      asArray(s.Resource).some((r) => typeof r === 'string' && (r === '*' || r.endsWith('/*'))) &&
      secureTransportFalse(s.Condition),
  );
}

/**
 * The first statement that allows everyone (Principal "*" or AWS "*") with no condition at all, named by
 * its Sid or position; null when there is none. Any condition is taken as a restriction (as Prowler does
 * for bucket policies): this flags the unmistakably public grant, not every risky one.
 */
export function publicAllowStatement(policyJson: string): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(policyJson);
  } catch {
    return null;
  }
  if (!isRecord(doc)) return null;
  for (const [index, s] of asArray(doc.Statement).entries()) {
    if (!isRecord(s) || s.Effect !== 'Allow' || !isEveryone(s.Principal)) continue;
    if (isRecord(s.Condition) && Object.keys(s.Condition).length > 0) continue;
    return typeof s.Sid === 'string' && s.Sid ? `statement "${s.Sid}"` : `statement ${index + 1}`;
  }
  return null;
}

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  return isRecord(principal) && asArray(principal.AWS).includes('*');
}

function secureTransportFalse(condition: unknown): boolean {
  if (!isRecord(condition)) return false;
  return ['Bool', 'BoolIfExists'].some((operator) => {
    const block = condition[operator];
    if (!isRecord(block)) return false;
    // Condition keys are case-insensitive in IAM.
    return Object.entries(block).some(
      ([key, value]) =>
        key.toLowerCase() === 'aws:securetransport' && asArray(value).some((v) => String(v).toLowerCase() === 'false'),
    );
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
