import { defineCheck } from '../types.js';
import { errorResult, fail, pass, withCollected } from '../kit/results.js';
import { rootRow } from './helpers/credentials.js';
import { account } from './helpers/resources.js';
import { ageDays, day, latest } from './helpers/time.js';

/** Any root sign-in or key use inside this window should have a documented reason (monthly review). */
const ROOT_USE_WINDOW_DAYS = 30;

export const check = defineCheck({
  id: 'iam_root_recent_use',
  title: 'Root user has not been used recently',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.308(a)(5)(ii)(C)'],
  severity: 'high',
  rationale:
    'Day-to-day work must use individual identities; recent root activity shows that log-ins are not attributable to a person and needs review.',
  remediation:
    'Review CloudTrail for the root activity (eventName ConsoleLogin, userIdentity.type Root), document why it happened, and move the task to an IAM Identity Center user or role.',
  evaluate(snapshot, now) {
    const acct = account(snapshot);
    return withCollected(snapshot.iam.credentialReport, acct, (report) => {
      const root = rootRow(report.rows);
      if (!root) return [errorResult(acct, `Credential report of account ${snapshot.accountId} has no <root_account> row`)];
      const lastUse = latest([root.passwordLastUsed, root.accessKey1LastUsedDate, root.accessKey2LastUsedDate]);
      if (lastUse === null) return [pass(acct, `Root user of account ${snapshot.accountId} has no recorded use`)];
      const age = ageDays(lastUse, now);
      return [
        age < ROOT_USE_WINDOW_DAYS
          ? fail(acct, `Root user of account ${snapshot.accountId} was used ${age} day(s) ago (${day(lastUse)})`)
          : pass(acct, `Root user of account ${snapshot.accountId} was last used ${age} days ago (${day(lastUse)})`),
      ];
    });
  },
});
