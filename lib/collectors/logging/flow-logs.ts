import { EC2Client, paginateDescribeFlowLogs, paginateDescribeVpcs } from '@aws-sdk/client-ec2';
import { failed, ok, type Collected } from '../../snapshot/collected.js';
import { attemptPages, type CollectContext } from '../../collect/context.js';
import type { FlowLog, Vpc } from '../../snapshot/logging.js';

export async function collectVpcs(ctx: CollectContext, region: string): Promise<Collected<Vpc[]>> {
  const client = ctx.clients.get(EC2Client, region);
  const pages = await attemptPages(ctx, { service: 'ec2', region, operation: 'DescribeVpcs' }, () =>
    paginateDescribeVpcs({ client }, {}),
  );
  if (pages.error) return failed(pages.error);
  const vpcs: Vpc[] = [];
  for (const vpc of pages.data.flatMap((p) => p.Vpcs ?? [])) {
    if (!vpc.VpcId) continue;
    vpcs.push({ vpcId: vpc.VpcId, isDefault: vpc.IsDefault === true, ...(vpc.OwnerId ? { ownerId: vpc.OwnerId } : {}) });
  }
  return ok(vpcs);
}

export async function collectFlowLogs(ctx: CollectContext, region: string): Promise<Collected<FlowLog[]>> {
  const client = ctx.clients.get(EC2Client, region);
  const pages = await attemptPages(ctx, { service: 'ec2', region, operation: 'DescribeFlowLogs' }, () =>
    paginateDescribeFlowLogs({ client }, {}),
  );
  if (pages.error) return failed(pages.error);
  const flowLogs: FlowLog[] = [];
  for (const f of pages.data.flatMap((p) => p.FlowLogs ?? [])) {
    if (!f.FlowLogId || !f.ResourceId) continue;
    flowLogs.push({
      flowLogId: f.FlowLogId,
      resourceId: f.ResourceId,
      ...(f.TrafficType ? { trafficType: f.TrafficType } : {}),
      ...(f.FlowLogStatus ? { flowLogStatus: f.FlowLogStatus } : {}),
      ...(f.DeliverLogsStatus ? { deliverLogsStatus: f.DeliverLogsStatus } : {}),
      ...(f.LogDestinationType ? { logDestinationType: f.LogDestinationType } : {}),
    });
  }
  return ok(flowLogs);
}
