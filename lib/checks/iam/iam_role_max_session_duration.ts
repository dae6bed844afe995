import { defineCheck } from '../types.js';
import { fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { account, iamResource } from './helpers/resources.js';

/** IAM's default when a role has no explicit MaxSessionDuration. */
const IAM_DEFAULT_SESSION_SECONDS = 3_600;

export const check = defineCheck({
  id: 'iam_role_max_session_duration',
  title: 'Role sessions end automatically within the allowed time',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(2)(iii)'],
  severity: 'medium',
  rationale:
    'Role sessions are the AWS equivalent of a logged-in terminal; a long maximum session keeps access to ePHI open after the person has walked away.',
  remediation:
    'Lower the maximum session duration: IAM > Roles > <role> > Summary > Edit "Maximum session duration", or aws iam update-role --role-name <role> --max-session-duration 3600.',
  evaluate(snapshot, _now, thresholds) {
    const max = thresholds.maxRoleSessionSeconds;
    return withCollected(snapshot.iam.roleSessions, account(snapshot), (roles) => {
      // Service-linked roles are managed by AWS services and cannot be edited; they are not assessed.
      const assessed = roles.filter((r) => !r.path.startsWith('/aws-service-role/'));
      if (assessed.length === 0) {
        return [notApplicable(account(snapshot), `Account ${snapshot.accountId} has no customer-managed IAM roles`)];
      }
      return assessed.map((r) => {
        const resource = iamResource(snapshot, 'Role', r.name, r.arn);
        const seconds = r.maxSessionDuration ?? IAM_DEFAULT_SESSION_SECONDS;
        return seconds <= max
          ? pass(resource, `Role ${r.name} sessions last at most ${seconds} s (limit ${max} s)`)
          : fail(resource, `Role ${r.name} allows sessions of ${seconds} s; the limit is ${max} s`);
      });
    });
  },
});
