import {
  GetBucketAclCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  type GetBucketPolicyCommandOutput,
  type GetBucketVersioningCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { attempt, attemptOrAbsent, type CallTarget, type CollectContext } from '../../collect/context.js';
import { mapCollected, type Collected } from '../../snapshot/collected.js';
import type { Bucket } from '../../snapshot/storage.js';
import { publicPolicyStatements } from './s3-policy-public.js';
import { tagRecord } from './tags.js';

type DepthPart = Pick<Bucket, 'publicPolicyStatements' | 'ownership' | 'acl' | 'tags' | 'replication' | 'lifecycle'>;

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

/**
 * The per-bucket configuration behind the public-access, ACL, replication and lifecycle checks. S3 has
 * no batch API for any of these, so each is one call per bucket, and calls whose answer cannot matter
 * are skipped: GetBucketAcl when ownership is BucketOwnerEnforced (ACLs are disabled and ignored), and
 * GetBucketReplication / GetBucketLifecycleConfiguration when versioning was never enabled (replication
 * requires versioning; noncurrent versions cannot exist). The public policy statements come from the
 * GetBucketPolicy answer the caller already has.
 */
export async function collectBucketDepth(
  ctx: CollectContext,
  s3: S3Client,
  at: (operation: string) => CallTarget,
  name: string,
  policy: Collected<GetBucketPolicyCommandOutput | null>,
  versioning: Collected<GetBucketVersioningCommandOutput>,
): Promise<DepthPart> {
  // A failed versioning call does not tell us the bucket is unversioned: read both to be safe.
  const everVersioned = versioning.error !== undefined || versioning.data.Status !== undefined;

  const [ownershipAndAcl, tags, replication, lifecycle] = await Promise.all([
    (async () => {
      const ownership = mapCollected(
        await attemptOrAbsent(ctx, at('GetBucketOwnershipControls'), ['OwnershipControlsNotFoundError'], () =>
          s3.send(new GetBucketOwnershipControlsCommand({ Bucket: name })),
        ),
        (r) => r?.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null,
      );
      const aclsDisabled = ownership.data === 'BucketOwnerEnforced';
      const acl = aclsDisabled
        ? null
        : mapCollected(
            await attempt(ctx, at('GetBucketAcl'), () => s3.send(new GetBucketAclCommand({ Bucket: name }))),
            (r) => ({
              publicGrants: (r.Grants ?? []).flatMap((g) => {
                const uri = g.Grantee?.URI;
                const grantee = uri === ALL_USERS ? 'AllUsers' : uri === AUTHENTICATED_USERS ? 'AuthenticatedUsers' : null;
                return grantee ? [{ grantee, permission: g.Permission ?? 'unknown' } as const] : [];
              }),
            }),
          );
      return { ownership, acl };
    })(),
    attemptOrAbsent(ctx, at('GetBucketTagging'), ['NoSuchTagSet'], () => s3.send(new GetBucketTaggingCommand({ Bucket: name }))),
    everVersioned
      ? attemptOrAbsent(ctx, at('GetBucketReplication'), ['ReplicationConfigurationNotFoundError'], () =>
          s3.send(new GetBucketReplicationCommand({ Bucket: name })),
        )
      : null,
    everVersioned
      ? attemptOrAbsent(ctx, at('GetBucketLifecycleConfiguration'), ['NoSuchLifecycleConfiguration'], () =>
          s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: name })),
        )
      : null,
  ]);

  return {
    publicPolicyStatements: mapCollected(policy, (r) => (r?.Policy ? publicPolicyStatements(r.Policy) : null)),
    ...ownershipAndAcl,
    tags: mapCollected(tags, (r) => tagRecord(r?.TagSet)),
    replication:
      replication &&
      mapCollected(replication, (r) =>
        r?.ReplicationConfiguration
          ? (r.ReplicationConfiguration.Rules ?? []).map((rule) => ({
              id: rule.ID ?? null,
              enabled: rule.Status === 'Enabled',
              destinationBucketArn: rule.Destination?.Bucket ?? 'unknown',
              destinationAccount: rule.Destination?.Account ?? null,
            }))
          : null,
      ),
    lifecycle:
      lifecycle &&
      mapCollected(lifecycle, (r) =>
        r?.Rules
          ? r.Rules.map((rule) => ({
              id: rule.ID ?? null,
              enabled: rule.Status === 'Enabled',
              noncurrentExpirationDays: rule.NoncurrentVersionExpiration?.NoncurrentDays ?? null,
              noncurrentTransitions: rule.NoncurrentVersionTransitions?.length ?? 0,
            }))
          : null,
      ),
  };
}
