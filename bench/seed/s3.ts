import {
  CreateBucketCommand, PutBucketVersioningCommand, PutPublicAccessBlockCommand, S3Client, type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import type { ScaleSpec } from '../scale.js';
import { range, seqName, type SeedGroup } from './tasks.js';

/**
 * Buckets are spread round-robin over the scanned regions (so per-bucket calls go to regional
 * endpoints as in a real account); every fourth is hardened with versioning and a public access block.
 */
export function s3SeedGroup(clients: AwsClientFactory, scale: ScaleSpec): SeedGroup {
  return {
    label: 's3 buckets',
    tasks: range(scale.buckets).map((i) => async () => {
      const region = scale.regions[i % scale.regions.length] ?? 'us-east-1';
      const s3 = clients.get(S3Client, region);
      const Bucket = seqName('bench-bucket', i);
      await s3.send(new CreateBucketCommand({
        Bucket,
        // us-east-1 is the one region that rejects an explicit location constraint.
        ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }));
      if (i % 4 === 0) {
        await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
        await s3.send(new PutPublicAccessBlockCommand({
          Bucket,
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        }));
      }
    }),
  };
}
