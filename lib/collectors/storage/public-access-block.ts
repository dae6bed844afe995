import type { PublicAccessBlock } from '../../snapshot/storage.js';

/** The four flags as S3 (bucket) and S3 Control (account) both return them. */
interface PublicAccessBlockConfiguration {
  BlockPublicAcls?: boolean;
  IgnorePublicAcls?: boolean;
  BlockPublicPolicy?: boolean;
  RestrictPublicBuckets?: boolean;
}

/** A flag AWS leaves out is off; no configuration at all is `null`. */
export function toPublicAccessBlock(c: PublicAccessBlockConfiguration | undefined): PublicAccessBlock | null {
  if (!c) return null;
  return {
    blockPublicAcls: c.BlockPublicAcls === true,
    ignorePublicAcls: c.IgnorePublicAcls === true,
    blockPublicPolicy: c.BlockPublicPolicy === true,
    restrictPublicBuckets: c.RestrictPublicBuckets === true,
  };
}
