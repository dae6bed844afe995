import type { Collected } from '../../../snapshot/collected.js';
import type { Bucket, PublicAccessBlock } from '../../../snapshot/storage.js';

/** Which of the four Block Public Access flags are off (all four when there is no configuration). */
export function missingBlockFlags(block: PublicAccessBlock | null): string[] {
  if (!block) return ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];
  return [
    block.blockPublicAcls ? null : 'BlockPublicAcls',
    block.ignorePublicAcls ? null : 'IgnorePublicAcls',
    block.blockPublicPolicy ? null : 'BlockPublicPolicy',
    block.restrictPublicBuckets ? null : 'RestrictPublicBuckets',
  ].filter((flag): flag is string => flag !== null);
}

export type BlockFlag = 'restrictPublicBuckets' | 'ignorePublicAcls';

/**
 * Whether Block Public Access neutralises public grants on this bucket: the bucket's or the account's
 * flag (RestrictPublicBuckets for policies, IgnorePublicAcls for ACLs). `{ error }` when a setting that
 * could decide it could not be read. Prowler and AWS Config treat a neutralised grant as not public.
 */
export function neutralisedBy(
  bucket: Bucket,
  account: Collected<PublicAccessBlock | null> | undefined,
  flag: BlockFlag,
): { by: 'bucket' | 'account' | null; error?: string } {
  const bucketBlock = bucket.publicAccessBlock;
  if (!bucketBlock.error && bucketBlock.data !== null && bucketBlock.data[flag]) return { by: 'bucket' };
  if (account !== undefined && !account.error && account.data !== null && account.data[flag]) return { by: 'account' };
  const failed = [bucket.publicAccessBlock.error, account?.error].find((e) => e !== undefined);
  if (failed) return { by: null, error: `${failed.operation} failed with ${failed.code}` };
  if (account === undefined) return { by: null, error: 'the account-level Block Public Access settings were not collected' };
  return { by: null };
}

export const FLAG_NAMES: Record<BlockFlag, string> = {
  restrictPublicBuckets: 'RestrictPublicBuckets',
  ignorePublicAcls: 'IgnorePublicAcls',
};
