import type { PasswordPolicy } from '../../../snapshot/iam.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import { fail, pass, withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { account } from './resources.js';

/**
 * Shared shape of the password-policy checks: ERROR when the policy could not be read, FAIL when the
 * account has none (IAM then falls back to its weak default), else PASS or FAIL from `problem`.
 */
export function evaluatePasswordPolicy(
  snapshot: AccountSnapshot,
  problem: (policy: PasswordPolicy) => string | null,
  okText: (policy: PasswordPolicy) => string,
): CheckResult[] {
  const acct = account(snapshot);
  return withCollected(snapshot.iam.passwordPolicy, acct, (policy) => {
    if (policy === null) return [fail(acct, `Account ${snapshot.accountId} has no IAM password policy`)];
    const issue = problem(policy);
    return [
      issue === null
        ? pass(acct, `Password policy of account ${snapshot.accountId} ${okText(policy)}`)
        : fail(acct, `Password policy of account ${snapshot.accountId} ${issue}`),
    ];
  });
}
