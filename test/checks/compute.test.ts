import { APIGatewayClient, CreateDeploymentCommand, CreateDomainNameCommand, CreateRestApiCommand, CreateStageCommand, GetResourcesCommand, PutIntegrationCommand, PutMethodCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand, CreateStageCommand as CreateHttpStageCommand } from '@aws-sdk/client-apigatewayv2';
import { CreateRepositoryCommand, ECRClient, PutRegistryScanningConfigurationCommand } from '@aws-sdk/client-ecr';
import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { CreateClusterCommand, DescribeClusterCommand, EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import { EMRClient, PutBlockPublicAccessConfigurationCommand } from '@aws-sdk/client-emr';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  GetPolicyCommand,
  LambdaClient,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
  type Runtime,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { computeChecks } from '../../lib/checks/compute/index.js';
import type { Thresholds } from '../../lib/checks/thresholds.js';
import type { CheckResult } from '../../lib/checks/types.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, resultFor } from '../support/snapshot.js';

const EAST = 'us-east-1'; // a PASS and a FAIL of everything
const WEST = 'us-west-2'; // ECR enhanced scanning by registry rule
const EMPTY = 'eu-west-1'; // nothing: NOT_APPLICABLE
const NOW = new Date('2026-01-15T12:00:00Z');
let moto: MotoServer;
let clients: AwsClientFactory;
let snapshot: AccountSnapshot;
let beforeSeeding: AccountSnapshot; // moto keeps EMR block public access per account, not per region
const ids: Record<string, string> = {};

function run(checkId: string, thresholds: Partial<Thresholds> = {}, on = snapshot): CheckResult[] {
  const check = computeChecks.find((c) => c.id === checkId);
  if (!check) throw new Error(`no check ${checkId}`);
  return evaluateCheck(check, on, { now: NOW, thresholds });
}

/** The one result about `resourceId`: status, type, region, and a reason that names the resource. */
function expectResult(
  checkId: string,
  resourceId: string,
  status: CheckResult['status'],
  type: string,
  options: { region?: string; thresholds?: Partial<Thresholds>; on?: AccountSnapshot } = {},
): CheckResult {
  const result = resultFor(run(checkId, options.thresholds, options.on), resourceId);
  expect({ status: result.status, reason: result.reason }).toMatchObject({ status }); // reason shown on failure
  expect(result.resource).toMatchObject({ type, region: options.region ?? EAST, accountId: MOTO_ACCOUNT_ID });
  expect(result.reason).toContain(resourceId.split('/').at(-1));
  return result;
}

function expectRegionNa(checkId: string): void {
  expect(run(checkId).filter((r) => r.resource.region === EMPTY)).toEqual([
    expect.objectContaining({ status: 'NOT_APPLICABLE', resource: expect.objectContaining({ id: `${MOTO_ACCOUNT_ID}/${EMPTY}` }) }),
  ]);
}

const ZIP = Buffer.from('UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', 'base64'); // an empty zip archive

async function seedLambda(): Promise<void> {
  const role = (await clients.get(IAMClient, EAST).send(new CreateRoleCommand({ RoleName: 'fn', AssumeRolePolicyDocument: '{}' }))).Role?.Arn;
  const lambda = clients.get(LambdaClient, EAST);
  const fn = (name: string, runtime: Runtime, vpc: boolean) =>
    lambda.send(
      new CreateFunctionCommand({
        FunctionName: name,
        Runtime: runtime,
        Role: role,
        Handler: 'index.handler',
        Code: { ZipFile: ZIP },
        ...(vpc ? { VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] } } : {}),
      }),
    );
  await fn('public-intake', 'python3.8', false);
  await fn('private-etl', 'nodejs22.x', true);
  await fn('topic-handler', 'python3.13', false);
  await lambda.send(new AddPermissionCommand({ FunctionName: 'public-intake', StatementId: 'anyone', Action: 'lambda:InvokeFunction', Principal: '*' }));
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: 'private-etl',
      StatementId: 'bucket',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: 'arn:aws:s3:::clinic-uploads',
      SourceAccount: MOTO_ACCOUNT_ID,
    }),
  );
  await lambda.send(
    new AddPermissionCommand({ FunctionName: 'topic-handler', StatementId: 'any-topic', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }),
  );
}

async function seedApiGateway(): Promise<void> {
  const rest = clients.get(APIGatewayClient, EAST);
  ids.restApi = (await rest.send(new CreateRestApiCommand({ name: 'ehr-api' }))).id ?? '';
  const root = (await rest.send(new GetResourcesCommand({ restApiId: ids.restApi }))).items?.[0]?.id;
  await rest.send(new PutMethodCommand({ restApiId: ids.restApi, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }));
  await rest.send(new PutIntegrationCommand({ restApiId: ids.restApi, resourceId: root, httpMethod: 'GET', type: 'MOCK' }));
  const deploymentId = (await rest.send(new CreateDeploymentCommand({ restApiId: ids.restApi }))).id;
  for (const stageName of ['prod', 'dev']) {
    await rest.send(new CreateStageCommand({ restApiId: ids.restApi, stageName, deploymentId, cacheClusterEnabled: true, cacheClusterSize: '0.5' }));
  }
  await rest.send(
    new UpdateStageCommand({
      restApiId: ids.restApi,
      stageName: 'prod',
      patchOperations: [
        { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
        { op: 'replace', path: '/*/*/caching/dataEncrypted', value: 'true' },
      ],
    }),
  );
  const http = clients.get(ApiGatewayV2Client, EAST);
  ids.httpApi = (await http.send(new CreateApiCommand({ Name: 'portal', ProtocolType: 'HTTP' }))).ApiId ?? '';
  await http.send(
    new CreateHttpStageCommand({
      ApiId: ids.httpApi,
      StageName: 'live',
      AccessLogSettings: { DestinationArn: `arn:aws:logs:${EAST}:${MOTO_ACCOUNT_ID}:log-group:portal-access`, Format: '$context.requestId' },
    }),
  );
  await http.send(new CreateHttpStageCommand({ ApiId: ids.httpApi, StageName: 'scratch' }));
  const domain = (domainName: string, securityPolicy: 'TLS_1_0' | 'TLS_1_2') =>
    rest.send(
      new CreateDomainNameCommand({
        domainName,
        securityPolicy,
        regionalCertificateArn: `arn:aws:acm:${EAST}:${MOTO_ACCOUNT_ID}:certificate/abc`,
        endpointConfiguration: { types: ['REGIONAL'] },
      }),
    );
  await domain('api.clinic.example.org', 'TLS_1_2');
  await domain('legacy.clinic.example.org', 'TLS_1_0');
}

async function seedContainers(): Promise<void> {
  const eks = clients.get(EKSClient, EAST);
  const roleArn = `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/eks`;
  await eks.send(
    new CreateClusterCommand({
      name: 'locked',
      roleArn,
      resourcesVpcConfig: { subnetIds: ['subnet-1'], endpointPublicAccess: false, endpointPrivateAccess: true },
      encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: `arn:aws:kms:${EAST}:${MOTO_ACCOUNT_ID}:key/k` } }],
      logging: { clusterLogging: [{ types: ['audit', 'authenticator'], enabled: true }] },
    }),
  );
  await eks.send(
    new CreateClusterCommand({
      name: 'open',
      roleArn,
      resourcesVpcConfig: { subnetIds: ['subnet-1'], endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] },
    }),
  );
  await eks.send(
    new CreateClusterCommand({
      name: 'office-only',
      roleArn,
      resourcesVpcConfig: { subnetIds: ['subnet-1'], endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] },
    }),
  );
  const ecs = clients.get(ECSClient, EAST);
  const logging = { logDriver: 'awslogs' as const, options: { 'awslogs-group': 'app' } };
  await ecs.send(new RegisterTaskDefinitionCommand({ family: 'billing', containerDefinitions: [{ name: 'app', image: 'x', memory: 128, logConfiguration: logging }] }));
  // The family's latest revision is the one judged: revision 1 was clean, revision 2 is privileged and silent.
  await ecs.send(new RegisterTaskDefinitionCommand({ family: 'agent', containerDefinitions: [{ name: 'app', image: 'x', memory: 128, logConfiguration: logging }] }));
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'agent',
      containerDefinitions: [
        { name: 'app', image: 'x', memory: 128, logConfiguration: logging },
        { name: 'sidecar', image: 'y', memory: 64, privileged: true },
      ],
    }),
  );
  const ecr = clients.get(ECRClient, EAST);
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'ehr-app', imageScanningConfiguration: { scanOnPush: true }, encryptionConfiguration: { encryptionType: 'KMS' } }));
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'scratch' }));
  const westEcr = clients.get(ECRClient, WEST);
  await westEcr.send(new CreateRepositoryCommand({ repositoryName: 'prod-api' }));
  await westEcr.send(new CreateRepositoryCommand({ repositoryName: 'dev-api', imageScanningConfiguration: { scanOnPush: true } }));
  await westEcr.send(
    new PutRegistryScanningConfigurationCommand({
      scanType: 'ENHANCED',
      rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' }] }],
    }),
  );
  await clients.get(EMRClient, EAST).send(
    new PutBlockPublicAccessConfigurationCommand({
      BlockPublicAccessConfiguration: { BlockPublicSecurityGroupRules: true, PermittedPublicSecurityGroupRuleRanges: [{ MinRange: 22, MaxRange: 22 }] },
    }),
  );
}

describe('compute family: Lambda, API Gateway, EKS, ECS, ECR, EMR (moto)', () => {
  beforeAll(async () => {
    moto = await startMoto();
    clients = motoClients(moto);
    beforeSeeding = await collectSnapshot(clients, { regions: [EAST], families: ['compute'], includeGlobal: false });
    await Promise.all([seedLambda(), seedApiGateway(), seedContainers()]);
    snapshot = await collectSnapshot(clients, { regions: [EAST, WEST, EMPTY], families: ['compute'], includeGlobal: false });
  });

  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  it('lambda_function_not_publicly_invocable: Principal * and an unconditioned service FAIL, a conditioned source PASS', () => {
    const type = 'AWS::Lambda::Function';
    const open = expectResult('lambda_function_not_publicly_invocable', 'public-intake', 'FAIL', type);
    expect(open.resource.arn).toBe(`arn:aws:lambda:${EAST}:${MOTO_ACCOUNT_ID}:function:public-intake`);
    expect(open.reason).toContain('statement anyone allows principal *');
    expect(expectResult('lambda_function_not_publicly_invocable', 'topic-handler', 'FAIL', type).reason).toContain('sns.amazonaws.com');
    expectResult('lambda_function_not_publicly_invocable', 'private-etl', 'PASS', type);
    expectRegionNa('lambda_function_not_publicly_invocable');
  });

  it('lambda_function_runtime_supported: a deprecated runtime FAIL, a current one PASS', () => {
    const type = 'AWS::Lambda::Function';
    expect(expectResult('lambda_function_runtime_supported', 'public-intake', 'FAIL', type).reason).toContain('python3.8, deprecated by AWS on 2024-10-14');
    expectResult('lambda_function_runtime_supported', 'private-etl', 'PASS', type);
  });

  it('lambda_function_in_vpc: PASS in a VPC, FAIL when the threshold requires it, NOT_APPLICABLE otherwise', () => {
    const type = 'AWS::Lambda::Function';
    const required = { thresholds: { lambdaVpcRequiredFunctions: ['public-*'] } };
    expectResult('lambda_function_in_vpc', 'private-etl', 'PASS', type, required);
    expect(expectResult('lambda_function_in_vpc', 'public-intake', 'FAIL', type, required).reason).toContain('public-*');
    expectResult('lambda_function_in_vpc', 'topic-handler', 'NOT_APPLICABLE', type, required);
    expectResult('lambda_function_in_vpc', 'public-intake', 'NOT_APPLICABLE', type); // default: nothing required
  });

  it('apigateway_stage_logging_enabled: REST execution logging and HTTP access logging PASS, none FAIL', () => {
    const rest = expectResult('apigateway_stage_logging_enabled', `${ids.restApi}/prod`, 'PASS', 'AWS::ApiGateway::Stage');
    expect(rest.resource.arn).toBe(`arn:aws:apigateway:${EAST}::/restapis/${ids.restApi}/stages/prod`);
    expectResult('apigateway_stage_logging_enabled', `${ids.restApi}/dev`, 'FAIL', 'AWS::ApiGateway::Stage');
    expectResult('apigateway_stage_logging_enabled', `${ids.httpApi}/live`, 'PASS', 'AWS::ApiGatewayV2::Stage');
    expectResult('apigateway_stage_logging_enabled', `${ids.httpApi}/scratch`, 'FAIL', 'AWS::ApiGatewayV2::Stage');
    expectRegionNa('apigateway_stage_logging_enabled');
  });

  it('apigateway_stage_cache_encrypted and apigateway_domain_tls12: PASS and FAIL', () => {
    expectResult('apigateway_stage_cache_encrypted', `${ids.restApi}/prod`, 'PASS', 'AWS::ApiGateway::Stage');
    expect(expectResult('apigateway_stage_cache_encrypted', `${ids.restApi}/dev`, 'FAIL', 'AWS::ApiGateway::Stage').reason).toContain('*/*');
    expectResult('apigateway_domain_tls12', 'api.clinic.example.org', 'PASS', 'AWS::ApiGateway::DomainName');
    expectResult('apigateway_domain_tls12', 'legacy.clinic.example.org', 'FAIL', 'AWS::ApiGateway::DomainName');
    expectRegionNa('apigateway_domain_tls12');
  });

  it('eks checks: secrets encryption, endpoint exposure and audit logs', () => {
    const type = 'AWS::EKS::Cluster';
    expectResult('eks_cluster_secrets_encrypted', 'locked', 'PASS', type);
    expectResult('eks_cluster_secrets_encrypted', 'open', 'FAIL', type);
    expectResult('eks_cluster_endpoint_not_public', 'locked', 'PASS', type);
    expect(expectResult('eks_cluster_endpoint_not_public', 'office-only', 'PASS', type).reason).toContain('203.0.113.0/24');
    expect(expectResult('eks_cluster_endpoint_not_public', 'open', 'FAIL', type).reason).toContain('0.0.0.0/0');
    expectResult('eks_cluster_audit_logging_enabled', 'locked', 'PASS', type);
    expectResult('eks_cluster_audit_logging_enabled', 'open', 'FAIL', type);
    expectRegionNa('eks_cluster_secrets_encrypted');
  });

  it('ecs checks judge the latest ACTIVE revision: privileged and unlogged containers FAIL', () => {
    const type = 'AWS::ECS::TaskDefinition';
    const billing = expectResult('ecs_task_definition_not_privileged', 'billing:1', 'PASS', type);
    expect(billing.resource.arn).toBe(`arn:aws:ecs:${EAST}:${MOTO_ACCOUNT_ID}:task-definition/billing:1`);
    expect(expectResult('ecs_task_definition_not_privileged', 'agent:2', 'FAIL', type).reason).toContain('sidecar');
    expectResult('ecs_task_definition_logging_configured', 'billing:1', 'PASS', type);
    expect(expectResult('ecs_task_definition_logging_configured', 'agent:2', 'FAIL', type).reason).toContain('sidecar');
    expect(run('ecs_task_definition_not_privileged').some((r) => r.resource.id === 'agent:1')).toBe(false);
    expectRegionNa('ecs_task_definition_not_privileged');
  });

  it('ecr checks: scan on push (repository flag or registry rule) and KMS encryption', () => {
    const type = 'AWS::ECR::Repository';
    expectResult('ecr_repository_scan_on_push', 'ehr-app', 'PASS', type);
    expectResult('ecr_repository_scan_on_push', 'scratch', 'FAIL', type);
    expect(expectResult('ecr_repository_scan_on_push', 'prod-api', 'PASS', type, { region: WEST }).reason).toContain('prod-*');
    // Enhanced scanning ignores the repository flag: no matching rule, no scan.
    expectResult('ecr_repository_scan_on_push', 'dev-api', 'FAIL', type, { region: WEST });
    expectResult('ecr_repository_kms_encrypted', 'ehr-app', 'PASS', type);
    expect(expectResult('ecr_repository_kms_encrypted', 'scratch', 'FAIL', type).reason).toContain('AES256');
    expectRegionNa('ecr_repository_kms_encrypted');
  });

  it('emr_block_public_access_enabled: PASS once configured, FAIL before', () => {
    const on = expectResult('emr_block_public_access_enabled', `${MOTO_ACCOUNT_ID}/${EAST}`, 'PASS', 'AWS::::Account');
    expect(on.reason).toContain('permitted ports: 22');
    expectResult('emr_block_public_access_enabled', `${MOTO_ACCOUNT_ID}/${EAST}`, 'FAIL', 'AWS::::Account', { on: beforeSeeding });
  });
});

/** An AccessDenied as the SDK throws it. */
function accessDenied(): Error {
  return Object.assign(new Error('User is not authorized to perform this action'), { name: 'AccessDenied' });
}

describe('compute family (aws-sdk-client-mock)', () => {
  const offline = () => new AwsClientFactory({ endpoint: 'http://127.0.0.1:1', credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  const fnArn = (name: string) => `arn:aws:lambda:${EAST}:${MOTO_ACCOUNT_ID}:function:${name}`;

  it('lambda_function_url_auth_iam: AWS_IAM PASS, NONE (on an alias) FAIL, no URL not judged', async () => {
    // Mock: moto 5.2 does not implement ListFunctionUrlConfigs (it answers 404), the one call that lists alias URLs too.
    const lambda = mockClient(LambdaClient);
    try {
      lambda.on(ListFunctionsCommand).resolves({
        Functions: ['signed', 'open', 'quiet'].map((name) => ({ FunctionName: name, FunctionArn: fnArn(name), Runtime: 'nodejs22.x' })),
      });
      lambda.on(GetPolicyCommand).rejects(Object.assign(new Error('no policy'), { name: 'ResourceNotFoundException' }));
      lambda.on(ListFunctionUrlConfigsCommand).resolves({ FunctionUrlConfigs: [] });
      const url = (name: string, authType: 'AWS_IAM' | 'NONE', qualifier = '') => ({
        FunctionUrl: `https://${name}.lambda-url.${EAST}.on.aws/`,
        FunctionArn: `${fnArn(name)}${qualifier}`,
        AuthType: authType,
        CreationTime: '2026-01-01T00:00:00Z',
        LastModifiedTime: '2026-01-01T00:00:00Z',
      });
      lambda.on(ListFunctionUrlConfigsCommand, { FunctionName: 'signed' }).resolves({ FunctionUrlConfigs: [url('signed', 'AWS_IAM')] });
      lambda
        .on(ListFunctionUrlConfigsCommand, { FunctionName: 'open' })
        .resolves({ FunctionUrlConfigs: [url('open', 'AWS_IAM'), url('open', 'NONE', ':live')] });
      const mocked = await collectSnapshot(offline(), { regions: [EAST], families: ['compute'], includeGlobal: false });
      expectResult('lambda_function_url_auth_iam', 'signed', 'PASS', 'AWS::Lambda::Function', { on: mocked });
      const open = expectResult('lambda_function_url_auth_iam', 'open', 'FAIL', 'AWS::Lambda::Function', { on: mocked });
      expect(open.reason).toContain('NONE (https://open.lambda-url');
      expect(run('lambda_function_url_auth_iam', {}, mocked).some((r) => r.resource.id === 'quiet')).toBe(false);
      // No policy (ResourceNotFoundException) is a fact, not an error.
      expectResult('lambda_function_not_publicly_invocable', 'quiet', 'PASS', 'AWS::Lambda::Function', { on: mocked });
    } finally {
      lambda.restore();
    }
  });

  it('a denied call makes exactly its dependent results ERROR', async () => {
    // Mock: moto cannot deny one call while answering the others.
    const lambda = mockClient(LambdaClient);
    const eks = mockClient(EKSClient);
    try {
      lambda.on(ListFunctionsCommand).resolves({ Functions: [{ FunctionName: 'guarded', FunctionArn: fnArn('guarded'), Runtime: 'python3.13' }] });
      lambda.on(GetPolicyCommand).rejects(accessDenied());
      lambda.on(ListFunctionUrlConfigsCommand).resolves({ FunctionUrlConfigs: [] });
      eks.on(ListClustersCommand).resolves({ clusters: ['hidden'] });
      eks.on(DescribeClusterCommand).rejects(accessDenied());
      const mocked = await collectSnapshot(offline(), { regions: [EAST], families: ['compute'], includeGlobal: false });
      for (const [checkId, resourceId, operation] of [
        ['lambda_function_not_publicly_invocable', 'guarded', 'lambda:GetPolicy'],
        ['eks_cluster_secrets_encrypted', 'hidden', 'eks:DescribeCluster'],
        ['eks_cluster_endpoint_not_public', 'hidden', 'eks:DescribeCluster'],
      ] as const) {
        const result = resultFor(run(checkId, {}, mocked), resourceId);
        expect(result.status).toBe('ERROR');
        expect(result.reason).toContain(`${operation} failed with AccessDenied`);
      }
      // The runtime comes from ListFunctions, which succeeded.
      expect(resultFor(run('lambda_function_runtime_supported', {}, mocked), 'guarded').status).toBe('PASS');
      // Clients that were not mocked could not connect: their region-level listings are ERROR, never PASS.
      expect(run('ecr_repository_kms_encrypted', {}, mocked).map((r) => r.status)).toEqual(['ERROR']);
    } finally {
      lambda.restore();
      eks.restore();
    }
  });
});
