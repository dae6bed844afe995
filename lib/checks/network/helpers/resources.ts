import type { ResourceRef } from '../../../model/resource.js';
import type { Instance } from '../../../snapshot/network.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';

/** A regional network or compute resource of the scanned account. */
export function networkResource(snapshot: AccountSnapshot, region: string, type: string, id: string, arn: string): ResourceRef {
  // Shared VPC resources carry their owner in the ARN; everything else belongs to the scanned account.
  const owner = arn.split(':')[4] || snapshot.accountId;
  return { arn, id, type, region, accountId: owner };
}

/** `i-0abc (web-1)`: the id, with the Name tag when there is one. */
export function instanceLabel(instance: Instance): string {
  return instance.name ? `${instance.id} (${instance.name})` : instance.id;
}

/** `a, b, c and 4 more`: keeps reasons to one readable line. */
export function listSome(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
