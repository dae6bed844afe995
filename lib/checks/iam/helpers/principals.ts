import type { ResourceRef } from '../../../model/resource.js';
import type { AuthorizationDetails } from '../../../snapshot/iam.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import { notApplicable, withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { account, iamResource, type IamResourceKind } from './resources.js';

/**
 * Runs `evaluate` for each principal `pick` selects from the authorization details: ERROR on the account
 * when the details were not collected, one NOT_APPLICABLE naming `noun` ("IAM groups") when there are none.
 */
export function perPrincipal<P extends { name: string; arn: string }>(
  snapshot: AccountSnapshot,
  kind: IamResourceKind,
  noun: string,
  pick: (details: AuthorizationDetails) => readonly P[],
  evaluate: (principal: P, resource: ResourceRef, details: AuthorizationDetails) => CheckResult,
): CheckResult[] {
  const scope = account(snapshot);
  return withCollected(snapshot.iam.authorization, scope, (details) => {
    const principals = pick(details);
    if (principals.length === 0) return [notApplicable(scope, `Account ${snapshot.accountId} has no ${noun}`)];
    return principals.map((p) => evaluate(p, iamResource(snapshot, kind, p.name, p.arn), details));
  });
}
