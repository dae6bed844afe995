import type { ResourceRef } from '../../../model/resource.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';

export function computeRef(snapshot: AccountSnapshot, arn: string, id: string, type: string, region: string): ResourceRef {
  return { arn, id, type, region, accountId: snapshot.accountId };
}
