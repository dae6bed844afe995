import type { CollectContext } from '../../collect/context.js';
import type { DataRegion, DataSnapshot } from '../../snapshot/data.js';
import { collectAcm } from './acm.js';
import { collectDms } from './dms.js';
import { collectElastiCache } from './elasticache.js';
import { collectFirehose } from './firehose.js';
import { collectKinesis } from './kinesis.js';
import { collectOpenSearch } from './opensearch.js';
import { collectRedshift } from './redshift.js';
import { collectSageMaker } from './sagemaker.js';
import { collectSecretsManager } from './secrets-manager.js';

/** Analytics and data services, all regional: Redshift, OpenSearch, ElastiCache, SageMaker, Kinesis, Firehose, DMS, Secrets Manager, ACM. */
export async function collectData(ctx: CollectContext): Promise<DataSnapshot> {
  const entries = await Promise.all(ctx.regions.map(async (region) => [region, await collectRegion(ctx, region)] as const));
  return { regions: Object.fromEntries(entries) };
}

async function collectRegion(ctx: CollectContext, region: string): Promise<DataRegion> {
  ctx.progress?.({ phase: 'data', detail: region });
  const parts = await Promise.all([
    collectRedshift(ctx, region),
    collectOpenSearch(ctx, region),
    collectElastiCache(ctx, region),
    collectSageMaker(ctx, region),
    collectKinesis(ctx, region),
    collectFirehose(ctx, region),
    collectDms(ctx, region),
    collectSecretsManager(ctx, region),
    collectAcm(ctx, region),
  ]);
  const [redshift, openSearch, elastiCache, sageMaker, kinesis, firehose, dms, secrets, acm] = parts;
  return { ...redshift, ...openSearch, ...elastiCache, ...sageMaker, ...kinesis, ...firehose, ...dms, ...secrets, ...acm };
}
