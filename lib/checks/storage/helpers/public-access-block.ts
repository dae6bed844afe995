import type { PublicAccessBlock } from '../../../snapshot/storage.js';

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
