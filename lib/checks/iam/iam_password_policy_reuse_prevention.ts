import { defineCheck } from '../types.js';
import { evaluatePasswordPolicy } from './helpers/password-policy.js';

export const check = defineCheck({
  id: 'iam_password_policy_reuse_prevention',
  title: 'Password policy prevents password reuse',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(5)(ii)(D)'],
  severity: 'medium',
  rationale: 'Reusing old passwords defeats rotation; the HIPAA conformance pack remembers the last 24 passwords.',
  remediation:
    'IAM > Account settings > Password policy > Edit, enable "Prevent password reuse" with 24 remembered passwords (aws iam update-account-password-policy --password-reuse-prevention 24 ...).',
  evaluate(snapshot, _now, thresholds) {
    const min = thresholds.passwordReusePrevention;
    return evaluatePasswordPolicy(
      snapshot,
      (p) =>
        (p.passwordReusePrevention ?? 0) >= min
          ? null
          : `remembers ${p.passwordReusePrevention ?? 0} previous passwords; at least ${min} are required`,
      (p) => `remembers ${p.passwordReusePrevention} previous passwords (minimum ${min})`,
    );
  },
});
