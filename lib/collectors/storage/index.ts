import type { CollectContext } from '../../collect/context.js';
import { collectBackup } from './backup.js';
import { collectDynamoDb } from './dynamodb.js';
import { collectEc2 } from './ec2.js';
import { collectEfs } from './efs.js';
import { collectKms } from './kms.js';
import { collectRds } from './rds.js';
import { collectAccountPublicAccessBlock, collectBuckets } from './s3.js';
import type { StorageRegion, StorageSnapshot } from '../../snapshot/storage.js';
import { collectSns } from './sns.js';
import { collectSqs } from './sqs.js';

/** Encryption, storage and backup configuration: global S3 plus per-region stores. */
export async function collectStorage(ctx: CollectContext): Promise<StorageSnapshot> {
  const [global, regionEntries] = await Promise.all([
    ctx.includeGlobal ? collectGlobal(ctx) : Promise.resolve({}),
    Promise.all(ctx.regions.map(async (region) => [region, await collectRegion(ctx, region)] as const)),
  ]);
  return { ...global, regions: Object.fromEntries(regionEntries) };
}

async function collectGlobal(ctx: CollectContext): Promise<Omit<StorageSnapshot, 'regions'>> {
  ctx.progress?.({ phase: 'storage', detail: 'S3 buckets, account public access block' });
  const [buckets, accountPublicAccessBlock] = await Promise.all([collectBuckets(ctx), collectAccountPublicAccessBlock(ctx)]);
  return { buckets, accountPublicAccessBlock };
}

async function collectRegion(ctx: CollectContext, region: string): Promise<StorageRegion> {
  ctx.progress?.({ phase: 'storage', detail: region });
  const [ec2, rds, dynamodb, kms, efs, sns, sqs, backup] = await Promise.all([
    collectEc2(ctx, region),
    collectRds(ctx, region),
    collectDynamoDb(ctx, region),
    collectKms(ctx, region),
    collectEfs(ctx, region),
    collectSns(ctx, region),
    collectSqs(ctx, region),
    collectBackup(ctx, region),
  ]);
  return { ...ec2, ...rds, ...dynamodb, ...kms, ...efs, ...sns, ...sqs, ...backup };
}
