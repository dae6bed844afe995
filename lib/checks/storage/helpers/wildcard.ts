import { matchesPattern } from '../../../model/resource-pattern.js';

/**
 * `*` matches any run of characters, `?` one character; everything else literally (case-sensitive, as
 * AWS matches ARNs and tag values). `*`-only patterns (ARNs, bucket names: nearly all) use the linear
 * matcher of lib/model; only a pattern with `?` (IAM StringLike allows it) falls back to a regex.
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('?')) return matchesPattern(pattern, value);
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(value);
}
