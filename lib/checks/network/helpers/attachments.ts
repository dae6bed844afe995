import type { Collected } from '../../../snapshot/collected.js';
import type { NetworkInterface } from '../../../snapshot/network.js';
import { listSome } from './resources.js';

function label(eni: NetworkInterface): string {
  if (eni.instanceId) return eni.instanceId;
  const what = eni.description ?? eni.interfaceType;
  return what ? `${eni.id} (${what})` : eni.id;
}

/**
 * What a security group is attached to, for the reason line: instances by id, other interfaces with
 * AWS's description (load balancer, RDS, Lambda). The verdict never depends on it, so a failed
 * DescribeNetworkInterfaces is stated, not turned into ERROR.
 */
export function attachmentsOf(groupId: string, interfaces: Collected<NetworkInterface[]>): string {
  if (interfaces.error) return `attachments unknown (${interfaces.error.operation} failed with ${interfaces.error.code})`;
  const users = [...new Set(interfaces.data.filter((eni) => eni.groupIds.includes(groupId)).map(label))];
  return users.length === 0 ? 'not attached to any network interface' : `attached to ${listSome(users)}`;
}
