import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClientFactory } from '../aws/clients.js';
import { S3EvidenceStore } from '../evidence/s3-evidence-store.js';
import { S3WorkStore } from '../evidence/work-store.js';
import { createDynamoStores } from '../store/dynamodb/index.js';
import type { PipelineEnv } from './env.js';

/** The pipeline's own stores, built from its environment. */
export function pipelineStores(env: PipelineEnv, clients: AwsClientFactory) {
  const { findings, suppressions, runLock } = createDynamoStores({
    clients, region: env.AWS_REGION, tableName: env.TABLE_NAME, historyRetentionDays: env.HISTORY_RETENTION_DAYS,
  });
  const evidence = new S3EvidenceStore({
    clients, region: env.AWS_REGION, bucket: env.EVIDENCE_BUCKET, workBucket: env.WORK_BUCKET, signingKeyId: env.SIGNING_KEY_ID,
  });
  const work = new S3WorkStore({ clients, region: env.AWS_REGION, bucket: env.WORK_BUCKET });
  return { findings, suppressions, runLock, evidence, work };
}

/** The partition the pipeline runs in (aws, aws-us-gov, aws-cn), so member role ARNs are right everywhere. */
export async function callerPartition(clients: AwsClientFactory, region: string): Promise<string | undefined> {
  const identity = await clients.get(STSClient, region).send(new GetCallerIdentityCommand({}));
  return identity.Arn?.split(':')[1];
}
