/**
 * Whether a resource-based policy (OpenSearch domain access policy) lets anyone in. A statement is open
 * when it allows a wildcard principal with no condition, or only with source-IP conditions that include
 * every address (0.0.0.0/0, ::/0). Any other condition (aws:SourceVpc, aws:PrincipalOrgID, a specific IP
 * range, ...) is treated as a restriction, as Prowler does.
 */
export type PolicyVerdict = { open: false } | { open: true; statement: string } | { unreadable: string };

interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0', '*']);

export function openPolicyStatement(policy: string | null): PolicyVerdict {
  if (policy === null) return { open: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch (err) {
    return { unreadable: err instanceof Error ? err.message : String(err) };
  }
  const raw = (parsed as { Statement?: unknown }).Statement;
  const statements = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Statement[];
  for (const [index, statement] of statements.entries()) {
    if (statement.Effect !== 'Allow' || !isWildcardPrincipal(statement.Principal)) continue;
    if (!statement.Condition || onlyOpenSourceIp(statement.Condition)) {
      return { open: true, statement: statement.Sid ? `statement "${statement.Sid}"` : `statement ${index + 1}` };
    }
  }
  return { open: false };
}

function isWildcardPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal && typeof principal === 'object' && 'AWS' in principal) {
    const aws = (principal as { AWS: unknown }).AWS;
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
  }
  return false;
}

function onlyOpenSourceIp(condition: Record<string, Record<string, unknown>>): boolean {
  const entries = Object.entries(condition).flatMap(([operator, keys]) => Object.entries(keys).map(([key, value]) => ({ operator, key, value })));
  return (
    entries.length > 0 &&
    entries.every(
      ({ operator, key, value }) =>
        /^IpAddress$/i.test(operator) &&
        key.toLowerCase() === 'aws:sourceip' &&
        (Array.isArray(value) ? value : [value]).some((v) => typeof v === 'string' && OPEN_CIDRS.has(v)),
    )
  );
}
