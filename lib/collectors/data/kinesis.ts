import { DescribeStreamSummaryCommand, KinesisClient, paginateListStreams } from '@aws-sdk/client-kinesis';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { DataRegion, KinesisStream } from '../../snapshot/data.js';

/** ListStreams, then DescribeStreamSummary per stream: the encryption type is only in the summary. */
export async function collectKinesis(ctx: CollectContext, region: string): Promise<Pick<DataRegion, 'kinesisStreams'>> {
  const client = ctx.clients.get(KinesisClient, region);
  const pages = await attemptPages(ctx, target('kinesis', region, 'ListStreams'), () => paginateListStreams({ client }, {}));
  const kinesisStreams = await thenCollected(pages, (data) =>
    Promise.all(
      [...new Set(data.flatMap((p) => p.StreamNames ?? []))].map(async (name): Promise<KinesisStream> => {
        const summary = await attempt(ctx, target('kinesis', region, 'DescribeStreamSummary', name), () =>
          client.send(new DescribeStreamSummaryCommand({ StreamName: name })),
        );
        return {
          name,
          arn:
            summary.data?.StreamDescriptionSummary?.StreamARN ?? `arn:${ctx.partition}:kinesis:${region}:${ctx.accountId}:stream/${name}`,
          encryption: mapCollected(summary, (r) => ({
            encryptionType: r.StreamDescriptionSummary?.EncryptionType ?? 'NONE',
            keyId: r.StreamDescriptionSummary?.KeyId ?? null,
          })),
        };
      }),
    ),
  );
  return { kinesisStreams };
}
