import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { Thresholds } from '../../thresholds.js';
import type { TrustedParty } from './trust-policy.js';

/**
 * Whether a trusted party is outside the account's own organization: `internal` (this account, an account
 * listed in internalAccountIds, the organization's management account, or any principal restricted to this
 * organization by aws:PrincipalOrgID), `external`, or `unknown` when the answer needed the organization and
 * DescribeOrganization failed.
 */
export type TrustScope = { kind: 'internal'; why: string } | { kind: 'external' } | { kind: 'unknown'; why: string };

export function trustScope(party: TrustedParty, snapshot: AccountSnapshot, thresholds: Thresholds): TrustScope {
  if (party.principal === snapshot.accountId) return { kind: 'internal', why: 'this account' };
  if (thresholds.internalAccountIds.includes(party.principal)) return { kind: 'internal', why: 'listed in internalAccountIds' };
  const organization = snapshot.iam.organization;
  if (organization?.error) {
    const { operation, code } = organization.error;
    return { kind: 'unknown', why: `whether it belongs to this organization is unknown (${operation} failed with ${code})` };
  }
  // Absent (global services not collected) reads as "no organization known", as when the account has none.
  const org = organization === undefined ? null : organization.data;
  if (org !== null && party.principal === org.managementAccountId) return { kind: 'internal', why: `management account of ${org.id}` };
  if (org !== null && party.organizationIds.length > 0 && party.organizationIds.every((id) => id === org.id)) {
    return { kind: 'internal', why: `restricted to this organization ${org.id}` };
  }
  return { kind: 'external' };
}
