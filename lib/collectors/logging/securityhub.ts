import { DescribeHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { failed, ok, type Collected } from '../../snapshot/collected.js';
import { attempt, type CollectContext } from '../../collect/context.js';
import type { LoggingRegion } from '../../snapshot/logging.js';

type SecurityHub = NonNullable<LoggingRegion['securityHub']['data']>;

// Security Hub answers DescribeHub on a non-subscribed account with one of these; only that case means "off".
const NOT_SUBSCRIBED_CODES = new Set(['InvalidAccessException', 'ResourceNotFoundException']);

export async function collectSecurityHub(ctx: CollectContext, region: string): Promise<Collected<SecurityHub>> {
  const call = { service: 'securityhub', region, operation: 'DescribeHub' };
  const res = await attempt(ctx, call, () => ctx.clients.get(SecurityHubClient, region).send(new DescribeHubCommand({})));
  if (res.error) {
    if (NOT_SUBSCRIBED_CODES.has(res.error.code) && /not subscribed/i.test(res.error.message)) {
      ctx.evidence.record(call.service, region, call.operation, { absent: res.error.code, message: res.error.message });
      return ok({ enabled: false });
    }
    return failed(res.error);
  }
  return ok({
    enabled: true,
    ...(res.data.HubArn ? { hubArn: res.data.HubArn } : {}),
    ...(res.data.SubscribedAt ? { subscribedAt: res.data.SubscribedAt } : {}),
  });
}
