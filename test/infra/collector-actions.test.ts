import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTOR_ACTIONS, MEMBER_READ_ACTIONS, PIPELINE_ONLY_ACTIONS } from '../../infra/collector-actions.js';
import { readOnlyViolation } from './iam-policy.js';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Where member-account API calls are made. */
const COLLECTOR_DIRS = ['lib/collectors', 'lib/scan', 'lib/collect'];

/** SDK client package -> IAM service prefix, where they differ. */
const SERVICE_PREFIX: Record<string, string> = {
  'auto-scaling': 'autoscaling',
  accessanalyzer: 'access-analyzer',
  'cloudwatch-logs': 'logs',
  'config-service': 'config',
  'database-migration-service': 'dms',
  opensearch: 'es',
  'secrets-manager': 'secretsmanager',
  efs: 'elasticfilesystem',
  'elastic-load-balancing': 'elasticloadbalancing',
  'elastic-load-balancing-v2': 'elasticloadbalancing',
  emr: 'elasticmapreduce',
  's3-control': 's3',
};
/** SDK operation -> IAM action, where the names differ. */
const ACTION_RENAMES: Record<string, string> = {
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
  's3:GetObjectLockConfiguration': 's3:GetBucketObjectLockConfiguration',
  's3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  's3-control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
  // API Gateway authorizes reads by HTTP verb on the resource path.
  'api-gateway:GetRestApis': 'apigateway:GET',
  'api-gateway:GetStages': 'apigateway:GET',
  'api-gateway:GetDomainNames': 'apigateway:GET',
  'apigatewayv2:GetApis': 'apigateway:GET',
  'apigatewayv2:GetStages': 'apigateway:GET',
  // Resource Explorer's API reference: ListResources is authorized by resource-explorer-2:Search.
  'resource-explorer-2:ListResources': 'resource-explorer-2:Search',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * IAM actions implied by `import { XCommand, paginateY } from '@aws-sdk/client-z'` in the collectors, or from
 * a stand-in client in lib/aws (`'../../aws/z-client.js'`, for a service whose SDK package is not installable).
 */
function actionsCalledByCollectors(): Map<string, string> {
  const found = new Map<string, string>();
  const importRe = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*'(?:@aws-sdk\/client-|(?:\.\.\/)+aws\/)([a-z0-9-]+?)(?:-client\.js)?'/g;
  for (const file of COLLECTOR_DIRS.flatMap(sourceFiles)) {
    for (const m of readFileSync(file, 'utf8').matchAll(importRe)) {
      if (m[1]) continue; // type-only import
      const pkg = m[3] ?? '';
      for (const raw of (m[2] ?? '').split(',')) {
        const name = raw.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? '';
        const op = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
        if (!op || raw.trim().startsWith('type ')) continue;
        const action = ACTION_RENAMES[`${pkg}:${op}`] ?? `${SERVICE_PREFIX[pkg] ?? pkg}:${op}`;
        found.set(action, file.replace(ROOT, ''));
      }
    }
  }
  return found;
}

describe('collector action list', () => {
  it('covers every AWS operation the collectors import', () => {
    const called = actionsCalledByCollectors();
    expect(called.size).toBeGreaterThan(20);
    const missing = [...called].filter(([a]) => !(MEMBER_READ_ACTIONS as readonly string[]).includes(a)).map(([a, f]) => `${a} (${f})`);
    expect(missing).toEqual([]);
  });

  it('grants nothing the collectors do not call', () => {
    const called = actionsCalledByCollectors();
    expect(MEMBER_READ_ACTIONS.filter((a) => !called.has(a))).toEqual([]);
  });

  it('contains only configuration reads, no duplicates, and keeps pipeline-only actions out of member accounts', () => {
    expect(COLLECTOR_ACTIONS.map((a) => [a, readOnlyViolation(a)]).filter(([, v]) => v)).toEqual([]);
    expect(new Set(COLLECTOR_ACTIONS).size).toBe(COLLECTOR_ACTIONS.length);
    for (const a of PIPELINE_ONLY_ACTIONS) expect(MEMBER_READ_ACTIONS).not.toContain(a);
  });

  it('rejects writes, wildcards and data-plane reads', () => {
    expect(readOnlyViolation('s3:PutObject')).toBe('not a Describe/Get/List read');
    expect(readOnlyViolation('s3:Get*')).toBe('wildcard');
    expect(readOnlyViolation('s3:GetObject')).toBe('data-plane read');
    expect(readOnlyViolation('secretsmanager:GetSecretValue')).toBe('data-plane read');
    expect(readOnlyViolation('dynamodb:Scan')).toBe('data-plane read');
    expect(readOnlyViolation('iam:GenerateCredentialReport')).toBeUndefined();
  });
});
