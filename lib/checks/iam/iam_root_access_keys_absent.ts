import { defineCheck } from '../types.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { account } from './helpers/resources.js';

export const check = defineCheck({
  id: 'iam_root_access_keys_absent',
  title: 'Root user has no access keys',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(1)', '164.312(d)'],
  severity: 'critical',
  rationale:
    'Root access keys give unrestricted, MFA-less programmatic access to all ePHI and cannot be limited by IAM policies.',
  remediation:
    'Sign in as the root user, open IAM > Security credentials > Access keys, deactivate and delete every key; use IAM roles for automation.',
  evaluate(snapshot) {
    const acct = account(snapshot);
    return withCollected(snapshot.iam.accountSummary, acct, (summary) => [
      summary.accountAccessKeysPresent
        ? fail(acct, `Root user of account ${snapshot.accountId} has access keys (AccountAccessKeysPresent = 1)`)
        : pass(acct, `Root user of account ${snapshot.accountId} has no access keys`),
    ]);
  },
});
