import type { FindingState } from '../model/finding-state.js';
import type { SecurityContactAccount } from './input.js';

/** The check that reads the account's SECURITY alternate contact (164.308(a)(2)). */
export const SECURITY_CONTACT_CHECK_ID = 'account_security_contact_designated';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * Classifies each account's security-official designation from the check's current finding.
 * The finding stores only a one-line reason, so the contact address is taken from that reason when
 * present; the digest compares it with its own configured officer addresses because the mailing
 * configuration and the scan's thresholds can drift apart.
 */
export function securityContactStatus(
  states: readonly FindingState[],
  accounts: readonly string[],
  officerEmails: readonly string[],
): SecurityContactAccount[] {
  const officers = new Set(officerEmails.map((e) => e.toLowerCase()));
  const byAccount = new Map<string, FindingState>();
  for (const state of states) {
    if (state.gone || state.finding.checkId !== SECURITY_CONTACT_CHECK_ID) continue;
    byAccount.set(state.finding.resource.accountId, state);
  }
  const ids = [...new Set([...accounts, ...byAccount.keys()])].sort();
  return ids.map((accountId): SecurityContactAccount => {
    const state = byAccount.get(accountId);
    if (!state) return { accountId, status: 'NOT_ASSESSED' };
    const detail = state.finding.reason;
    const mentioned = (detail.match(EMAIL) ?? []).map((e) => e.toLowerCase());
    const differs = officers.size > 0 && mentioned.length > 0 && !mentioned.some((e) => officers.has(e));
    switch (state.status) {
      case 'PASS':
        return { accountId, status: differs ? 'DIFFERS' : 'OK', detail };
      case 'FAIL':
        return { accountId, status: mentioned.length > 0 ? 'DIFFERS' : 'MISSING', detail };
      case 'SUPPRESSED':
        // A risk acceptance does not designate anyone: still a gap, shown with its reason.
        return { accountId, status: mentioned.length > 0 ? 'DIFFERS' : 'MISSING', detail };
      case 'ERROR':
        return { accountId, status: 'ERROR', detail };
      default:
        return { accountId, status: 'NOT_ASSESSED', detail };
    }
  });
}
