import type { CredentialReportRow } from '../../snapshot/iam.js';
import { defineCheck } from '../types.js';
import { fail, pass } from '../kit/results.js';
import { activeKeys, perUser } from './helpers/credentials.js';
import { ageDays } from './helpers/time.js';

/** Each enabled credential with the last time it was used (or, if never used, when it was issued). */
function enabledCredentials(row: CredentialReportRow): { label: string; since: string | null; used: boolean }[] {
  const creds = activeKeys(row).map((key) => ({
    label: `access key ${key.slot}`,
    since: key.lastUsed ?? key.lastRotated ?? row.userCreationTime,
    used: key.lastUsed !== null,
  }));
  if (row.passwordEnabled === true) {
    creds.unshift({
      label: 'console password',
      since: row.passwordLastUsed ?? row.passwordLastChanged ?? row.userCreationTime,
      used: row.passwordLastUsed !== null,
    });
  }
  return creds;
}

export const check = defineCheck({
  id: 'iam_user_unused_credentials_disabled',
  title: 'Unused IAM user credentials are disabled',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(3)(ii)(C)', '164.308(a)(4)(ii)(C)'],
  severity: 'medium',
  rationale:
    'Credentials nobody uses usually belong to people who left or changed roles; leaving them enabled defeats termination procedures.',
  remediation:
    'Remove the console password (aws iam delete-login-profile --user-name <user>) and deactivate unused keys (aws iam update-access-key --status Inactive), or delete the user if it is no longer needed.',
  evaluate(snapshot, now, thresholds) {
    const max = thresholds.unusedCredentialDays;
    return perUser(snapshot, (row, user) => {
      const creds = enabledCredentials(row);
      if (creds.length === 0) return pass(user, `IAM user ${row.user} has no enabled credentials`);
      const unused = creds.flatMap((c) => {
        if (c.since === null) return [`${c.label} has no known activity date`];
        const age = ageDays(c.since, now);
        if (age <= max) return [];
        return [c.used ? `${c.label} unused for ${age} days` : `${c.label} never used in ${age} days`];
      });
      return unused.length === 0
        ? pass(user, `IAM user ${row.user} used all enabled credentials within ${max} days`)
        : fail(user, `IAM user ${row.user}: ${unused.join('; ')} (maximum ${max} days)`);
    });
  },
});
