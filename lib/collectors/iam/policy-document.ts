/**
 * IAM returns policy documents URL-encoded (RFC 3986). Some emulators return plain JSON, so plain
 * JSON is accepted first. Returns null when the text cannot be read, so checks can say so.
 */
export function parsePolicyDocument(text: string | undefined): unknown {
  if (!text) return null;
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const plain = tryJson(trimmed);
    if (plain !== undefined) return plain;
  }
  try {
    return tryJson(decodeURIComponent(trimmed.replace(/\+/g, '%20'))) ?? null;
  } catch {
    return null;
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
