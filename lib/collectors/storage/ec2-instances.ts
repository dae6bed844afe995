import { paginateDescribeInstances, type EC2Client } from '@aws-sdk/client-ec2';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { tagRecord } from './tags.js';

/** EC2 instances with their tags: a resource type AWS Backup protects (backup_resource_protected). */
export async function collectEc2Instances(
  ctx: CollectContext,
  client: EC2Client,
  region: string,
): Promise<StorageRegion['ec2Instances']> {
  const pages = await attemptPages(ctx, target('ec2', region, 'DescribeInstances'), () => paginateDescribeInstances({ client }, {}));
  return mapCollected(pages, (data) =>
    data
      .flatMap((p) => p.Reservations ?? [])
      .flatMap((r) => r.Instances ?? [])
      .flatMap((i) =>
        i.InstanceId && i.State?.Name !== 'terminated'
          ? [
              {
                id: i.InstanceId,
                arn: `arn:${ctx.partition}:ec2:${region}:${ctx.accountId}:instance/${i.InstanceId}`,
                state: i.State?.Name ?? 'unknown',
                tags: tagRecord(i.Tags),
              },
            ]
          : [],
      ),
  );
}

