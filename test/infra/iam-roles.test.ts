import { beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_READ_ACTIONS } from '../../infra/collector-actions.js';
import { parsePipelineConfig } from '../../lib/config/pipeline-config.js';
import { actionsOf, readOnlyViolation, roleId, roleStatements } from './iam-policy.js';
import { assertProps, cdkJsonContext, synthesize, type Synthesized } from './synth.js';

let accounts: Synthesized;
let organization: Synthesized;

beforeAll(() => {
  // IAM is independent of the handler code, so these two synths skip esbuild bundling.
  const sample = parsePipelineConfig(cdkJsonContext().hipaaAudit);
  accounts = synthesize();
  organization = synthesize({ config: { ...sample, targets: { organization: true } } });
});

describe('member role (StackSet template)', () => {
  it('grants exactly the collector read actions, all of them read-only', () => {
    const statements = roleStatements(accounts.memberRole, roleId(accounts.memberRole, 'ReadOnlyRole'));
    const actions = actionsOf(statements);
    expect([...actions].sort()).toEqual([...MEMBER_READ_ACTIONS].sort());
    expect(actions.map((a) => [a, readOnlyViolation(a)]).filter(([, v]) => v)).toEqual([]);
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
  });

  it('grants apigateway:GET only on configuration paths, never on * (it would read API key values)', () => {
    const statements = roleStatements(accounts.memberRole, roleId(accounts.memberRole, 'ReadOnlyRole'));
    const apiGateway = statements.filter((s) => actionsOf([s]).includes('apigateway:GET'));
    expect(apiGateway).toHaveLength(1);
    const resources = JSON.stringify(apiGateway[0]?.Resource);
    expect(resources).toContain('/restapis/*/stages');
    expect(resources).not.toContain('"*"');
    expect(resources).not.toContain('apikeys');
  });

  it('trusts only the collector role ARN parameter, with the ExternalId', () => {
    assertProps(accounts.memberRole, 'AWS::IAM::Role', {
      RoleName: 'HipaaAuditReadOnly',
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { AWS: { Ref: 'CollectorRoleArn' } },
            Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
          },
        ],
        Version: '2012-10-17',
      },
    });
  });

  it('needs no CDK bootstrap or assets in member accounts', () => {
    const template = accounts.memberRole.toJSON() as { Parameters?: Record<string, unknown>; Rules?: unknown };
    expect(Object.keys(template.Parameters ?? {}).sort()).toEqual(['CollectorRoleArn', 'ExternalId']);
    expect(template.Rules).toBeUndefined();
  });
});

describe('collector role', () => {
  it('can only assume the member roles of the configured accounts', () => {
    const statements = roleStatements(accounts.pipeline, roleId(accounts.pipeline, 'PipelineCollectorRole'));
    expect(statements).toEqual([
      {
        Sid: 'AssumeMemberReadOnlyRoles',
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: ['111111111111', '222222222222'].map((a) => ({
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${a}:role/HipaaAuditReadOnly`]],
        })),
      },
    ]);
  });

  it('in organization mode adds only organizations:ListAccounts and fences the wildcard to the organization', () => {
    const statements = roleStatements(organization.pipeline, roleId(organization.pipeline, 'PipelineCollectorRole'));
    const nonAssume = actionsOf(statements).filter((a) => a !== 'sts:AssumeRole');
    expect(nonAssume).toEqual(['organizations:ListAccounts']);
    expect(nonAssume.map(readOnlyViolation)).toEqual([undefined]);
    const assume = statements.find((s) => s.Action === 'sts:AssumeRole');
    expect(assume?.Condition).toEqual({ StringEquals: { 'aws:ResourceOrgID': '${aws:PrincipalOrgID}' } });
  });

  it('is trusted only by the resolve and scan Lambda roles', () => {
    const role = accounts.pipeline.toJSON().Resources[roleId(accounts.pipeline, 'PipelineCollectorRole')] as {
      Properties: { AssumeRolePolicyDocument: { Statement: { Principal: { AWS: { 'Fn::GetAtt': [string, string] }[] } }[] } };
    };
    const principals = role.Properties.AssumeRolePolicyDocument.Statement.flatMap((s) => s.Principal.AWS).map((p) => p['Fn::GetAtt'][0]);
    expect(principals.sort()).toEqual([expect.stringMatching(/^PipelineFunctionsResolveTargetsRole/), expect.stringMatching(/^PipelineFunctionsScanTargetRole/)]);
  });

  it('organization mode passes cdk-nag too', () => {
    expect(organization.violations.map((v) => `${v.rule}: ${v.paths.join(', ')}`)).toEqual([]);
  });
});

describe('auditor role', () => {
  it('reads evidence, decrypts it, restores archived evidence and fetches the manifest public key, nothing else', () => {
    const actions = actionsOf(roleStatements(accounts.pipeline, roleId(accounts.pipeline, 'PipelineAuditorRole')));
    expect(actions.sort()).toEqual(
      ['kms:Decrypt', 'kms:GetPublicKey', 's3:GetObject', 's3:GetObjectRetention', 's3:GetObjectVersion', 's3:ListBucket', 's3:RestoreObject'].sort(),
    );
  });
});

describe('pipeline Lambda roles', () => {
  it('act only on this stack\'s resources and reach member accounts only through the collector role', () => {
    for (const prefix of ['PipelineFunctionsResolveTargetsRole', 'PipelineFunctionsScanTargetRole', 'PipelineFunctionsFinalizeRunRole', 'PipelineFunctionsSendDigestRole']) {
      const statements = roleStatements(accounts.pipeline, roleId(accounts.pipeline, prefix));
      // Every statement names this stack's own resources: nothing on Resource *, no action wildcard.
      expect({ prefix, onStar: statements.filter((st) => JSON.stringify(st.Resource).includes('"*"')) }).toEqual({ prefix, onStar: [] });
      expect({ prefix, wildcards: actionsOf(statements).filter((a) => a.includes('*')) }).toEqual({ prefix, wildcards: [] });
      const assumes = statements.filter((st) => st.Action === 'sts:AssumeRole').map((st) => st.Resource);
      expect(assumes).toEqual(assumes.map(() => ({ 'Fn::GetAtt': [expect.stringMatching(/^PipelineCollectorRole/), 'Arn'] })));
    }
  });
});
