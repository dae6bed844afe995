import { GetTopicAttributesCommand, paginateListTopics, SNSClient } from '@aws-sdk/client-sns';
import { attempt, attemptPages, type CollectContext } from '../../collect/context.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';

export async function collectSns(ctx: CollectContext, region: string): Promise<Pick<StorageRegion, 'topics'>> {
  const client = ctx.clients.get(SNSClient, region);
  const pages = await attemptPages(ctx, target('sns', region, 'ListTopics'), () => paginateListTopics({ client }, {}));
  const topics = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.Topics ?? [])
        .flatMap((t) => (t.TopicArn ? [t.TopicArn] : []))
        .map(async (arn) => {
          const attrs = await attempt(ctx, target('sns', region, 'GetTopicAttributes', arn), () =>
            client.send(new GetTopicAttributesCommand({ TopicArn: arn })),
          );
          return {
            arn,
            name: arn.split(':').at(-1) ?? arn,
            kmsMasterKeyId: mapCollected(attrs, (r) => r.Attributes?.KmsMasterKeyId || null),
            // Also read by the logging family: does an alarm's topic reach anyone?
            subscriptionsConfirmed: mapCollected(attrs, (r) => Number(r.Attributes?.SubscriptionsConfirmed ?? 0)),
          };
        }),
    ),
  );
  return { topics };
}
