import type { PolicyStatement } from '../../snapshot/compute.js';

type Json = Record<string, unknown>;

const asList = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function principals(raw: unknown): PolicyStatement['principals'] {
  if (raw === '*') return [{ type: 'AWS', value: '*' }];
  if (typeof raw !== 'object' || raw === null) return [];
  return Object.entries(raw as Json).flatMap(([type, value]) => asList(value).map((v) => ({ type, value: v })));
}

/** Condition keys (lower-cased; IAM condition keys are case-insensitive) with their values, across operators. */
function conditions(raw: unknown): PolicyStatement['conditions'] {
  const out: Record<string, string[]> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const operator of Object.values(raw as Json)) {
    if (typeof operator !== 'object' || operator === null) continue;
    for (const [key, value] of Object.entries(operator as Json)) {
      const values = typeof value === 'boolean' || typeof value === 'number' ? [String(value)] : asList(value);
      out[key.toLowerCase()] = [...(out[key.toLowerCase()] ?? []), ...values];
    }
  }
  return out;
}

/**
 * The statements of a resource-based policy document, reduced to effect, principals, actions and
 * condition keys. An unparsable document yields one statement that reads as public (`*`), so a policy
 * we cannot read is never judged private.
 */
export function parsePolicyStatements(document: string): PolicyStatement[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return [{ sid: 'unparsable policy', effect: 'Allow', principals: [{ type: 'AWS', value: '*' }], actions: ['*'], conditions: {} }];
  }
  const raw = (parsed as Json | null)?.Statement;
  const statements = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return statements
    .filter((s): s is Json => typeof s === 'object' && s !== null)
    .map((s) => ({
      sid: typeof s.Sid === 'string' ? s.Sid : null,
      effect: typeof s.Effect === 'string' ? s.Effect : 'Allow',
      principals: principals(s.Principal),
      actions: asList(s.Action),
      conditions: conditions(s.Condition),
    }));
}
