import type { Collected } from '../../../snapshot/collected.js';
import type { Bucket, PublicAccessBlock } from '../../../snapshot/storage.js';

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
  if (bucket.publicAccessBlock.data?.[flag]) return { by: 'bucket' };
  if (account?.data?.[flag]) return { by: 'account' };
  const failed = [bucket.publicAccessBlock.error, account?.error].find((e) => e !== undefined);
  if (failed) return { by: null, error: `${failed.operation} failed with ${failed.code}` };
  if (account === undefined) return { by: null, error: 'the account-level Block Public Access settings were not collected' };
  return { by: null };
}

export const FLAG_NAMES: Record<BlockFlag, string> = {
  restrictPublicBuckets: 'RestrictPublicBuckets',
  ignorePublicAcls: 'IgnorePublicAcls',
};
