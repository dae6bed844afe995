import { GetQueueAttributesCommand, paginateListQueues, SQSClient } from '@aws-sdk/client-sqs';
import { attempt, attemptPages, type CollectContext } from '../../collect/context.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';

export async function collectSqs(ctx: CollectContext, region: string): Promise<Pick<StorageRegion, 'queues'>> {
  const client = ctx.clients.get(SQSClient, region);
  const pages = await attemptPages(ctx, target('sqs', region, 'ListQueues'), () => paginateListQueues({ client }, {}));
  const queues = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.QueueUrls ?? [])
        .map(async (url) => {
          const name = url.split('/').at(-1) ?? url;
          const attrs = await attempt(ctx, target('sqs', region, 'GetQueueAttributes', name), () =>
            client.send(
              new GetQueueAttributesCommand({
                QueueUrl: url,
                AttributeNames: ['QueueArn', 'KmsMasterKeyId', 'SqsManagedSseEnabled'],
              }),
            ),
          );
          return {
            url,
            name,
            arn: attrs.data?.Attributes?.QueueArn ?? `arn:${ctx.partition}:sqs:${region}:${ctx.accountId}:${name}`,
            encryption: mapCollected(attrs, (r) => ({
              kmsMasterKeyId: r.Attributes?.KmsMasterKeyId || null,
              sqsManagedSse: r.Attributes?.SqsManagedSseEnabled === 'true',
            })),
          };
        }),
    ),
  );
  return { queues };
}
