import type { AccountSnapshot } from '../../../snapshot/schema.js';
import { accountResource } from '../../results.js';
import type { ResourceRef } from '../../types.js';

export type IamResourceKind = 'User' | 'Group' | 'Role' | 'Policy';

/** IAM principals and policies are global; the id is the friendly name, the ARN identifies it. */
export function iamResource(snapshot: AccountSnapshot, kind: IamResourceKind, name: string, arn: string): ResourceRef {
  return { arn, id: name, type: `AWS::IAM::${kind}`, region: 'global', accountId: snapshot.accountId };
}

export function account(snapshot: AccountSnapshot): ResourceRef {
  return accountResource(snapshot.accountId, snapshot.partition);
}
