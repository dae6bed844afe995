/** The statements of a JSON resource policy as records; none when the text is not a policy document. */
export function policyStatementsOf(policyJson: string): Record<string, unknown>[] {
  let doc: unknown;
  try {
    doc = JSON.parse(policyJson);
  } catch {
    return [];
  }
  if (!isRecord(doc)) return [];
  return asArray(doc.Statement).filter(isRecord);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** IAM policy fields hold one value or a list of them. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
