import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { IamUser } from '../../../snapshot/iam.js';
import { accountResource, notApplicable, resourceRef, withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import type { ResourceRef } from '../../../model/resource.js';

export type IamResourceKind = 'User' | 'Group' | 'Role' | 'Policy';

/** IAM principals and policies are global; the id is the friendly name, the ARN identifies it. */
export function iamResource(snapshot: AccountSnapshot, kind: IamResourceKind, name: string, arn: string): ResourceRef {
  return resourceRef(snapshot, arn, name, `AWS::IAM::${kind}`, 'global');
}

export function account(snapshot: AccountSnapshot): ResourceRef {
  return accountResource(snapshot.accountId, snapshot.partition);
}

/** Runs `evaluate` for every IAM user in the authorization details; ERROR if they were not collected. */
export function perIamUser(snapshot: AccountSnapshot, evaluate: (user: IamUser, resource: ResourceRef) => CheckResult): CheckResult[] {
  return withCollected(snapshot.iam.authorization, account(snapshot), (details) => {
    if (details.users.length === 0) return [notApplicable(account(snapshot), `Account ${snapshot.accountId} has no IAM users`)];
    return details.users.map((u) => evaluate(u, iamResource(snapshot, 'User', u.name, u.arn)));
  });
}
