import { policyStatements, statementCoversAction, type PolicyStatement } from './policy-statements.js';

/**
 * Who a role's trust policy lets assume it from another AWS account: an account id, or `*` (any
 * principal). Service and Federated principals are not AWS accounts and are not listed here.
 */
export interface TrustedParty {
  principal: string;
  /** Every statement trusting it requires sts:ExternalId. */
  requiresExternalId: boolean;
  /** aws:PrincipalOrgID values every statement trusting it requires (empty when not all do). */
  organizationIds: string[];
  /** Every statement trusting it has an aws:PrincipalOrgID or aws:PrincipalOrgPaths condition. */
  requiresOrganization: boolean;
  /** Condition keys found on the trusting statements, for the reason. */
  conditionKeys: string[];
}

const ACCOUNT_IN_ARN = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/;

/** Account ids (or `*`) named by an AWS principal value; unique ids of deleted principals are skipped. */
function accountsOf(value: string): string[] {
  if (value === '*') return ['*'];
  if (/^\d{12}$/.test(value)) return [value];
  const match = ACCOUNT_IN_ARN.exec(value);
  return match?.[1] ? [match[1]] : [];
}

function awsPrincipals(statement: PolicyStatement): string[] {
  // Allow with NotPrincipal trusts everyone but the listed principals: as open as "*".
  if (statement.notPrincipal !== undefined) return ['*'];
  const principal = statement.principal;
  if (principal === '*') return ['*'];
  if (!principal || typeof principal !== 'object') return [];
  const aws = (principal as { AWS?: unknown }).AWS;
  const values = typeof aws === 'string' ? [aws] : Array.isArray(aws) ? aws.filter((v): v is string => typeof v === 'string') : [];
  return values.flatMap(accountsOf);
}

function conditionValues(statement: PolicyStatement, key: string): string[] | null {
  let found: string[] | null = null;
  for (const keys of Object.values(statement.condition)) {
    for (const [k, v] of Object.entries(keys)) {
      if (k.toLowerCase() !== key) continue;
      found ??= [];
      found.push(...(typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
    }
  }
  return found;
}

/** The parties outside IAM's own account boundary that the trust policy admits, merged per principal. */
export function trustedParties(trustPolicy: unknown): TrustedParty[] {
  const byPrincipal = new Map<string, TrustedParty>();
  const assuming = policyStatements(trustPolicy).filter((s) => s.effect === 'Allow' && statementCoversAction(s, 'sts:AssumeRole'));
  for (const statement of assuming) {
    const orgIds = conditionValues(statement, 'aws:principalorgid');
    const orgPaths = conditionValues(statement, 'aws:principalorgpaths');
    const current = {
      requiresExternalId: conditionValues(statement, 'sts:externalid') !== null,
      organizationIds: orgIds === null ? [] : orgIds,
      requiresOrganization: orgIds !== null || orgPaths !== null,
      conditionKeys: Object.values(statement.condition).flatMap((keys) => Object.keys(keys)),
    };
    for (const principal of awsPrincipals(statement)) {
      const seen = byPrincipal.get(principal);
      byPrincipal.set(
        principal,
        seen
          ? {
              principal,
              requiresExternalId: seen.requiresExternalId && current.requiresExternalId,
              organizationIds: seen.requiresOrganization && current.requiresOrganization ? [...new Set([...seen.organizationIds, ...current.organizationIds])] : [],
              requiresOrganization: seen.requiresOrganization && current.requiresOrganization,
              conditionKeys: [...new Set([...seen.conditionKeys, ...current.conditionKeys])],
            }
          : { principal, ...current },
      );
    }
  }
  return [...byPrincipal.values()];
}

/** `sts:ExternalId required; no organization condition` — the conditions the officer asked about. */
export function trustConditions(party: TrustedParty): string {
  const externalId = party.requiresExternalId ? 'sts:ExternalId required' : 'no sts:ExternalId required';
  const org = party.requiresOrganization
    ? `organization condition ${party.organizationIds.length > 0 ? party.organizationIds.join(', ') : 'aws:PrincipalOrgPaths'}`
    : 'no organization condition';
  return `${externalId}; ${org}`;
}
