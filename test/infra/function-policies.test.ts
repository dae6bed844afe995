import { beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, roleId, roleStatements, type Statement } from './iam-policy.js';
import { synthesize, type Synthesized } from './synth.js';

let synth: Synthesized;

beforeAll(() => {
  // IAM does not depend on the handler code, so this synth skips esbuild bundling.
  synth = synthesize();
});

const LOGS = ['logs:CreateLogStream', 'logs:PutLogEvents'];
const WRITE_KEY = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'];

/**
 * Exactly the actions each function's code calls (both ways: none missing, none extra). A new call in a
 * handler fails this test until its permission is added here and in infra/constructs/pipeline-functions.ts.
 */
const EXPECTED_ACTIONS: Record<string, string[]> = {
  PipelineFunctionsResolveTargetsRole: [
    ...LOGS, ...WRITE_KEY, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 's3:GetObject', 's3:PutObject', 'sts:AssumeRole',
  ],
  PipelineFunctionsScanTargetRole: [...LOGS, 'kms:Decrypt', 'kms:GenerateDataKey', 'dynamodb:Query', 's3:GetObject', 's3:PutObject', 'sts:AssumeRole'],
  PipelineFunctionsSealAccountRole: [...LOGS, 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:Sign', 'kms:GetPublicKey', 's3:GetObject', 's3:PutObject', 's3:ListBucket'],
  PipelineFunctionsRecordAccountRole: [...LOGS, ...WRITE_KEY, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem', 's3:GetObject'],
  PipelineFunctionsFinalizeRunRole: [...LOGS, ...WRITE_KEY, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 's3:GetObject'],
  PipelineFunctionsSendDigestRole: [
    ...LOGS, ...WRITE_KEY, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 's3:GetObject', 's3:PutObject', 's3:ListBucket',
    'ses:SendEmail', 'ses:SendRawEmail', 'sqs:SendMessage',
  ],
  PipelineSigningKeyFingerprintHandlerRole: [...LOGS, 'kms:GetPublicKey'],
};

function statements(prefix: string): Statement[] {
  return roleStatements(synth.pipeline, roleId(synth.pipeline, prefix));
}

/** The object ARN patterns an action is allowed on, as `<bucket logical id>/<pattern>`. */
function objectScopes(prefix: string, action: string): string[] {
  return statements(prefix)
    .filter((s) => actionsOf([s]).includes(action))
    .flatMap((s) => [s.Resource].flat())
    .map((r) => {
      const join = (r as { 'Fn::Join'?: [string, [{ 'Fn::GetAtt': [string, string] }, string]] })['Fn::Join'];
      return join ? `${join[1][0]['Fn::GetAtt'][0].replace(/[0-9A-F]{8}$/, '')}${join[1][1]}` : JSON.stringify(r);
    })
    .sort();
}

describe('pipeline function policies', () => {
  for (const [prefix, expected] of Object.entries(EXPECTED_ACTIONS)) {
    it(`${prefix.replace(/^Pipeline(Functions)?/, '').replace(/Role$/, '')} holds exactly the actions its code calls`, () => {
      expect([...new Set(actionsOf(statements(prefix)))].sort()).toEqual([...expected].sort());
      expect(statements(prefix).every((s) => s.Effect === 'Allow')).toBe(true);
    });
  }

  it('scopes S3 writes by prefix: scans under evidence/*/scans/*, the seal under evidence/*, the digest under digests/* and the bundles bucket', () => {
    expect(objectScopes('PipelineFunctionsScanTargetRole', 's3:PutObject')).toEqual(['PipelineStorageEvidence/evidence/*/scans/*', 'PipelineStorageWork/runs/*']);
    expect(objectScopes('PipelineFunctionsSealAccountRole', 's3:PutObject')).toEqual(['PipelineStorageEvidence/evidence/*']);
    expect(objectScopes('PipelineFunctionsSendDigestRole', 's3:PutObject')).toEqual(['PipelineStorageBundles/bundles/*', 'PipelineStorageEvidence/digests/*']);
    expect(objectScopes('PipelineFunctionsResolveTargetsRole', 's3:PutObject')).toEqual(['PipelineStorageWork/runs/*']);
    for (const readOnly of ['PipelineFunctionsRecordAccountRole', 'PipelineFunctionsFinalizeRunRole']) {
      expect(objectScopes(readOnly, 's3:PutObject')).toEqual([]);
    }
  });

  it('lets only the sealer sign, and only with the signing key', () => {
    for (const prefix of Object.keys(EXPECTED_ACTIONS)) {
      const signs = statements(prefix).filter((s) => actionsOf([s]).includes('kms:Sign'));
      expect({ prefix, signs: signs.length }).toEqual({ prefix, signs: prefix === 'PipelineFunctionsSealAccountRole' ? 1 : 0 });
    }
    const [sign] = statements('PipelineFunctionsSealAccountRole').filter((s) => actionsOf([s]).includes('kms:Sign'));
    expect(JSON.stringify(sign?.Resource)).toMatch(/PipelineKeysManifestSigningKey/);
  });

  it('gives table access on the table only, and its indexes only to the digest (the one caller of GSI queries)', () => {
    for (const prefix of Object.keys(EXPECTED_ACTIONS)) {
      const onIndexes = statements(prefix).filter((s) => JSON.stringify(s.Resource).includes('/index/*'));
      expect({ prefix, onIndexes: onIndexes.length }).toEqual({ prefix, onIndexes: prefix === 'PipelineFunctionsSendDigestRole' ? 1 : 0 });
    }
  });

  it('lists the evidence bucket only under the prefixes the code lists', () => {
    const lists = (prefix: string) => statements(prefix).filter((s) => actionsOf([s]).includes('s3:ListBucket')).map((s) => s.Condition);
    expect(lists('PipelineFunctionsSealAccountRole')).toEqual([{ StringLike: { 's3:prefix': ['evidence/*'] } }]);
    expect(lists('PipelineFunctionsSendDigestRole')).toEqual([{ StringLike: { 's3:prefix': ['evidence/*', 'digests/*'] } }]);
  });
});
