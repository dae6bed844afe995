import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import {
  CloudFrontClient,
  CreateDistributionCommand,
  GetDistributionConfigCommand,
  ListDistributionsCommand,
  type DistributionConfig,
} from '@aws-sdk/client-cloudfront';
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateLoadBalancerCommand as CreateClassicCommand,
  CreateLoadBalancerPolicyCommand,
  DescribeLoadBalancersCommand as DescribeClassicCommand,
  ElasticLoadBalancingClient,
  ModifyLoadBalancerAttributesCommand as ModifyClassicAttributesCommand,
  SetLoadBalancerPoliciesOfListenerCommand,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
  ModifyLoadBalancerAttributesCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient, UploadServerCertificateCommand } from '@aws-sdk/client-iam';
import { AssociateWebACLCommand, CreateWebACLCommand, GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { edgeChecks } from '../../lib/checks/edge/index.js';
import type { CheckResult } from '../../lib/checks/types.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, resultFor } from '../support/snapshot.js';

const EAST = 'us-east-1'; // a PASS and a FAIL of everything
const EMPTY = 'eu-west-1'; // nothing: NOT_APPLICABLE
let moto: MotoServer;
let clients: AwsClientFactory;
let snapshot: AccountSnapshot;
const ids: Record<string, string> = {};
const id = (key: string): string => ids[key] ?? `missing ${key}`;

function run(checkId: string): CheckResult[] {
  const check = edgeChecks.find((c) => c.id === checkId);
  if (!check) throw new Error(`no check ${checkId}`);
  return evaluateCheck(check, snapshot);
}

/** The one result about `resourceId`: status, type, region, and a reason that names the resource. */
function expectResult(checkId: string, resourceId: string, status: CheckResult['status'], type: string, region = EAST): CheckResult {
  const result = resultFor(run(checkId), resourceId);
  expect({ status: result.status, reason: result.reason }).toMatchObject({ status }); // reason shown on failure
  expect(result.resource).toMatchObject({ type, region, accountId: MOTO_ACCOUNT_ID });
  expect(result.reason).toContain(resourceId.split('/').at(-1));
  return result;
}

function expectRegionNa(checkId: string): void {
  expect(run(checkId).filter((r) => r.resource.region === EMPTY)).toEqual([
    expect.objectContaining({ status: 'NOT_APPLICABLE', resource: expect.objectContaining({ id: `${MOTO_ACCOUNT_ID}/${EMPTY}` }) }),
  ]);
}

async function seedElbv2(): Promise<void> {
  const ec2 = clients.get(EC2Client, EAST);
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc?.VpcId ?? '';
  const subnet = async (cidr: string, az: string) =>
    (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: az }))).Subnet?.SubnetId ?? '';
  const subnets = [await subnet('10.0.1.0/24', 'us-east-1a'), await subnet('10.0.2.0/24', 'us-east-1b')];
  const elb = clients.get(ElasticLoadBalancingV2Client, EAST);
  const create = async (name: string, input: Partial<ConstructorParameters<typeof CreateLoadBalancerCommand>[0]>) =>
    (await elb.send(new CreateLoadBalancerCommand({ Name: name, Subnets: subnets, ...input }))).LoadBalancers?.[0]?.LoadBalancerArn ?? '';
  const web = await create('web', { Scheme: 'internet-facing' });
  await create('bare', { Scheme: 'internet-facing' });
  await create('inside', { Scheme: 'internal' });
  await create('tcp', { Type: 'network', Scheme: 'internal' });
  await elb.send(
    new ModifyLoadBalancerAttributesCommand({
      LoadBalancerArn: web,
      Attributes: [
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: 'alb-logs' },
        { Key: 'deletion_protection.enabled', Value: 'true' },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
      ],
    }),
  );
  const waf = clients.get(WAFV2Client, EAST);
  const acl = await waf.send(
    new CreateWebACLCommand({
      Name: 'edge-acl',
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      VisibilityConfig: { SampledRequestsEnabled: false, CloudWatchMetricsEnabled: false, MetricName: 'edge' },
    }),
  );
  await waf.send(new AssociateWebACLCommand({ WebACLArn: acl.Summary?.ARN, ResourceArn: web }));

  ids.acmCert = (await clients.get(ACMClient, EAST).send(new RequestCertificateCommand({ DomainName: 'clinic.example.org' }))).CertificateArn ?? '';
  const iamCert = await clients
    .get(IAMClient, EAST)
    .send(new UploadServerCertificateCommand({ ServerCertificateName: 'web', CertificateBody: 'body', PrivateKey: 'key' }));
  const ok200 = [{ Type: 'fixed-response' as const, FixedResponseConfig: { StatusCode: '200' } }];
  const listener = async (name: string, input: Omit<ConstructorParameters<typeof CreateListenerCommand>[0], 'LoadBalancerArn'>) => {
    const arn = (await elb.send(new CreateListenerCommand({ LoadBalancerArn: web, ...input }))).Listeners?.[0]?.ListenerArn ?? '';
    ids[name] = arn.split('/').slice(-3).join('/');
  };
  await listener('httpsModern', {
    Protocol: 'HTTPS',
    Port: 443,
    SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    Certificates: [{ CertificateArn: ids.acmCert }],
    DefaultActions: ok200,
  });
  await listener('httpsOld', {
    Protocol: 'HTTPS',
    Port: 8443,
    SslPolicy: 'ELBSecurityPolicy-2016-08',
    Certificates: [{ CertificateArn: iamCert.ServerCertificateMetadata?.Arn ?? '' }],
    DefaultActions: ok200,
  });
  await listener('httpRedirect', {
    Protocol: 'HTTP',
    Port: 80,
    DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
  });
  await listener('httpPlain', { Protocol: 'HTTP', Port: 8080, DefaultActions: ok200 });
}

async function seedClassic(): Promise<void> {
  const elb = clients.get(ElasticLoadBalancingClient, EAST);
  const https = { Protocol: 'HTTPS', LoadBalancerPort: 443, InstanceProtocol: 'HTTP', InstancePort: 80, SSLCertificateId: ids.acmCert };
  await elb.send(new CreateClassicCommand({ LoadBalancerName: 'classic-good', AvailabilityZones: ['us-east-1a'], Listeners: [https] }));
  await elb.send(
    new CreateClassicCommand({
      LoadBalancerName: 'classic-bad',
      AvailabilityZones: ['us-east-1a'],
      Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }, https],
    }),
  );
  const policy = async (lb: string, name: string, reference: string) => {
    await elb.send(
      new CreateLoadBalancerPolicyCommand({
        LoadBalancerName: lb,
        PolicyName: name,
        PolicyTypeName: 'SSLNegotiationPolicyType',
        PolicyAttributes: [{ AttributeName: 'Reference-Security-Policy', AttributeValue: reference }],
      }),
    );
    await elb.send(new SetLoadBalancerPoliciesOfListenerCommand({ LoadBalancerName: lb, LoadBalancerPort: 443, PolicyNames: [name] }));
  };
  await policy('classic-good', 'tls12', 'ELBSecurityPolicy-TLS-1-2-2017-01');
  await policy('classic-bad', 'legacy', 'ELBSecurityPolicy-2016-08');
  await elb.send(
    new ModifyClassicAttributesCommand({
      LoadBalancerName: 'classic-good',
      LoadBalancerAttributes: { AccessLog: { Enabled: true, S3BucketName: 'elb-logs', EmitInterval: 60 } },
    }),
  );
}

/** A distribution config; moto stores and returns it through GetDistributionConfig. */
function distribution(reference: string, overrides: Partial<DistributionConfig>): DistributionConfig {
  return {
    CallerReference: reference,
    Comment: reference,
    Enabled: true,
    Origins: {
      Quantity: 1,
      Items: [
        {
          Id: 'o',
          DomainName: 'api.clinic.example.org',
          CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only', OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] } },
        },
      ],
    },
    DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'redirect-to-https', ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } }, MinTTL: 0 },
    ...overrides,
  } as DistributionConfig;
}

async function seedCloudFront(): Promise<void> {
  const cloudfront = clients.get(CloudFrontClient, EAST);
  const create = async (config: DistributionConfig) =>
    (await cloudfront.send(new CreateDistributionCommand({ DistributionConfig: config }))).Distribution?.Id ?? '';
  ids.goodDistribution = await create(
    distribution('good', {
      ViewerCertificate: { ACMCertificateArn: ids.acmCert, SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
      Logging: { Enabled: true, IncludeCookies: false, Bucket: 'cf-logs.s3.amazonaws.com', Prefix: 'good/' },
      WebACLId: `arn:aws:wafv2:us-east-1:${MOTO_ACCOUNT_ID}:global/webacl/edge-acl/1234`,
      CacheBehaviors: {
        Quantity: 1,
        Items: [
          { PathPattern: '/api/*', TargetOriginId: 'o', ViewerProtocolPolicy: 'https-only', ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } }, MinTTL: 0 },
        ],
      } as DistributionConfig['CacheBehaviors'],
    }),
  );
  ids.badDistribution = await create(
    distribution('bad', {
      ViewerCertificate: { ACMCertificateArn: ids.acmCert, SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1' },
      Origins: {
        Quantity: 1,
        Items: [{ Id: 'o', DomainName: 'api.clinic.example.org', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'http-only' } }],
      },
      CacheBehaviors: {
        Quantity: 1,
        Items: [
          { PathPattern: '/img/*', TargetOriginId: 'o', ViewerProtocolPolicy: 'allow-all', ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } }, MinTTL: 0 },
        ],
      } as DistributionConfig['CacheBehaviors'],
    }),
  );
}

describe('edge family: load balancers, CloudFront and WAF (moto)', () => {
  beforeAll(async () => {
    moto = await startMoto();
    clients = motoClients(moto);
    await seedElbv2();
    await Promise.all([seedClassic(), seedCloudFront()]);
    snapshot = await collectSnapshot(clients, { regions: [EAST, EMPTY], families: ['edge'] });
  });

  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  it('elbv2_listener_tls: modern HTTPS and redirect PASS; old policy and plain HTTP FAIL', () => {
    const type = 'AWS::ElasticLoadBalancingV2::Listener';
    expectResult('elbv2_listener_tls', id('httpsModern'), 'PASS', type);
    expectResult('elbv2_listener_tls', id('httpRedirect'), 'PASS', type);
    const old = expectResult('elbv2_listener_tls', id('httpsOld'), 'FAIL', type);
    expect(old.reason).toContain('ELBSecurityPolicy-2016-08');
    expectResult('elbv2_listener_tls', id('httpPlain'), 'FAIL', type);
    expectRegionNa('elbv2_listener_tls');
  });

  it('elbv2_listener_acm_certificate: ACM PASS, IAM server certificate FAIL, HTTP listeners not judged', () => {
    const type = 'AWS::ElasticLoadBalancingV2::Listener';
    expectResult('elbv2_listener_acm_certificate', id('httpsModern'), 'PASS', type);
    const iam = expectResult('elbv2_listener_acm_certificate', id('httpsOld'), 'FAIL', type);
    expect(iam.reason).toContain(':server-certificate/web');
    expect(run('elbv2_listener_acm_certificate').some((r) => r.resource.id === id('httpPlain'))).toBe(false);
    expectRegionNa('elbv2_listener_acm_certificate');
  });

  it('elbv2 attribute checks: access logs, deletion protection, invalid headers', () => {
    const type = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
    const logs = expectResult('elbv2_alb_access_logging_enabled', 'web', 'PASS', type);
    expect(logs.resource.arn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/web\//);
    expect(logs.reason).toContain('alb-logs');
    expectResult('elbv2_alb_access_logging_enabled', 'bare', 'FAIL', type);
    expect(run('elbv2_alb_access_logging_enabled').some((r) => r.resource.id === 'tcp')).toBe(false); // NLB
    expectResult('elbv2_deletion_protection_enabled', 'web', 'PASS', type);
    expectResult('elbv2_deletion_protection_enabled', 'tcp', 'FAIL', type);
    expectResult('elbv2_alb_drop_invalid_header_fields', 'web', 'PASS', type);
    expectResult('elbv2_alb_drop_invalid_header_fields', 'inside', 'FAIL', type);
    expectRegionNa('elbv2_deletion_protection_enabled');
  });

  it('elbv2_alb_waf_attached: internet-facing ALB with a web ACL PASS, without FAIL, internal ones not judged', () => {
    const type = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
    expect(expectResult('elbv2_alb_waf_attached', 'web', 'PASS', type).reason).toContain('edge-acl');
    expectResult('elbv2_alb_waf_attached', 'bare', 'FAIL', type);
    expect(run('elbv2_alb_waf_attached').map((r) => r.resource.id)).not.toContain('inside');
    expectRegionNa('elbv2_alb_waf_attached');
  });

  it('elb_classic_https_listeners_only: HTTPS with a TLS 1.2 policy PASS; HTTP and a 2016 policy FAIL', () => {
    const type = 'AWS::ElasticLoadBalancing::LoadBalancer';
    const good = expectResult('elb_classic_https_listeners_only', 'classic-good', 'PASS', type);
    expect(good.resource.arn).toBe(`arn:aws:elasticloadbalancing:${EAST}:${MOTO_ACCOUNT_ID}:loadbalancer/classic-good`);
    const bad = expectResult('elb_classic_https_listeners_only', 'classic-bad', 'FAIL', type);
    expect(bad.reason).toContain('listener HTTP:80 is plaintext');
    expect(bad.reason).toContain('ELBSecurityPolicy-2016-08');
    expectRegionNa('elb_classic_https_listeners_only');
  });

  it('elb_classic_access_logging_enabled: PASS with access logs, FAIL without', () => {
    const type = 'AWS::ElasticLoadBalancing::LoadBalancer';
    expect(expectResult('elb_classic_access_logging_enabled', 'classic-good', 'PASS', type).reason).toContain('elb-logs');
    expectResult('elb_classic_access_logging_enabled', 'classic-bad', 'FAIL', type);
    expectRegionNa('elb_classic_access_logging_enabled');
  });

  it('cloudfront_distribution_https_only: PASS for HTTPS-only, FAIL for allow-all, TLSv1 and http-only origin', () => {
    const type = 'AWS::CloudFront::Distribution';
    const good = expectResult('cloudfront_distribution_https_only', id('goodDistribution'), 'PASS', type, 'global');
    expect(good.resource.arn).toContain(id('goodDistribution'));
    const bad = expectResult('cloudfront_distribution_https_only', id('badDistribution'), 'FAIL', type, 'global');
    expect(bad.reason).toContain('/img/* allows HTTP');
    expect(bad.reason).toContain('TLSv1');
    expect(bad.reason).toContain('origin o is reached over HTTP only');
  });

  it('cloudfront_distribution_min_tls12, cloudfront_origin_https_only, logging and WAF: PASS and FAIL', () => {
    const type = 'AWS::CloudFront::Distribution';
    const good = id('goodDistribution');
    const bad = id('badDistribution');
    expect(expectResult('cloudfront_distribution_min_tls12', good, 'PASS', type, 'global').reason).toContain('TLSv1.2_2021');
    expect(expectResult('cloudfront_distribution_min_tls12', bad, 'FAIL', type, 'global').reason).toContain('down to TLSv1');
    expectResult('cloudfront_origin_https_only', good, 'PASS', type, 'global');
    expect(expectResult('cloudfront_origin_https_only', bad, 'FAIL', type, 'global').reason).toContain('origin o is reached over HTTP only');
    expect(expectResult('cloudfront_distribution_logging_enabled', good, 'PASS', type, 'global').reason).toContain('cf-logs');
    expectResult('cloudfront_distribution_logging_enabled', bad, 'FAIL', type, 'global');
    expect(expectResult('cloudfront_distribution_waf_attached', good, 'PASS', type, 'global').reason).toContain('edge-acl');
    expectResult('cloudfront_distribution_waf_attached', bad, 'FAIL', type, 'global');
  });

  it('global checks yield nothing when global services are out of scope', async () => {
    const regional = await collectSnapshot(clients, { regions: [EMPTY], families: ['edge'], includeGlobal: false });
    const check = edgeChecks.find((c) => c.id === 'cloudfront_distribution_waf_attached');
    expect(check && evaluateCheck(check, regional)).toEqual([]);
  });
});

/** An AccessDenied as the SDK throws it. */
function accessDenied(): Error {
  return Object.assign(new Error('User is not authorized to perform this action'), { name: 'AccessDenied' });
}

describe('edge family: a denied call makes exactly its dependent results ERROR (aws-sdk-client-mock)', () => {
  // Mock: moto cannot deny one call while answering the others.
  it('reports ERROR on the load balancer, the region or the distribution whose call failed', async () => {
    const elbv2 = mockClient(ElasticLoadBalancingV2Client);
    const classic = mockClient(ElasticLoadBalancingClient);
    const waf = mockClient(WAFV2Client);
    const cloudfront = mockClient(CloudFrontClient);
    try {
      const lbArn = `arn:aws:elasticloadbalancing:${EAST}:${MOTO_ACCOUNT_ID}:loadbalancer/app/denied/1`;
      elbv2.on(DescribeLoadBalancersCommand).resolves({
        LoadBalancers: [{ LoadBalancerArn: lbArn, LoadBalancerName: 'denied', Type: 'application', Scheme: 'internet-facing' }],
      });
      elbv2.on(DescribeListenersCommand).resolves({ Listeners: [] });
      elbv2.on(DescribeLoadBalancerAttributesCommand).rejects(accessDenied());
      waf.on(GetWebACLForResourceCommand).rejects(accessDenied());
      classic.on(DescribeClassicCommand).rejects(accessDenied());
      cloudfront.on(ListDistributionsCommand).resolves({
        DistributionList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: 1, Items: [{ Id: 'EDENIED', ARN: 'arn:aws:cloudfront::123456789012:distribution/EDENIED' }] },
      } as never);
      cloudfront.on(GetDistributionConfigCommand).rejects(accessDenied());
      const offline = new AwsClientFactory({ endpoint: 'http://127.0.0.1:1', credentials: TEST_CREDENTIALS, maxAttempts: 1 });
      snapshot = await collectSnapshot(offline, { regions: [EAST], families: ['edge'] });

      for (const [checkId, resourceId, operation] of [
        ['elbv2_alb_access_logging_enabled', 'denied', 'elbv2:DescribeLoadBalancerAttributes'],
        ['elbv2_alb_waf_attached', 'denied', 'wafv2:GetWebACLForResource'],
        ['elb_classic_access_logging_enabled', `${MOTO_ACCOUNT_ID}/${EAST}`, 'elb:DescribeLoadBalancers'],
        ['cloudfront_distribution_logging_enabled', 'EDENIED', 'cloudfront:GetDistributionConfig'],
      ] as const) {
        const result = resultFor(run(checkId), resourceId);
        expect(result).toMatchObject({ status: 'ERROR' });
        expect(result.reason).toContain(`${operation} failed with AccessDenied`);
      }
      // The listing itself succeeded: the listener check has nothing to judge, not an ERROR.
      expect(run('elbv2_listener_tls').map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
    } finally {
      for (const mock of [elbv2, classic, waf, cloudfront]) mock.restore();
    }
  });
});
