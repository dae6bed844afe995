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
