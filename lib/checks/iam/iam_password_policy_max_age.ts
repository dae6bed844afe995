import { defineCheck } from '../types.js';
import { evaluatePasswordPolicy } from './helpers/password-policy.js';

export const check = defineCheck({
  id: 'iam_password_policy_max_age',
  title: 'Password policy expires passwords',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(5)(ii)(D)'],
  severity: 'medium',
  rationale: 'Passwords that never expire stay valid after a silent compromise; the HIPAA conformance pack expires them after 90 days.',
  remediation:
    'IAM > Account settings > Password policy > Edit, enable "Turn on password expiration" with 90 days or fewer (aws iam update-account-password-policy --max-password-age 90 ...).',
  evaluate(snapshot, _now, thresholds) {
    const max = thresholds.passwordMaxAgeDays;
    return evaluatePasswordPolicy(
      snapshot,
      (p) => {
        if (!p.expirePasswords || p.maxPasswordAge === null) return `does not expire passwords; at most ${max} days is required`;
        return p.maxPasswordAge <= max ? null : `expires passwords after ${p.maxPasswordAge} days; at most ${max} is required`;
      },
      (p) => `expires passwords after ${p.maxPasswordAge} days (maximum ${max})`,
    );
  },
});
