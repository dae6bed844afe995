/**
 * Resource patterns of risk acceptances: `*` matches any run of characters (including `/` and `:`),
 * everything else is literal.
 *
 * Matching is linear, not backtracking: the literal pieces between stars are found left to right,
 * each at its leftmost occurrence after the previous one (the first anchored at the start, the last
 * at the end). For `*`-only globs the leftmost occurrence is always a safe choice, so nothing is ever
 * retried, and `arn********Z` against a long ARN costs one scan instead of the 8^n of a regex.
 */
export function matchesPattern(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const pieces = pattern.split('*');
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < pieces.length - 1; i += 1) {
    const piece = pieces[i] ?? '';
    if (piece === '') continue;
    const found = value.indexOf(piece, at);
    if (found === -1 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/** Words that describe ARN structure, not a particular resource. */
const STRUCTURAL_WORDS = new Set([
  'arn', 'aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b',
  // services whose resources the checks report on
  'account', 'iam', 's3', 'ec2', 'rds', 'kms', 'logs', 'cloudtrail', 'cloudwatch', 'config', 'dynamodb',
  'elasticfilesystem', 'efs', 'sns', 'sqs', 'elasticloadbalancing', 'elbv2', 'backup', 'guardduty',
  'securityhub', 'cloudfront', 'sts', 'organizations',
  // resource-type words of those ARNs
  'root', 'user', 'role', 'group', 'policy', 'mfa', 'trail', 'key', 'alias', 'volume', 'snapshot', 'instance',
  'db', 'table', 'log-group', 'vpc', 'file-system', 'loadbalancer', 'listener', 'app', 'net', 'backup-plan',
  'detector', 'hub', 'distribution', 'bucket', 'topic', 'queue', 'config-recorder', 'delivery-channel',
]);
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

/**
 * True when a pattern would accept the risk for every resource the check reports on: it is made only
 * of wildcards and separators (`*`, `*:*`, stars around a slash), or everything literal in it is ARN structure
 * (partition, service, region, resource type), as in `arn*`, `arn:aws:s3:::*` or `arn:*:iam::*:role/*`.
 * A pattern that names anything specific (a bucket prefix, an account id, a role name) is not.
 */
export function isCatchAllPattern(pattern: string): boolean {
  if (!pattern.includes('*')) return false;
  const words = pattern
    .toLowerCase()
    .split(/[*:/\s,;|]+/)
    .filter(Boolean);
  return words.every((word) => STRUCTURAL_WORDS.has(word) || REGION.test(word) || /^[-_.]+$/.test(word));
}
