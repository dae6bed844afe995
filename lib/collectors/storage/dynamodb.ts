import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  paginateListTables,
} from '@aws-sdk/client-dynamodb';
import { attempt, attemptPages, type CollectContext } from '../../collect/context.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';

/** Table metadata only: DescribeTable and DescribeContinuousBackups, never Scan or Query. */
export async function collectDynamoDb(ctx: CollectContext, region: string): Promise<Pick<StorageRegion, 'tables'>> {
  const client = ctx.clients.get(DynamoDBClient, region);
  const pages = await attemptPages(ctx, target('dynamodb', region, 'ListTables'), () => paginateListTables({ client }, {}));
  const tables = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.TableNames ?? [])
        .map(async (name) => {
          const [described, backups] = await Promise.all([
            attempt(ctx, target('dynamodb', region, 'DescribeTable', name), () =>
              client.send(new DescribeTableCommand({ TableName: name })),
            ),
            attempt(ctx, target('dynamodb', region, 'DescribeContinuousBackups', name), () =>
              client.send(new DescribeContinuousBackupsCommand({ TableName: name })),
            ),
          ]);
          return {
            name,
            arn: described.data?.Table?.TableArn ?? `arn:${ctx.partition}:dynamodb:${region}:${ctx.accountId}:table/${name}`,
            sse: mapCollected(described, (r) => ({
              sseType: r.Table?.SSEDescription?.SSEType ?? null,
              status: r.Table?.SSEDescription?.Status ?? null,
            })),
            pitr: mapCollected(backups, (r) => ({
              status:
                r.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus ?? 'DISABLED',
            })),
          };
        }),
    ),
  );
  return { tables };
}
