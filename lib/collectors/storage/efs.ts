import { EFSClient, paginateDescribeFileSystems } from '@aws-sdk/client-efs';
import { attemptPages, type CollectContext } from '../../collect/context.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';
import { tagRecord } from './tags.js';
import { collectFileSystemPolicies } from './efs-policies.js';

export async function collectEfs(ctx: CollectContext, region: string): Promise<Pick<StorageRegion, 'fileSystems'>> {
  const client = ctx.clients.get(EFSClient, region);
  const pages = await attemptPages(ctx, target('efs', region, 'DescribeFileSystems'), () =>
    paginateDescribeFileSystems({ client }, {}),
  );
  return {
    fileSystems: await thenCollected(pages, (data) =>
      Promise.all(
      data
        .flatMap((p) => p.FileSystems ?? [])
        .map(async (fs) => {
          const id = fs.FileSystemId ?? 'unknown';
          return {
            id,
            arn: fs.FileSystemArn ?? `arn:${ctx.partition}:elasticfilesystem:${region}:${ctx.accountId}:file-system/${id}`,
            name: fs.Name ?? null,
            encrypted: fs.Encrypted === true,
            tags: tagRecord(fs.Tags),
            ...(await collectFileSystemPolicies(ctx, client, region, id)),
          };
        }),
      ),
    ),
  };
}
