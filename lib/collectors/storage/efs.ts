import { EFSClient, paginateDescribeFileSystems } from '@aws-sdk/client-efs';
import { attemptPages, type CollectContext } from '../../collect/context.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { mapCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';

export async function collectEfs(ctx: CollectContext, region: string): Promise<Pick<StorageRegion, 'fileSystems'>> {
  const client = ctx.clients.get(EFSClient, region);
  const pages = await attemptPages(ctx, target('efs', region, 'DescribeFileSystems'), () =>
    paginateDescribeFileSystems({ client }, {}),
  );
  return {
    fileSystems: mapCollected(pages, (data) =>
      data
        .flatMap((p) => p.FileSystems ?? [])
        .map((fs) => {
          const id = fs.FileSystemId ?? 'unknown';
          return {
            id,
            arn: fs.FileSystemArn ?? `arn:${ctx.partition}:elasticfilesystem:${region}:${ctx.accountId}:file-system/${id}`,
            name: fs.Name ?? null,
            encrypted: fs.Encrypted === true,
          };
        }),
    ),
  };
}
