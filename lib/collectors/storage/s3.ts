import { paginateListBuckets, S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import type { Collected } from '../../snapshot/collected.js';
import { attemptOrAbsent, attemptPages, type CollectContext } from '../../collect/context.js';
import { toPublicAccessBlock } from './public-access-block.js';
import { collectBucket } from './s3-bucket.js';
import type { Bucket, PublicAccessBlock } from '../../snapshot/storage.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';

export async function collectBuckets(ctx: CollectContext): Promise<Collected<Bucket[]>> {
  const region = ctx.homeRegion;
  const client = ctx.clients.get(S3Client, region);
  const pages = await attemptPages(ctx, target('s3', region, 'ListBuckets'), () => paginateListBuckets({ client }, {}));
  return thenCollected(pages, (data) => {
    const buckets = data.flatMap((page) => page.Buckets ?? []).flatMap((b) => (b.Name ? [{ name: b.Name, region: b.BucketRegion }] : []));
    return Promise.all(buckets.map((b) => collectBucket(ctx, b.name, b.region)));
  });
}

export async function collectAccountPublicAccessBlock(ctx: CollectContext): Promise<Collected<PublicAccessBlock | null>> {
  const region = ctx.homeRegion;
  const client = ctx.clients.get(S3ControlClient, region);
  const response = await attemptOrAbsent(
    ctx,
    target('s3control', region, 'GetPublicAccessBlock', ctx.accountId),
    ['NoSuchPublicAccessBlockConfiguration'],
    () => client.send(new GetPublicAccessBlockCommand({ AccountId: ctx.accountId })),
  );
  return mapCollected(response, (r) => toPublicAccessBlock(r?.PublicAccessBlockConfiguration));
}
