import { defineCheck } from '../types.js';
import { fail, notApplicable, pass } from '../kit/results.js';
import { activeKeys, perUser } from './helpers/credentials.js';
import { ageDays } from './helpers/time.js';

export const check = defineCheck({
  id: 'iam_user_access_key_rotated',
  title: 'Active IAM access keys are rotated',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(5)(ii)(D)'],
  severity: 'medium',
  rationale: 'Long-lived keys leak through code, laptops and logs; rotating them limits how long a leaked key works.',
  remediation:
    'Create a new key (aws iam create-access-key --user-name <user>), move the workload to it, then deactivate and delete the old key (aws iam update-access-key --status Inactive; aws iam delete-access-key). Prefer roles over keys.',
  evaluate(snapshot, now, thresholds) {
    const max = thresholds.accessKeyMaxAgeDays;
    return perUser(snapshot, (row, user) => {
      const keys = activeKeys(row);
      if (keys.length === 0) return notApplicable(user, `IAM user ${row.user} has no active access keys`);
      const stale = keys.flatMap((key) => {
        // Without a rotation date, fall back to the user's creation: the key cannot be older.
        const since = key.lastRotated ?? row.userCreationTime;
        if (since === null) return [`key ${key.slot} has no known rotation date`];
        const age = ageDays(since, now);
        return age > max ? [`key ${key.slot} is ${age} days old`] : [];
      });
      return stale.length === 0
        ? pass(user, `IAM user ${row.user} has active access keys rotated within ${max} days`)
        : fail(user, `IAM user ${row.user}: ${stale.join('; ')} (maximum ${max} days)`);
    });
  },
});
