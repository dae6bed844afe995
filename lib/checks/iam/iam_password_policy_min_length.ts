import { defineCheck } from '../types.js';
import { evaluatePasswordPolicy } from './helpers/password-policy.js';

export const check = defineCheck({
  id: 'iam_password_policy_min_length',
  title: 'Password policy requires a minimum length',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(5)(ii)(D)'],
  severity: 'medium',
  rationale: 'Short passwords are guessed quickly; the HIPAA conformance pack requires at least 14 characters.',
  remediation:
    'IAM > Account settings > Password policy > Edit, set "Password minimum length" to 14 or more (aws iam update-account-password-policy --minimum-password-length 14 ...).',
  evaluate(snapshot, _now, thresholds) {
    const min = thresholds.passwordMinLength;
    return evaluatePasswordPolicy(
      snapshot,
      (p) =>
        (p.minimumPasswordLength ?? 0) >= min
          ? null
          : `requires ${p.minimumPasswordLength ?? 'no'} characters; at least ${min} are required`,
      (p) => `requires ${p.minimumPasswordLength} characters (minimum ${min})`,
    );
  },
});
