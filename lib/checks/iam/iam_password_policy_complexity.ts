import type { PasswordPolicy } from '../../snapshot/iam.js';
import { defineCheck } from '../types.js';
import { evaluatePasswordPolicy } from './helpers/password-policy.js';

const CLASSES: readonly [keyof PasswordPolicy, string][] = [
  ['requireUppercaseCharacters', 'uppercase letters'],
  ['requireLowercaseCharacters', 'lowercase letters'],
  ['requireNumbers', 'numbers'],
  ['requireSymbols', 'symbols'],
];

export const check = defineCheck({
  id: 'iam_password_policy_complexity',
  title: 'Password policy requires upper, lower, number and symbol characters',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(5)(ii)(D)'],
  severity: 'medium',
  rationale: 'The HIPAA conformance pack requires all four character classes so passwords resist dictionary attacks.',
  remediation:
    'IAM > Account settings > Password policy > Edit, tick all four "Require at least one ..." boxes (aws iam update-account-password-policy --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols ...).',
  evaluate(snapshot) {
    return evaluatePasswordPolicy(
      snapshot,
      (p) => {
        const missing = CLASSES.filter(([key]) => p[key] !== true).map(([, label]) => label);
        return missing.length === 0 ? null : `does not require ${missing.join(', ')}`;
      },
      () => 'requires uppercase letters, lowercase letters, numbers and symbols',
    );
  },
});
