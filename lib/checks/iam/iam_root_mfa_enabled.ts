import { defineCheck } from '../types.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { account } from './helpers/resources.js';

export const check = defineCheck({
  id: 'iam_root_mfa_enabled',
  title: 'Root user has MFA enabled',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(d)', '164.312(a)(1)'],
  severity: 'critical',
  rationale:
    'The root user has unrestricted access to every resource holding ePHI; a password alone does not authenticate the person using it.',
  remediation:
    'Sign in as the root user, open IAM > Security credentials > Multi-factor authentication (MFA) > Assign MFA device, and register a hardware or virtual device.',
  evaluate(snapshot) {
    const acct = account(snapshot);
    return withCollected(snapshot.iam.accountSummary, acct, (summary) => [
      summary.accountMfaEnabled
        ? pass(acct, `Root user of account ${snapshot.accountId} has MFA enabled`)
        : fail(acct, `Root user of account ${snapshot.accountId} has no MFA device (AccountMFAEnabled = 0)`),
    ]);
  },
});
