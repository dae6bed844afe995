import type { PublicPolicyStatement } from '../../snapshot/storage.js';

/**
 * Finds the bucket policy statements that make a bucket public in the sense S3 itself uses ("The
 * meaning of public" in the S3 User Guide): Effect Allow to everyone (Principal `*` or AWS `*`) with no
 * condition that pins the request to fixed accounts, organizations, VPCs, endpoints, source ARNs or IP
 * ranges. Pure; no AWS calls. An unreadable policy yields no statements (S3 never stores one).
 */
export function publicPolicyStatements(policyJson: string): PublicPolicyStatement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(policyJson);
  } catch {
    return [];
  }
  if (!isRecord(doc)) return [];
  return asArray(doc.Statement).flatMap((statement, index) => {
    if (!isRecord(statement) || statement.Effect !== 'Allow' || !isEveryone(statement.Principal)) return [];
    if (restrictsRequester(statement.Condition)) return [];
    const label = typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : `#${index}`;
    // NotAction with Allow grants everything except the listed actions: treat as read and write.
    const actions = statement.NotAction !== undefined ? ['*'] : asArray(statement.Action).map(String);
    const read = actions.some((a) => grants(a, READ_SAMPLES, READ_PREFIXES));
    const write = actions.some((a) => grants(a, WRITE_SAMPLES, WRITE_PREFIXES));
    const access = read && write ? 'read/write' : write ? 'write' : 'read';
    return [{ label, access, actions: statement.NotAction !== undefined ? ['NotAction'] : actions }];
  });
}

const READ_SAMPLES = ['s3:getobject', 's3:listbucket', 's3:getobjectversion'];
const READ_PREFIXES = ['s3:get', 's3:list'];
const WRITE_SAMPLES = ['s3:putobject', 's3:deleteobject', 's3:putbucketpolicy', 's3:putbucketacl', 's3:deletebucket'];
const WRITE_PREFIXES = ['s3:put', 's3:delete', 's3:abort', 's3:restore', 's3:replicate', 's3:create', 's3:update', 's3:bypass'];

function grants(pattern: string, samples: readonly string[], prefixes: readonly string[]): boolean {
  const lower = pattern.toLowerCase();
  if (prefixes.some((p) => lower.startsWith(p))) return true;
  const regex = new RegExp(`^${lower.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return samples.some((s) => regex.test(s));
}

/** Condition keys that limit who can use the grant to a fixed set (S3's definition of "not public"). */
const RESTRICTING_KEYS = new Set([
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceip',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:userid',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
]);

function restrictsRequester(condition: unknown): boolean {
  if (!isRecord(condition)) return false;
  return Object.entries(condition).some(([operator, block]) => {
    // Negated and Null operators exclude some requesters but admit everyone else.
    if (/not|null/i.test(operator) || !isRecord(block)) return false;
    return Object.entries(block).some(([key, value]) => {
      if (!RESTRICTING_KEYS.has(key.toLowerCase())) return false;
      const values = asArray(value).map(String);
      return values.length > 0 && values.every((v) => v !== '*' && v !== '0.0.0.0/0' && v !== '::/0');
    });
  });
}

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  return isRecord(principal) && asArray(principal.AWS).includes('*');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
