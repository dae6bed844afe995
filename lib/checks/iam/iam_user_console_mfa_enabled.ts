import { defineCheck } from '../types.js';
import { fail, notApplicable, pass } from '../kit/results.js';
import { perUser } from './helpers/credentials.js';

export const check = defineCheck({
  id: 'iam_user_console_mfa_enabled',
  title: 'IAM users with a console password have MFA',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(d)', '164.312(a)(2)(i)'],
  severity: 'high',
  rationale: 'A console password alone does not prove who is signing in; MFA ties the session to the individual user.',
  remediation:
    'IAM > Users > <user> > Security credentials > Multi-factor authentication (MFA) > Assign MFA device; enforce it with a policy that denies actions when aws:MultiFactorAuthPresent is false.',
  evaluate(snapshot) {
    return perUser(snapshot, (row, user) => {
      if (row.passwordEnabled !== true) return notApplicable(user, `IAM user ${row.user} has no console password`);
      return row.mfaActive === true
        ? pass(user, `IAM user ${row.user} has a console password and MFA`)
        : fail(user, `IAM user ${row.user} has a console password but no MFA device`);
    });
  },
});
