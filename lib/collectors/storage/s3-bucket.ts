import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { ok, type Collected } from '../../snapshot/collected.js';
import { attempt, attemptOrAbsent, type CollectContext } from '../../collect/context.js';
import { toPublicAccessBlock } from './public-access-block.js';
import type { Bucket } from '../../snapshot/storage.js';
import { deniesInsecureTransport, publicAllowStatement } from './s3-policy.js';
import { mapCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';
import { collectBucketDepth } from './s3-bucket-depth.js';

/** GetBucketLocation's legacy answers: empty means us-east-1, `EU` means eu-west-1. */
export function normalizeLocation(constraint: string | undefined | null): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/**
 * `listedRegion` is ListBuckets' BucketRegion (returned by AWS since 2024, already in the evidence);
 * only when it is missing (older endpoints, emulators) does this cost a GetBucketLocation call.
 */
export async function collectBucket(ctx: CollectContext, name: string, listedRegion?: string): Promise<Bucket> {
  const home = ctx.homeRegion;
  const location: Collected<string> = listedRegion
    ? ok(listedRegion)
    : mapCollected(
        await attempt(ctx, target('s3', home, 'GetBucketLocation', name), () =>
          ctx.clients.get(S3Client, home).send(new GetBucketLocationCommand({ Bucket: name })),
        ),
        (r) => normalizeLocation(r.LocationConstraint),
      );
  // Per-bucket calls go to the bucket's own region; fall back to home and let errors speak.
  const region = location.data ?? home;
  const s3 = ctx.clients.get(S3Client, region);
  const at = (operation: string) => target('s3', region, operation, name);

  const [encryption, policy, publicAccessBlock, versioning, logging, objectLock] = await Promise.all([
    attemptOrAbsent(ctx, at('GetBucketEncryption'), ['ServerSideEncryptionConfigurationNotFoundError'], () =>
      s3.send(new GetBucketEncryptionCommand({ Bucket: name })),
    ),
    attemptOrAbsent(ctx, at('GetBucketPolicy'), ['NoSuchBucketPolicy'], () =>
      s3.send(new GetBucketPolicyCommand({ Bucket: name })),
    ),
    attemptOrAbsent(ctx, at('GetPublicAccessBlock'), ['NoSuchPublicAccessBlockConfiguration'], () =>
      s3.send(new GetPublicAccessBlockCommand({ Bucket: name })),
    ),
    attempt(ctx, at('GetBucketVersioning'), () => s3.send(new GetBucketVersioningCommand({ Bucket: name }))),
    attempt(ctx, at('GetBucketLogging'), () => s3.send(new GetBucketLoggingCommand({ Bucket: name }))),
    attemptOrAbsent(ctx, at('GetObjectLockConfiguration'), ['ObjectLockConfigurationNotFoundError'], () =>
      s3.send(new GetObjectLockConfigurationCommand({ Bucket: name })),
    ),
  ]);
  const depth = await collectBucketDepth(ctx, s3, at, name, policy, versioning);

  return {
    ...depth,
    name,
    arn: `arn:${ctx.partition}:s3:::${name}`,
    region,
    location,
    encryption: mapCollected(encryption, (r) => {
      const rules = r?.ServerSideEncryptionConfiguration?.Rules ?? [];
      const algorithms = rules.flatMap((rule) => rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? []);
      return algorithms.length > 0 ? { algorithms } : null;
    }),
    policy: mapCollected(policy, (r) =>
      r?.Policy ? { denyInsecureTransport: deniesInsecureTransport(r.Policy), publicStatement: publicAllowStatement(r.Policy) } : null,
    ),
    publicAccessBlock: mapCollected(publicAccessBlock, (r) => toPublicAccessBlock(r?.PublicAccessBlockConfiguration)),
    versioning: mapCollected(versioning, (r) => ({ status: r.Status ?? null, mfaDelete: r.MFADelete ?? null })),
    logging: mapCollected(logging, (r) => ({ targetBucket: r.LoggingEnabled?.TargetBucket ?? null })),
    objectLock: mapCollected(objectLock, (r) => {
      const c = r?.ObjectLockConfiguration;
      if (!c) return null;
      return { enabled: c.ObjectLockEnabled === 'Enabled', mode: c.Rule?.DefaultRetention?.Mode ?? null };
    }),
  };
}
