// Fault matrix: AccessDenied injected into each call of the S3 and CloudTrail collectors (every call of one
// operation, one call on one bucket or region, and a whole service), through a proxy in front of moto that
// answers in the service's own wire format (moto cannot deny a call). The rule under test: a call that
// failed can only turn the verdicts that depend on it into ERROR. Compared with the fault-free scan, no
// finding may change to, or newly appear as, PASS, FAIL or NOT_APPLICABLE, and every finding that disappears
// is replaced by an ERROR of the same check.
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, PutBucketAclCommand, PutBucketLoggingCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { findingKey, type Finding } from '../../lib/model/finding.js';
import { scanAccount, type ScanResult } from '../../lib/scan/scan-account.js';
import { accessDenied, startFaultProxy, type FaultDecider, type FaultProxy, type ProxiedCall } from '../support/fault-proxy.js';
import { startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto.js';

const REGIONS = ['us-east-1', 'us-west-2'];
let moto: MotoServer;
let proxy: FaultProxy;
let baseline: Finding[];

async function scanWith(decide: FaultDecider): Promise<ScanResult> {
  proxy.setDecider(decide);
  const clients = new AwsClientFactory({ endpoint: proxy.url, credentials: TEST_CREDENTIALS, retryMode: 'standard', maxAttempts: 2 });
  try {
    return await scanAccount({ clients, regions: REGIONS, homeRegion: REGIONS[0], concurrency: 16 });
  } finally {
    clients.destroy();
  }
}
const scanThroughProxy = async (decide: FaultDecider): Promise<Finding[]> => (await scanWith(decide)).findings;

/** Findings that a missing datum may not produce: anything but ERROR that was not there (or differed) before. */
function dishonestChanges(faulted: Finding[]): string[] {
  const before = new Map(baseline.map((f) => [findingKey(f), f]));
  const after = new Map(faulted.map((f) => [findingKey(f), f]));
  const problems: string[] = [];
  for (const [key, f] of after) {
    if (f.status === 'ERROR') continue;
    const was = before.get(key);
    if (!was) problems.push(`new ${f.status} ${f.checkId} on ${f.resource.id}: ${f.reason}`);
    else if (was.status !== f.status) problems.push(`${f.checkId} on ${f.resource.id}: ${was.status} -> ${f.status}: ${f.reason}`);
  }
  const erroredChecks = new Set(faulted.filter((f) => f.status === 'ERROR').map((f) => f.checkId));
  for (const [key, f] of before) {
    if (!after.has(key) && !erroredChecks.has(f.checkId)) problems.push(`${f.checkId} on ${f.resource.id} (${f.status}) vanished without an ERROR`);
  }
  return problems;
}

const S3_BUCKET_OPERATIONS = [
  'GetBucketLocation',
  'GetBucketEncryption',
  'GetBucketPolicy',
  'GetPublicAccessBlock',
  'GetBucketVersioning',
  'GetBucketLogging',
  'GetObjectLockConfiguration',
];
const CLOUDTRAIL_OPERATIONS = ['DescribeTrails', 'GetTrailStatus', 'GetEventSelectors'];
const BUCKETS = ['org-records', 'access-sink', 'phi-data', 'app-logs'];

const is = (service: string, operation?: string) => (call: ProxiedCall) =>
  call.service === service && (operation === undefined || call.operation === operation);

/** name → which calls get AccessDenied. */
const MATRIX: [string, (call: ProxiedCall) => boolean][] = [
  ['s3:ListBuckets', is('s3', 'ListBuckets')],
  ...S3_BUCKET_OPERATIONS.map((op): [string, (call: ProxiedCall) => boolean] => [`s3:${op} (every bucket)`, is('s3', op)]),
  ...S3_BUCKET_OPERATIONS.flatMap((op) =>
    BUCKETS.map((bucket): [string, (call: ProxiedCall) => boolean] => [`s3:${op} on ${bucket}`, (call) => is('s3', op)(call) && call.bucket === bucket]),
  ),
  ['s3-control:GetPublicAccessBlock', is('s3', 'GetPublicAccessBlock')],
  ...CLOUDTRAIL_OPERATIONS.map((op): [string, (call: ProxiedCall) => boolean] => [`cloudtrail:${op} (every region)`, is('cloudtrail', op)]),
  // Trail status and selectors are read once, in the trail's home region; the listing in every region.
  ...REGIONS.map((region): [string, (call: ProxiedCall) => boolean] => [
    `cloudtrail:DescribeTrails in ${region}`,
    (call) => is('cloudtrail', 'DescribeTrails')(call) && call.region === region,
  ]),
  ['every s3 call', is('s3')],
  ['every cloudtrail call', is('cloudtrail')],
];

describe('fault matrix: AccessDenied on S3 and CloudTrail calls never becomes PASS, FAIL or NOT_APPLICABLE', () => {
  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startFaultProxy(moto.url);
    const seed = new AwsClientFactory({ endpoint: moto.url, credentials: TEST_CREDENTIALS, maxAttempts: 2 });
    const s3 = seed.get(S3Client, REGIONS[0] ?? 'us-east-1');
    for (const bucket of BUCKETS) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const logDelivery = 'uri=http://acs.amazonaws.com/groups/s3/LogDelivery';
    await s3.send(new PutBucketAclCommand({ Bucket: 'access-sink', GrantWrite: logDelivery, GrantReadACP: logDelivery }));
    await s3.send(new PutBucketLoggingCommand({ Bucket: 'phi-data', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'access-sink', TargetPrefix: 'phi/' } } }));
    const trail = seed.get(CloudTrailClient, REGIONS[0] ?? 'us-east-1');
    await trail.send(new CreateTrailCommand({ Name: 'org-trail', S3BucketName: 'org-records', IsMultiRegionTrail: true }));
    await trail.send(new StartLoggingCommand({ Name: 'org-trail' }));
    seed.destroy();
    baseline = await scanThroughProxy(() => undefined);
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('the fault-free scan sees the log buckets by trail, by access logging and by name', () => {
    const lock = (bucket: string) => baseline.find((f) => f.checkId === 's3_bucket_object_lock_enabled' && f.resource.id === bucket)?.status;
    expect(BUCKETS.map((b) => [b, lock(b)])).toEqual([
      ['org-records', 'FAIL'],
      ['access-sink', 'FAIL'],
      ['phi-data', 'NOT_APPLICABLE'],
      ['app-logs', 'FAIL'],
    ]);
    expect(baseline.filter((f) => f.status === 'ERROR' && /\b(s3|cloudtrail):/.test(f.reason))).toEqual([]);
  });

  it.each(MATRIX)('AccessDenied on %s', async (_name, denied) => {
    proxy.injected.clear();
    const { run, findings } = await scanWith((call) => (denied(call) ? accessDenied(call) : undefined));
    expect(proxy.injected.size, 'the fault was injected').toBeGreaterThan(0);
    // Whether any verdict needed the data depends on the call (a non-log bucket needs no Object Lock
    // configuration), but the run always says what could not be read.
    expect(run.status).toBe('PARTIAL');
    expect(run.collectionErrors.some((e) => e.code === 'AccessDenied' || e.code === 'AccessDeniedException')).toBe(true);
    expect(dishonestChanges(findings)).toEqual([]);
  });

  it('the object-lock scope: a denied GetBucketLogging or DescribeTrails makes undetermined buckets ERROR, not NOT_APPLICABLE', async () => {
    const logging = await scanThroughProxy((call) => (is('s3', 'GetBucketLogging')(call) && call.bucket === 'phi-data' ? accessDenied(call) : undefined));
    const lockOf = (findings: Finding[], bucket: string) =>
      findings.find((f) => f.checkId === 's3_bucket_object_lock_enabled' && f.resource.id === bucket);
    // phi-data's logs could go to any bucket in its region, so access-sink's scope is unknown too.
    expect(lockOf(logging, 'access-sink')).toMatchObject({ status: 'ERROR', reason: expect.stringContaining('s3:GetBucketLogging failed with AccessDenied') });
    expect(lockOf(logging, 'phi-data')?.status).toBe('ERROR');
    expect(lockOf(logging, 'app-logs')?.status).toBe('FAIL');
    const trails = await scanThroughProxy((call) => (is('cloudtrail', 'DescribeTrails')(call) ? accessDenied(call) : undefined));
    expect(lockOf(trails, 'org-records')).toMatchObject({ status: 'ERROR', reason: expect.stringContaining('cloudtrail:DescribeTrails failed with AccessDenied') });
  });
});
