import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { buildDigestInput } from '../../lib/digest/build-input.js';
import { renderDigest } from '../../lib/digest/render.js';
import { ScanReportSchema, toScanReport } from '../../lib/report/json.js';
import { renderTable } from '../../lib/report/table.js';
import { explorerTypeOf } from '../../lib/scan/coverage.js';
import { scanAccount, type ScanResult } from '../../lib/scan/scan-account.js';
import { freshStores } from '../store/helpers.js';
import { jsonServiceError, startMotoProxy, type CannedResponse, type MotoProxy, type ProxiedRequest } from '../support/moto-proxy.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto.js';

// moto answers HTTP 500 for AWS Config's GetDiscoveredResourceCounts and does not emulate Resource Explorer
// (checked: both 500 with moto 5). A proxy in front of moto answers exactly those two operations in their
// wire formats (Config: JSON 1.1; Resource Explorer: REST-JSON); every other call reaches moto.
const REGION = 'us-east-1';
let moto: MotoServer;
let proxy: MotoProxy;
let answer: (req: ProxiedRequest) => CannedResponse | undefined = () => undefined;

const isConfigCounts = (r: ProxiedRequest) => r.amzTarget === 'StarlingDoveService.GetDiscoveredResourceCounts';
const isExplorerList = (r: ProxiedRequest) => r.method === 'POST' && r.path.startsWith('/ListResources');
const json = (body: unknown): CannedResponse => ({ status: 200, body: JSON.stringify(body) });

async function scan(): Promise<ScanResult> {
  const clients = new AwsClientFactory({ endpoint: proxy.url, credentials: TEST_CREDENTIALS, retryMode: 'standard', maxAttempts: 1 });
  try {
    return await scanAccount({ clients, regions: [REGION], includeGlobal: true });
  } finally {
    clients.destroy();
  }
}

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startMotoProxy(moto.url, (req) => answer(req));
  const clients = motoClients(moto);
  await clients.get(S3Client, REGION).send(new CreateBucketCommand({ Bucket: 'clinic-phi' }));
  await clients.get(EC2Client, REGION).send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 }));
  clients.destroy();
});
afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

describe('coverage: what the audit does not look at', () => {
  it('sets AWS Config counts (every page) against the assessed types and shows the rest in table, JSON and digest', async () => {
    answer = (req) => {
      if (!isConfigCounts(req)) return undefined;
      const token = (JSON.parse(req.body) as { nextToken?: string }).nextToken;
      return token === 'page-2'
        ? json({ totalDiscoveredResources: 55, resourceCounts: [{ resourceType: 'AWS::Glue::Job', count: 12 }, { resourceType: 'AWS::Config::ResourceCompliance', count: 40 }] })
        : json({ totalDiscoveredResources: 55, resourceCounts: [{ resourceType: 'AWS::S3::Bucket', count: 1 }, { resourceType: 'AWS::EC2::Volume', count: 1 }, { resourceType: 'AWS::Athena::WorkGroup', count: 3 }], nextToken: 'page-2' });
    };
    const result = await scan();
    expect(result.run.coverage).toEqual([
      {
        accountId: MOTO_ACCOUNT_ID,
        region: REGION,
        source: 'config',
        assessed: [
          { resourceType: 'AWS::EC2::Volume', count: 1 },
          { resourceType: 'AWS::S3::Bucket', count: 1 },
        ],
        unassessed: [
          { resourceType: 'AWS::Glue::Job', count: 12 },
          { resourceType: 'AWS::Athena::WorkGroup', count: 3 },
        ],
      },
    ]);
    expect(renderTable(result.run, result.findings)).toContain(`${MOTO_ACCOUNT_ID} us-east-1 (AWS Config inventory): AWS::Glue::Job 12, AWS::Athena::WorkGroup 3`);
    expect(ScanReportSchema.parse(toScanReport(result.run, result.findings)).run.coverage[0]?.unassessed[0]).toEqual({ resourceType: 'AWS::Glue::Job', count: 12 });

    // The run is stored with its coverage, and the officer's digest reads it back from the store.
    const clients = motoClients(moto);
    const stores = await freshStores(clients);
    await stores.findings.recordRun(result.run, result.findings);
    const input = await buildDigestInput({
      findings: stores.findings,
      suppressions: stores.suppressions,
      period: { from: '2000-01-01T00:00:00.000Z', to: new Date(Date.now() + 60_000).toISOString() },
      now: new Date(Date.now() + 60_000),
      organizationName: 'Demo Clinic',
      officerEmails: [],
    });
    clients.destroy();
    expect(renderDigest(input).text).toContain(`* ${MOTO_ACCOUNT_ID} us-east-1: AWS::Glue::Job 12, AWS::Athena::WorkGroup 3`);
  });

  it('falls back to Resource Explorer when AWS Config records nothing, matching its type names', async () => {
    answer = (req) => {
      if (isConfigCounts(req)) return json({ totalDiscoveredResources: 0, resourceCounts: [] });
      if (isExplorerList(req)) {
        const resource = (type: string, i: number) => ({ Arn: `arn:aws:${type}/${i}`, ResourceType: type, Region: REGION, OwningAccountId: MOTO_ACCOUNT_ID });
        return json({ Resources: [resource('s3:bucket', 1), resource('ec2:volume', 1), resource('glue:job', 1), resource('glue:job', 2)], ViewArn: 'arn:aws:resource-explorer-2:us-east-1:123456789012:view/default/1' });
      }
      return undefined;
    };
    const result = await scan();
    expect(result.run.coverage?.[0]).toMatchObject({
      source: 'resource-explorer',
      assessed: [{ resourceType: 'ec2:volume', count: 1 }, { resourceType: 's3:bucket', count: 1 }],
      unassessed: [{ resourceType: 'glue:job', count: 2 }],
    });
    expect(JSON.parse(proxy.answered.filter(isExplorerList).at(-1)?.body ?? '{}')).toMatchObject({ Filters: { FilterString: 'region:us-east-1' } });
  });

  it('says why there is no inventory, and an inventory failure does not make the run PARTIAL', async () => {
    answer = (req) => {
      if (isConfigCounts(req)) return json({ totalDiscoveredResources: 0, resourceCounts: [] });
      if (isExplorerList(req)) return jsonServiceError('UnauthorizedException', 'no default view', 401);
      return undefined;
    };
    const noView = await scan();
    expect(noView.run.coverage?.[0]).toMatchObject({
      source: 'unavailable',
      reason: 'inventory unavailable: AWS Config records no resources here (no recorder running); Resource Explorer has no default view in this region',
    });

    answer = (req) =>
      isConfigCounts(req) || isExplorerList(req) ? jsonServiceError('AccessDeniedException', 'User is not authorized', 403) : undefined;
    const denied = await scan();
    expect(denied.run.coverage?.[0]?.reason).toBe(
      'inventory unavailable: AWS Config: config:GetDiscoveredResourceCounts failed with AccessDeniedException; Resource Explorer: resource-explorer-2:ListResources failed with AccessDeniedException',
    );
    expect(denied.run.collectionErrors.map((e) => e.operation)).not.toContain('config:GetDiscoveredResourceCounts');
    expect(denied.run.status).toBe(noView.run.status);

    // Unanswered, moto's own HTML 500 page reaches the SDK, which cannot parse it: the reason names the status.
    answer = () => undefined;
    const emulatorGap = await scan();
    expect(emulatorGap.run.coverage?.[0]?.reason).toBe(
      'inventory unavailable: AWS Config: config:GetDiscoveredResourceCounts failed with Http500; Resource Explorer: resource-explorer-2:ListResources failed with Http500',
    );
  });

  it('names CloudFormation types the way Resource Explorer does', () => {
    expect(explorerTypeOf('AWS::Logs::LogGroup')).toBe('logs:log-group');
    expect(explorerTypeOf('AWS::RDS::DBInstance')).toBe('rds:db');
    expect(explorerTypeOf('AWS::EC2::SecurityGroup')).toBe('ec2:security-group');
  });
});
