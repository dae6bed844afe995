import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  paginateListTables,
} from '@aws-sdk/client-dynamodb';
import { attempt, attemptPages, type CollectContext } from '../../collect/context.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';
import { collectDaxClusters } from './dax.js';
import { tokenPages } from './token-pages.js';
import { tagRecord } from './tags.js';

/** Table metadata only: DescribeTable, DescribeContinuousBackups and tags, never Scan or Query. Plus DAX clusters. */
export async function collectDynamoDb(ctx: CollectContext, region: string): Promise<Pick<StorageRegion, 'tables' | 'daxClusters'>> {
  const daxClusters = collectDaxClusters(ctx, region);
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
          const arn = described.data?.Table?.TableArn ?? `arn:${ctx.partition}:dynamodb:${region}:${ctx.accountId}:table/${name}`;
          // DescribeTable has no tags; AWS Backup tag-based selections need them (one call per table).
          const tags = await attemptPages(ctx, target('dynamodb', region, 'ListTagsOfResource', name), () =>
            tokenPages((NextToken) => client.send(new ListTagsOfResourceCommand({ ResourceArn: arn, ...(NextToken ? { NextToken } : {}) }))),
          );
          return {
            name,
            arn,
            sse: mapCollected(described, (r) => ({
              sseType: r.Table?.SSEDescription?.SSEType ?? null,
              status: r.Table?.SSEDescription?.Status ?? null,
            })),
            pitr: mapCollected(backups, (r) => ({
              status:
                r.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus ?? 'DISABLED',
            })),
            deletionProtection: mapCollected(described, (r) => r.Table?.DeletionProtectionEnabled === true),
            tags: mapCollected(tags, (pages) => tagRecord(pages.flatMap((p) => p.Tags ?? []))),
          };
        }),
    ),
  );
  return { tables, daxClusters: await daxClusters };
}
