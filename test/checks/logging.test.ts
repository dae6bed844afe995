import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CloudTrailClient,
  CreateTrailCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeMetricFiltersCommand,
  PutMetricFilterCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  ConfigServiceClient,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import { CreateFlowLogsCommand, CreateVpcCommand, DescribeVpcsCommand, EC2Client, type TrafficType } from '@aws-sdk/client-ec2';
import { CreateDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { EnableCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { DisableMacieCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeHubCommand, EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { loggingChecks } from '../../lib/checks/logging/index.js';
import { ACTIVITIES } from '../../lib/checks/logging/helpers/monitored-activities.js';
import type { CheckResult } from '../../lib/checks/types.js';
import type { Thresholds } from '../../lib/checks/thresholds.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, namesResource } from '../support/snapshot.js';

const R1 = 'us-east-1';
const R2 = 'us-west-2';
const ACCOUNT_ARN = `arn:aws:::${MOTO_ACCOUNT_ID}`;
const REGION_ID = (region: string) => `${MOTO_ACCOUNT_ID}/${region}`;
const KMS_KEY = `arn:aws:kms:${R1}:${MOTO_ACCOUNT_ID}:key/11111111-2222-3333-4444-555555555555`;
const SNS_TOPIC = `arn:aws:sns:${R1}:${MOTO_ACCOUNT_ID}:security-alerts`;
const trailArn = (region: string, name: string) => `arn:aws:cloudtrail:${region}:${MOTO_ACCOUNT_ID}:trail/${name}`;
const logGroupArn = (region: string, name: string) => `arn:aws:logs:${region}:${MOTO_ACCOUNT_ID}:log-group:${name}`;

// The CIS AWS Foundations filter patterns, as an operator would paste them.
const CIS_PATTERNS: Record<string, string> = {
  RootUsage: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  ConsoleAuthFailures: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  IamPolicyChanges:
    '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||' +
    '($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||' +
    '($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||' +
    '($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}',
  CloudTrailChanges:
    '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
  UnauthorizedApiCalls: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  SecurityGroupChanges: ACTIVITIES.securityGroupChanges.cisPattern,
  NetworkAclChanges: ACTIVITIES.networkAclChanges.cisPattern,
  NetworkGatewayChanges: ACTIVITIES.networkGatewayChanges.cisPattern,
  RouteTableChanges: ACTIVITIES.routeTableChanges.cisPattern,
  VpcChanges: ACTIVITIES.vpcChanges.cisPattern,
  SignInWithoutMfa: ACTIVITIES.consoleSignInWithoutMfa.cisPattern,
  // Written differently from the CIS text (order, quoting, grouping): the parser must still accept it.
  KmsKeyDisabledOrDeleted: '{ $.eventSource = "kms.amazonaws.com" && ($.eventName = "ScheduleKeyDeletion" || $.eventName = "DisableKey") }',
  S3BucketPolicyChanges: ACTIVITIES.s3BucketPolicyChanges.cisPattern,
  ConfigChanges: ACTIVITIES.configChanges.cisPattern,
};

const ALARM_CHECKS = [
  'cloudwatch_alarm_root_usage',
  'cloudwatch_alarm_console_auth_failures',
  'cloudwatch_alarm_iam_policy_changes',
  'cloudwatch_alarm_cloudtrail_config_changes',
  'cloudwatch_alarm_unauthorized_api_calls',
  'cloudwatch_alarm_security_group_changes',
  'cloudwatch_alarm_network_acl_changes',
  'cloudwatch_alarm_network_gateway_changes',
  'cloudwatch_alarm_route_table_changes',
  'cloudwatch_alarm_vpc_changes',
  'cloudwatch_alarm_console_signin_without_mfa',
  'cloudwatch_alarm_kms_key_disabled_or_deleted',
  'cloudwatch_alarm_s3_bucket_policy_changes',
  'cloudwatch_alarm_aws_config_changes',
] as const;
const TRAIL_CHECKS = [
  'cloudtrail_trail_logging',
  'cloudtrail_log_file_validation_enabled',
  'cloudtrail_kms_encryption',
  'cloudtrail_cloudwatch_logs_integration',
] as const;
const REGION_CHECKS = [
  'cloudtrail_multi_region_enabled',
  'cloudtrail_s3_data_events_enabled',
  'config_recorder_enabled',
  'config_delivery_channel_configured',
  'guardduty_detector_enabled',
  'securityhub_hub_enabled',
] as const;
const LOG_GROUP_CHECKS = ['cloudwatch_log_group_retention_six_years', 'cloudwatch_log_group_kms_encryption'] as const;

const NOW = new Date('2026-01-15T12:00:00Z');

let moto: MotoServer;
let clients: AwsClientFactory;

/** The logging family collected from moto in `regions` by the real collector (the family has no global parts). */
function collect(regions: string[]): Promise<AccountSnapshot> {
  return collectSnapshot(clients, { regions, families: ['logging'], includeGlobal: false });
}

function run(snapshot: AccountSnapshot, id: string, thresholds?: Partial<Thresholds>): CheckResult[] {
  return evaluateCheck(id, snapshot, { now: NOW, thresholds });
}

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
});
afterAll(async () => {
  clients.destroy();
  await moto.stop();
});

// --- seeding helpers (everything through the SDK, against moto) ---

async function bucket(region: string, name: string): Promise<void> {
  const cfg = region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as 'us-west-2' } };
  await clients.get(S3Client, region).send(new CreateBucketCommand({ Bucket: name, ...cfg }));
}

async function logGroup(region: string, name: string, opts: { retention?: number; kms?: string } = {}): Promise<void> {
  const logs = clients.get(CloudWatchLogsClient, region);
  await logs.send(new CreateLogGroupCommand({ logGroupName: name, ...(opts.kms ? { kmsKeyId: opts.kms } : {}) }));
  if (opts.retention) await logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: opts.retention }));
}

async function metricFilter(region: string, group: string, metric: string, pattern: string): Promise<void> {
  await clients.get(CloudWatchLogsClient, region).send(
    new PutMetricFilterCommand({
      logGroupName: group,
      filterName: `${metric}-filter`,
      filterPattern: pattern,
      metricTransformations: [{ metricName: metric, metricNamespace: 'CISBenchmark', metricValue: '1' }],
    }),
  );
}

async function alarm(region: string, metric: string, actions: string[]): Promise<void> {
  await clients.get(CloudWatchClient, region).send(
    new PutMetricAlarmCommand({
      AlarmName: `${metric}-alarm`,
      MetricName: metric,
      Namespace: 'CISBenchmark',
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: actions,
    }),
  );
}

async function flowLogsFor(region: string, vpcIds: string[], traffic: TrafficType, bucketName: string): Promise<void> {
  await clients.get(EC2Client, region).send(
    new CreateFlowLogsCommand({
      ResourceIds: vpcIds,
      ResourceType: 'VPC',
      TrafficType: traffic,
      LogDestinationType: 's3',
      LogDestination: `arn:aws:s3:::${bucketName}`,
    }),
  );
}

async function vpcIds(region: string): Promise<string[]> {
  const res = await clients.get(EC2Client, region).send(new DescribeVpcsCommand({}));
  return (res.Vpcs ?? []).flatMap((v) => (v.VpcId ? [v.VpcId] : []));
}

async function recorder(region: string, allSupported: boolean, start: boolean, channelBucket?: string): Promise<void> {
  const config = clients.get(ConfigServiceClient, region);
  await config.send(
    new PutConfigurationRecorderCommand({
      ConfigurationRecorder: {
        name: 'default',
        roleARN: `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/config-recorder`,
        recordingGroup: allSupported
          ? { allSupported: true, includeGlobalResourceTypes: true }
          : { allSupported: false, includeGlobalResourceTypes: false, resourceTypes: ['AWS::S3::Bucket'] },
      },
    }),
  );
  if (channelBucket) {
    await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: channelBucket } }));
  }
  if (start) await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
}

function expectAll(results: CheckResult[], status: CheckResult['status']): void {
  expect(results.length).toBeGreaterThan(0);
  for (const r of results) {
    // Matching on the whole result shows the reason when the status is wrong.
    expect(r).toMatchObject({ status });
    expect({ reason: r.reason, namesResource: namesResource(r) }).toMatchObject({ namesResource: true });
  }
}

function forRegion(results: CheckResult[], region: string): CheckResult[] {
  return results.filter((r) => r.resource.region === region);
}

// --- scenarios ---

describe('compliant account (us-east-1): every check passes', () => {
  let snapshot: AccountSnapshot;
  const trail = 'org-audit';

  beforeAll(async () => {
    await moto.reset();
    await bucket(R1, 'audit-trail-logs');
    await logGroup(R1, 'cloudtrail-logs', { retention: 2192, kms: KMS_KEY });
    await logGroup(R1, 'app-logs', { kms: KMS_KEY }); // no retention policy: never expires
    const ct = clients.get(CloudTrailClient, R1);
    await ct.send(
      new CreateTrailCommand({
        Name: trail,
        S3BucketName: 'audit-trail-logs',
        IsMultiRegionTrail: true,
        EnableLogFileValidation: true,
        KmsKeyId: KMS_KEY,
        CloudWatchLogsLogGroupArn: `${logGroupArn(R1, 'cloudtrail-logs')}:*`,
        CloudWatchLogsRoleArn: `arn:aws:iam::${MOTO_ACCOUNT_ID}:role/cloudtrail-to-logs`,
      }),
    );
    await ct.send(new StartLoggingCommand({ Name: trail }));
    await ct.send(
      new PutEventSelectorsCommand({
        TrailName: trail,
        EventSelectors: [
          { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] },
        ],
      }),
    );
    for (const [metric, pattern] of Object.entries(CIS_PATTERNS)) {
      await metricFilter(R1, 'cloudtrail-logs', metric, pattern);
      await alarm(R1, metric, [SNS_TOPIC]);
    }
    await clients.get(EC2Client, R1).send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }));
    await flowLogsFor(R1, await vpcIds(R1), 'ALL', 'audit-trail-logs');
    await recorder(R1, true, true, 'audit-trail-logs');
    await clients.get(GuardDutyClient, R1).send(new CreateDetectorCommand({ Enable: true }));
    await clients.get(SecurityHubClient, R1).send(new EnableSecurityHubCommand({}));
    snapshot = await collect([R1]);
  });

  it('registers at least 15 checks, each with a snake_case id and citations', () => {
    expect(loggingChecks.length).toBeGreaterThanOrEqual(15);
    for (const c of loggingChecks) {
      expect(c.id).toMatch(/^[a-z0-9]+(_[a-z0-9]+)+$/);
      expect(c.citations.length).toBeGreaterThan(0);
    }
  });

  it.each(TRAIL_CHECKS)('%s passes for the trail', (id) => {
    const results = run(snapshot, id);
    expectAll(results, 'PASS');
    expect(results).toHaveLength(1);
    expect(results[0]?.resource).toMatchObject({ arn: trailArn(R1, trail), id: trail, region: R1, type: 'AWS::CloudTrail::Trail' });
  });

  it.each(REGION_CHECKS)('%s passes for the region', (id) => {
    const results = run(snapshot, id);
    expectAll(results, 'PASS');
    expect(results.map((r) => r.resource.id)).toEqual([REGION_ID(R1)]);
  });

  it.each(LOG_GROUP_CHECKS)('%s passes for every log group', (id) => {
    const results = run(snapshot, id);
    expectAll(results, 'PASS');
    expect(results.map((r) => r.resource.arn).sort()).toEqual([logGroupArn(R1, 'app-logs'), logGroupArn(R1, 'cloudtrail-logs')]);
    expect(results.every((r) => r.resource.type === 'AWS::Logs::LogGroup' && r.resource.region === R1)).toBe(true);
  });

  it('retention passes both for 2192 days and for "never expire"', () => {
    const reasons = run(snapshot, 'cloudwatch_log_group_retention_six_years').map((r) => r.reason);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining('2192 days'), expect.stringContaining('never expires')]));
  });

  it.each(ALARM_CHECKS)('%s passes on the account', (id) => {
    const results = run(snapshot, id);
    expectAll(results, 'PASS');
    expect(results[0]?.resource).toMatchObject({ arn: ACCOUNT_ARN, id: MOTO_ACCOUNT_ID, region: 'global' });
    expect(results[0]?.reason).toContain('cloudtrail-logs');
  });

  it('vpc_flow_logs_enabled passes for every VPC, including the default VPC', async () => {
    const results = run(snapshot, 'vpc_flow_logs_enabled');
    expectAll(results, 'PASS');
    const ids = await vpcIds(R1);
    expect(results.map((r) => r.resource.id).sort()).toEqual([...ids].sort());
    expect(results[0]?.resource.arn).toMatch(new RegExp(`^arn:aws:ec2:${R1}:${MOTO_ACCOUNT_ID}:vpc/vpc-`));
  });

  it('every registered check produced a verdict', () => {
    // The trail-bucket checks also read the storage family, not collected here (logging-monitoring.test.ts covers them).
    const needStorage = new Set(['cloudtrail_bucket_not_public', 'cloudtrail_bucket_access_logging']);
    const empty = loggingChecks.filter((c) => !needStorage.has(c.id) && run(snapshot, c.id).length === 0).map((c) => c.id);
    expect(empty).toEqual([]);
  });
});

describe('non-compliant account (us-east-1 weak, us-west-2 empty): every check fails', () => {
  let snapshot: AccountSnapshot;
  const trail = 'weak-trail';

  beforeAll(async () => {
    await moto.reset();
    await bucket(R1, 'weak-trail-logs');
    const ct = clients.get(CloudTrailClient, R1);
    // Single-region, no validation / KMS / CloudWatch Logs, never started, write-only, no data events.
    await ct.send(new CreateTrailCommand({ Name: trail, S3BucketName: 'weak-trail-logs' }));
    await ct.send(
      new PutEventSelectorsCommand({ TrailName: trail, EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] }),
    );
    await logGroup(R1, 'short-logs', { retention: 30 });
    // Root usage: filter without any alarm. Console failures: alarm without actions. Others: no filter.
    await metricFilter(R1, 'short-logs', 'RootUsage', CIS_PATTERNS.RootUsage ?? '');
    await metricFilter(R1, 'short-logs', 'ConsoleAuthFailures', CIS_PATTERNS.ConsoleAuthFailures ?? '');
    await alarm(R1, 'ConsoleAuthFailures', []);
    // A pattern that only covers some IAM policy events does not count.
    await metricFilter(R1, 'short-logs', 'SomeIamChanges', '{ ($.eventName = PutUserPolicy) || ($.eventName = DeleteUserPolicy) }');
    await alarm(R1, 'SomeIamChanges', [SNS_TOPIC]);
    // Names every security-group event but requires all of them at once: selects no record, so does not count.
    await metricFilter(R1, 'short-logs', 'SgNothing', `{ ${ACTIVITIES.securityGroupChanges.catches.map((e) => `$.eventName = ${String((e as { eventName: string }).eventName)}`).join(' && ')} }`);
    await alarm(R1, 'SgNothing', [SNS_TOPIC]);
    const vpc = await clients.get(EC2Client, R1).send(new CreateVpcCommand({ CidrBlock: '10.30.0.0/16' }));
    await flowLogsFor(R1, [vpc.Vpc?.VpcId ?? ''], 'ACCEPT', 'weak-trail-logs');
    await recorder(R1, false, false);
    await clients.get(GuardDutyClient, R1).send(new CreateDetectorCommand({ Enable: false }));
    snapshot = await collect([R1, R2]);
  });

  it.each(TRAIL_CHECKS)('%s fails for the trail and is NOT_APPLICABLE where there are no trails', (id) => {
    const results = run(snapshot, id);
    expectAll(forRegion(results, R1), 'FAIL');
    expect(forRegion(results, R1)[0]?.resource).toMatchObject({ arn: trailArn(R1, trail), id: trail, type: 'AWS::CloudTrail::Trail' });
    expectAll(forRegion(results, R2), 'NOT_APPLICABLE');
  });

  it.each(REGION_CHECKS)('%s fails in both regions', (id) => {
    const results = run(snapshot, id);
    expectAll(results, 'FAIL');
    expect(results.map((r) => r.resource.id)).toEqual([REGION_ID(R1), REGION_ID(R2)]);
  });

  it('explains why the region checks fail', () => {
    const reason = (id: string, region: string) => forRegion(run(snapshot, id), region)[0]?.reason ?? '';
    expect(reason('cloudtrail_multi_region_enabled', R1)).toContain('weak-trail: single-region trail');
    expect(reason('cloudtrail_multi_region_enabled', R2)).toContain('No CloudTrail trail records activity in us-west-2');
    expect(reason('cloudtrail_s3_data_events_enabled', R1)).toContain('weak-trail: not logging');
    expect(reason('config_recorder_enabled', R1)).toContain('recorder default is not recording');
    expect(reason('config_recorder_enabled', R2)).toContain('No AWS Config recorder');
    expect(reason('guardduty_detector_enabled', R1)).toMatch(/No enabled GuardDuty detector in us-east-1 \(\w+: DISABLED\)/);
    expect(reason('guardduty_detector_enabled', R2)).toContain('No GuardDuty detector in us-west-2');
    expect(reason('securityhub_hub_enabled', R1)).toContain('not enabled');
  });

  it.each(LOG_GROUP_CHECKS)('%s fails for the log group and is NOT_APPLICABLE without log groups', (id) => {
    const results = run(snapshot, id);
    expectAll(forRegion(results, R1), 'FAIL');
    expect(forRegion(results, R1)[0]?.resource).toMatchObject({ arn: logGroupArn(R1, 'short-logs'), id: 'short-logs' });
    expectAll(forRegion(results, R2), 'NOT_APPLICABLE');
  });

  it.each(ALARM_CHECKS)('%s fails on the account', (id) => {
    const results = run(snapshot, id);
    expectAll(results, 'FAIL');
    expect(results[0]?.resource).toMatchObject({ arn: ACCOUNT_ARN, id: MOTO_ACCOUNT_ID });
  });

  it('distinguishes a filter without an alarm from an alarm without actions', () => {
    expect(run(snapshot, 'cloudwatch_alarm_root_usage')[0]?.reason).toContain('RootUsage-filter in us-east-1 has no alarm on its metric');
    expect(run(snapshot, 'cloudwatch_alarm_console_auth_failures')[0]?.reason).toContain('no enabled alarm actions');
    expect(run(snapshot, 'cloudwatch_alarm_iam_policy_changes')[0]?.reason).toContain('no metric filter matches');
    expect(run(snapshot, 'cloudwatch_alarm_security_group_changes')[0]?.reason).toContain('no metric filter matches security group changes');
  });

  it('vpc_flow_logs_enabled fails for a VPC without flow logs and for an ACCEPT-only flow log', () => {
    const results = forRegion(run(snapshot, 'vpc_flow_logs_enabled'), R1);
    expectAll(results, 'FAIL');
    expect(results.length).toBe(2); // moto's default VPC plus the created one
    expect(results.map((r) => r.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/has no flow log$/), expect.stringContaining('ACCEPT')]),
    );
    expect(results.every((r) => r.resource.type === 'AWS::EC2::VPC' && r.resource.arn.endsWith(`vpc/${r.resource.id}`))).toBe(true);
  });
});

describe('multi-region trail seen from several regions', () => {
  const trail = 'central-trail';
  beforeEach(async () => {
    await moto.reset();
    await bucket(R2, 'central-trail-logs');
    const ct = clients.get(CloudTrailClient, R2);
    await ct.send(new CreateTrailCommand({ Name: trail, S3BucketName: 'central-trail-logs', IsMultiRegionTrail: true }));
    await ct.send(new StartLoggingCommand({ Name: trail }));
    // Advanced selectors: all management events plus S3 object data events.
    await ct.send(
      new PutEventSelectorsCommand({
        TrailName: trail,
        AdvancedEventSelectors: [
          { Name: 'management', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
          {
            Name: 's3-data',
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            ],
          },
        ],
      }),
    );
  });

  it('assesses the trail once, in its home region, and counts it for every region it covers', async () => {
    const snapshot = await collect([R1, R2, 'eu-west-1']);
    const logging = run(snapshot, 'cloudtrail_trail_logging');
    expect(logging.filter((r) => r.resource.arn === trailArn(R2, trail))).toHaveLength(1);
    expect(logging.find((r) => r.resource.arn === trailArn(R2, trail))).toMatchObject({ status: 'PASS', resource: { region: R2 } });
    expect(forRegion(logging, R1)[0]?.reason).toContain('assessed in their home region');
    for (const id of ['cloudtrail_multi_region_enabled', 'cloudtrail_s3_data_events_enabled']) {
      const results = run(snapshot, id);
      expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS', 'PASS']);
      expect(results.every((r) => r.reason.includes(trail) && namesResource(r))).toBe(true);
    }
  });

  it('assesses the trail in an in-scope region when its home region is out of scope', async () => {
    const snapshot = await collect([R1]);
    const results = run(snapshot, 'cloudtrail_log_file_validation_enabled');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: trailArn(R2, trail), region: R2 } });
    expect(run(snapshot, 'cloudtrail_multi_region_enabled')[0]?.status).toBe('PASS');
  });
});

// moto cannot make an API deny or throttle a caller, so these stub one client with aws-sdk-client-mock
// while every other client still talks to moto: only the checks that need the failed call may go ERROR.
describe('collection failures (aws-sdk-client-mock: moto cannot produce AccessDenied / throttling)', () => {
  const awsError = (name: string, message: string) => Object.assign(new Error(message), { name });

  beforeAll(async () => {
    await moto.reset();
    await logGroup(R1, 'app-logs', { retention: 2192, kms: KMS_KEY });
    await clients.get(GuardDutyClient, R1).send(new CreateDetectorCommand({ Enable: true }));
    // moto reports no Inspector status for an account until Enable: without this, inspector2_scanning_enabled is ERROR.
    await clients.get(Inspector2Client, R1).send(new EnableCommand({ accountIds: [MOTO_ACCOUNT_ID], resourceTypes: ['EC2'] }));
    // moto starts with a Macie session whose dates the SDK cannot parse (an ERROR); a disabled Macie reads cleanly.
    await clients.get(Macie2Client, R1).send(new DisableMacieCommand({}));
  });

  it('AccessDenied on DescribeTrails makes only the CloudTrail checks ERROR, naming the region', async () => {
    const ct = mockClient(CloudTrailClient);
    ct.on(DescribeTrailsCommand).rejects(awsError('AccessDeniedException', 'User is not authorized to perform cloudtrail:DescribeTrails'));
    try {
      const snapshot = await collect([R1]);
      for (const id of [...TRAIL_CHECKS, 'cloudtrail_multi_region_enabled', 'cloudtrail_s3_data_events_enabled']) {
        const results = run(snapshot, id);
        expect(results).toHaveLength(1);
        expect(results[0]).toMatchObject({ status: 'ERROR', resource: { id: REGION_ID(R1), region: R1 } });
        expect(results[0]?.reason).toContain('cloudtrail:DescribeTrails failed with AccessDeniedException');
      }
      expect(run(snapshot, 'guardduty_detector_enabled')[0]?.status).toBe('PASS');
      expect(run(snapshot, 'cloudwatch_log_group_retention_six_years')[0]?.status).toBe('PASS');
      expect(run(snapshot, 'cloudwatch_alarm_root_usage')[0]?.status).toBe('FAIL');
    } finally {
      ct.restore();
    }
  });

  it('AccessDenied on GetTrailStatus makes only status-dependent results ERROR for that trail', async () => {
    const arn = trailArn(R1, 'mocked-trail');
    const ct = mockClient(CloudTrailClient);
    ct.on(DescribeTrailsCommand).resolves({
      trailList: [{ Name: 'mocked-trail', TrailARN: arn, HomeRegion: R1, IsMultiRegionTrail: true, LogFileValidationEnabled: true }],
    });
    ct.on(GetTrailStatusCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform cloudtrail:GetTrailStatus'));
    ct.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] });
    try {
      const snapshot = await collect([R1]);
      expect(run(snapshot, 'cloudtrail_trail_logging')[0]).toMatchObject({ status: 'ERROR', resource: { arn } });
      expect(run(snapshot, 'cloudtrail_trail_logging')[0]?.reason).toContain('mocked-trail');
      expect(run(snapshot, 'cloudtrail_multi_region_enabled')[0]?.status).toBe('ERROR');
      expect(run(snapshot, 'cloudtrail_log_file_validation_enabled')[0]).toMatchObject({ status: 'PASS', resource: { arn } });
    } finally {
      ct.restore();
    }
  });

  it('throttling on ListDetectors makes the GuardDuty checks ERROR and nothing else', async () => {
    const gd = mockClient(GuardDutyClient);
    gd.on(ListDetectorsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'));
    try {
      const snapshot = await collect([R1]);
      const results = run(snapshot, 'guardduty_detector_enabled');
      expect(results).toEqual([
        expect.objectContaining({ status: 'ERROR', resource: expect.objectContaining({ id: REGION_ID(R1) }) }),
      ]);
      expect(results[0]?.reason).toContain('guardduty:ListDetectors failed with ThrottlingException');
      // Every GuardDuty check starts from ListDetectors: each is ERROR on the region, nothing else is.
      for (const id of ['guardduty_no_stale_high_findings', 'guardduty_s3_protection_enabled', 'guardduty_rds_protection_enabled']) {
        expect(run(snapshot, id)).toEqual([expect.objectContaining({ status: 'ERROR', resource: expect.objectContaining({ id: REGION_ID(R1) }) })]);
      }
      const others = loggingChecks.filter((c) => !c.id.startsWith('guardduty_')).flatMap((c) => run(snapshot, c.id));
      expect(others.filter((r) => r.status === 'ERROR')).toEqual([]);
    } finally {
      gd.restore();
    }
  });

  it('AccessDenied on DescribeMetricFilters makes the alarm checks ERROR on the account', async () => {
    const logs = mockClient(CloudWatchLogsClient);
    try {
      logs.on(DescribeMetricFiltersCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform logs:DescribeMetricFilters'));
      // A mocked client answers only what is stubbed, so DescribeLogGroups is stubbed too.
      logs.on(DescribeLogGroupsCommand).resolves({
        logGroups: [{ logGroupName: 'app-logs', logGroupArn: logGroupArn(R1, 'app-logs'), kmsKeyId: KMS_KEY }],
      });
      const snapshot = await collect([R1]);
      for (const id of ALARM_CHECKS) {
        const [result, ...rest] = run(snapshot, id);
        expect(rest).toEqual([]);
        expect(result).toMatchObject({ status: 'ERROR', resource: { arn: ACCOUNT_ARN } });
        expect(result?.reason).toContain('logs:DescribeMetricFilters failed with AccessDeniedException');
        expect(result && namesResource(result)).toBe(true);
      }
      expect(run(snapshot, 'cloudwatch_log_group_kms_encryption')[0]?.status).toBe('PASS');
    } finally {
      logs.restore();
    }
  });

  it('Security Hub: "not subscribed" is FAIL (moto), any other DescribeHub error is ERROR (mock)', async () => {
    const subscribed = await collect([R1]);
    expect(run(subscribed, 'securityhub_hub_enabled')[0]?.status).toBe('FAIL');
    const sh = mockClient(SecurityHubClient);
    sh.on(DescribeHubCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform securityhub:DescribeHub'));
    try {
      const snapshot = await collect([R1]);
      expect(run(snapshot, 'securityhub_hub_enabled')[0]).toMatchObject({ status: 'ERROR', resource: { id: REGION_ID(R1) } });
    } finally {
      sh.restore();
    }
  });
});
