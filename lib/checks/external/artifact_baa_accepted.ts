import type { CustomerAgreement } from '../../snapshot/external.js';
import { defineCheck } from '../types.js';
import { accountResource, errorResult, fail, pass, withCollected } from '../kit/results.js';

/** How AWS names the addendum (account-level and AWS Organizations versions). */
function isBusinessAssociateAddendum(agreement: CustomerAgreement): boolean {
  return /business associate/i.test(agreement.name);
}

const ACCESS_DENIED = /AccessDenied|UnauthorizedOperation|NotAuthorized/i;

export const check = defineCheck({
  id: 'artifact_baa_accepted',
  title: 'The AWS Business Associate Addendum is accepted for the account or its organization',
  service: 'artifact',
  reads: ['external'],
  citations: ['164.308(b)(1)', '164.314(a)(1)'],
  severity: 'high',
  rationale:
    'AWS stores and processes the ePHI in this account, which makes it a business associate: a covered entity may let it do so only under a business associate agreement (164.308(b)(1)), whose content 164.314(a) prescribes. ' +
    'AWS offers it as the Business Associate Addendum, accepted in AWS Artifact for one account or for the whole organization; the check reads the active agreements (ListCustomerAgreements) and looks for one named Business Associate Addendum.',
  remediation:
    'AWS console > AWS Artifact > Agreements > Account agreements (or Organization agreements, from the management account) > AWS Business Associate Addendum > Accept. The audit role needs artifact:ListCustomerAgreements to see it.',
  evaluate(snapshot) {
    const scope = accountResource(snapshot.accountId, snapshot.partition);
    const collected = snapshot.external.agreements;
    if (collected?.error && ACCESS_DENIED.test(collected.error.code)) {
      return [errorResult(scope, `Could not read AWS Artifact agreements of account ${snapshot.accountId}: ${collected.error.code}; the audit role needs artifact:ListCustomerAgreements`)];
    }
    return withCollected(collected, scope, (agreements) => {
      const baa = agreements.find((a) => isBusinessAssociateAddendum(a) && a.state === 'ACTIVE');
      if (!baa) return [fail(scope, `No active AWS Business Associate Addendum in AWS Artifact for account ${snapshot.accountId} or its organization`)];
      const holder = baa.organizationArn ? `its organization (${baa.organizationArn})` : `account ${snapshot.accountId}`;
      const since = baa.effectiveStart ? `, effective ${baa.effectiveStart.slice(0, 10)}` : '';
      return [pass(scope, `${baa.name} is accepted for ${holder}${since}`)];
    });
  },
});
