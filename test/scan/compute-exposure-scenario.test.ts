import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { scanAccount, type ScanResult } from '../../lib/scan/scan-account.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';

// Issue 11 "Done when" (serverless part): a publicly invocable Lambda shows FAIL, with its citation and
// exact resource, through the real scan (collectors, snapshot validation, every check).
const REGION = 'us-east-1';
let moto: MotoServer;
let clients: AwsClientFactory;
let scan: ScanResult;

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
  const role = (await clients.get(IAMClient, REGION).send(new CreateRoleCommand({ RoleName: 'intake', AssumeRolePolicyDocument: '{}' }))).Role?.Arn;
  const lambda = clients.get(LambdaClient, REGION);
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'patient-intake',
      Runtime: 'nodejs22.x',
      Role: role,
      Handler: 'index.handler',
      Code: { ZipFile: Buffer.from('UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', 'base64') },
    }),
  );
  await lambda.send(new AddPermissionCommand({ FunctionName: 'patient-intake', StatementId: 'public', Action: 'lambda:InvokeFunction', Principal: '*' }));
  scan = await scanAccount({ clients, regions: [REGION] });
});

afterAll(async () => {
  clients?.destroy();
  await moto?.stop();
});

describe('scan of an account with a publicly invocable Lambda function', () => {
  it('reports lambda_function_not_publicly_invocable FAIL with its citations and the exact function', () => {
    const finding = scan.findings.find((f) => f.checkId === 'lambda_function_not_publicly_invocable' && f.status === 'FAIL');
    expect(finding).toMatchObject({
      citations: ['164.312(a)(1)', '164.312(e)(1)'],
      resource: {
        arn: `arn:aws:lambda:${REGION}:${MOTO_ACCOUNT_ID}:function:patient-intake`,
        id: 'patient-intake',
        type: 'AWS::Lambda::Function',
        region: REGION,
        accountId: MOTO_ACCOUNT_ID,
      },
    });
    expect(finding?.reason).toContain('principal * without a source condition');
  });

  it('collects every new call from moto except ListFunctionUrlConfigs, which moto 5.2 does not implement', () => {
    // Only the edge and compute families' calls are asserted; other families have emulator gaps of their own.
    const ours = scan.run.collectionErrors.map((e) => e.operation).filter((op) => /^(lambda|apigateway|eks|ecs|ecr|elasticmapreduce|elasticloadbalancing|cloudfront|wafv2):/.test(op));
    expect(ours).toEqual(['lambda:ListFunctionUrlConfigs']);
    const url = scan.findings.find((f) => f.checkId === 'lambda_function_url_auth_iam');
    expect(url).toMatchObject({ status: 'ERROR', resource: { id: 'patient-intake' } });
  });

  it('runs the edge and compute families in the scan', () => {
    const families = new Set(scan.findings.map((f) => f.checkId.split('_')[0]));
    for (const service of ['elbv2', 'cloudfront', 'lambda', 'apigateway', 'eks', 'ecs', 'ecr', 'emr']) expect(families).toContain(service);
  });
});
