import type { AuthorizationDetails, InlinePolicy } from '../../../snapshot/iam.js';
import type { IamResourceKind } from './resources.js';

/** A user, group or role with the inline policies embedded in it. */
export interface InlinePolicyHolder {
  kind: IamResourceKind;
  name: string;
  arn: string;
  inlinePolicies: readonly InlinePolicy[];
}

export function inlinePolicyHolders(details: AuthorizationDetails): InlinePolicyHolder[] {
  return [
    ...details.users.map((u) => ({ kind: 'User' as const, name: u.name, arn: u.arn, inlinePolicies: u.inlinePolicies })),
    ...details.groups.map((g) => ({ kind: 'Group' as const, name: g.name, arn: g.arn, inlinePolicies: g.inlinePolicies })),
    ...details.roles.map((r) => ({ kind: 'Role' as const, name: r.name, arn: r.arn, inlinePolicies: r.inlinePolicies })),
  ].filter((holder) => holder.inlinePolicies.length > 0);
}
