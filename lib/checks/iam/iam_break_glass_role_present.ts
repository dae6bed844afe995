import type { IamRole } from '../../snapshot/iam.js';
import { defineCheck } from '../types.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { account } from './helpers/resources.js';

const EMERGENCY_TAG = 'hipaa-audit:emergency-access';

function isEmergencyRole(role: IamRole): boolean {
  if (role.tags[EMERGENCY_TAG]?.toLowerCase() === 'true') return true;
  return /break-?glass|emergency/i.test(role.name);
}

export const check = defineCheck({
  id: 'iam_break_glass_role_present',
  title: 'An emergency (break-glass) access role exists',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(2)(ii)'],
  severity: 'medium',
  rationale:
    'HIPAA requires a procedure for obtaining ePHI during an emergency; a pre-provisioned, monitored break-glass role lets it work when the normal identity provider is unavailable.',
  remediation:
    `Create a role for emergency access with a documented procedure and alerting on its use, and tag it ${EMERGENCY_TAG}=true (aws iam tag-role --role-name <role> --tags Key=${EMERGENCY_TAG},Value=true).`,
  evaluate(snapshot) {
    const acct = account(snapshot);
    return withCollected(snapshot.iam.authorization, acct, (details) => {
      const roles = details.roles.filter(isEmergencyRole).map((r) => r.name);
      return [
        roles.length > 0
          ? pass(acct, `Account ${snapshot.accountId} has emergency access role(s): ${roles.join(', ')}`)
          : fail(acct, `Account ${snapshot.accountId} has no role tagged ${EMERGENCY_TAG}=true or named break-glass/emergency`),
      ];
    });
  },
});
