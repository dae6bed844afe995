import {
  DescribeDeliveryStreamCommand,
  FirehoseClient,
  ListDeliveryStreamsCommand,
  type ListDeliveryStreamsCommandOutput,
} from '@aws-sdk/client-firehose';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { DataRegion, DeliveryStream } from '../../snapshot/data.js';

/** ListDeliveryStreams (no SDK paginator: pages by the last name), then DescribeDeliveryStream per stream for its encryption. */
export async function collectFirehose(ctx: CollectContext, region: string): Promise<Pick<DataRegion, 'deliveryStreams'>> {
  const client = ctx.clients.get(FirehoseClient, region);
  const pages = await attemptPages(ctx, target('firehose', region, 'ListDeliveryStreams'), () => listPages(client));
  const deliveryStreams = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.DeliveryStreamNames ?? [])
        .map(async (name): Promise<DeliveryStream> => {
          const described = await attempt(ctx, target('firehose', region, 'DescribeDeliveryStream', name), () =>
            client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name })),
          );
          const description = described.data?.DeliveryStreamDescription;
          return {
            name,
            arn: description?.DeliveryStreamARN ?? `arn:${ctx.partition}:firehose:${region}:${ctx.accountId}:deliverystream/${name}`,
            details: mapCollected(described, (r) => ({
              deliveryStreamType: r.DeliveryStreamDescription?.DeliveryStreamType ?? null,
              sourceStreamArn: r.DeliveryStreamDescription?.Source?.KinesisStreamSourceDescription?.KinesisStreamARN ?? null,
              encryptionStatus: r.DeliveryStreamDescription?.DeliveryStreamEncryptionConfiguration?.Status ?? null,
              keyType: r.DeliveryStreamDescription?.DeliveryStreamEncryptionConfiguration?.KeyType ?? null,
            })),
          };
        }),
    ),
  );
  return { deliveryStreams };
}

async function* listPages(client: FirehoseClient): AsyncIterable<ListDeliveryStreamsCommandOutput> {
  let start: string | undefined;
  for (;;) {
    const page = await client.send(new ListDeliveryStreamsCommand({ Limit: 100, ...(start ? { ExclusiveStartDeliveryStreamName: start } : {}) }));
    yield page;
    const names = page.DeliveryStreamNames ?? [];
    if (!page.HasMoreDeliveryStreams || names.length === 0) return;
    start = names[names.length - 1];
  }
}
