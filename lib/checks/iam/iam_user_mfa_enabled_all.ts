import { defineCheck } from '../types.js';
import { fail, notApplicable, pass } from '../kit/results.js';
import { activeKeys, perUser } from './helpers/credentials.js';

export const check = defineCheck({
  id: 'iam_user_mfa_enabled_all',
  title: 'Every IAM user with a password or an access key has MFA',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(d)', '164.312(a)(2)(i)'],
  severity: 'high',
  rationale:
    'Person or entity authentication applies to every credential, not only console sign-in (AWS Config iam-user-mfa-enabled flags every user without MFA). ' +
    'An access-key user with an MFA device can be required to use it (aws:MultiFactorAuthPresent, sts get-session-token); a user without one cannot. ' +
    'Users with neither a password nor an active access key are not applicable; access-key-only users are exempt when the threshold mfaRequiredForAccessKeyUsers is false.',
  remediation:
    'IAM > Users > <user> > Security credentials > Assign MFA device (aws iam create-virtual-mfa-device, aws iam enable-mfa-device --user-name <user> ...); for workloads, replace the user\'s access key with a role.',
  evaluate(snapshot, _now, thresholds) {
    return perUser(snapshot, (row, user) => {
        const credentials = [
          ...(row.passwordEnabled === true ? ['a console password'] : []),
          ...(thresholds.mfaRequiredForAccessKeyUsers && activeKeys(row).length > 0 ? ['an active access key'] : []),
        ];
        if (credentials.length === 0) {
          return notApplicable(user, `IAM user ${row.user} has no console password${thresholds.mfaRequiredForAccessKeyUsers ? ' or active access key' : ''}`);
        }
        return row.mfaActive === true
          ? pass(user, `IAM user ${row.user} has ${credentials.join(' and ')} and MFA`)
          : fail(user, `IAM user ${row.user} has ${credentials.join(' and ')} but no MFA device`);
    });
  },
});
