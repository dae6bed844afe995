// The issue-13 monitoring checks: metric-filter alarm subscribers, GuardDuty findings and protection plans,
// Inspector, Macie and the CloudTrail bucket. Seeded in moto where moto can hold the state; the states moto
// cannot produce are stubbed with aws-sdk-client-mock, each block saying what moto lacks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, PutMetricFilterCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateDetectorCommand,
  GetDetectorCommand,
  GetFindingsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
} from '@aws-sdk/client-guardduty';
import { BatchGetAccountStatusCommand, EnableCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import {
  DisableMacieCommand,
  GetAutomatedDiscoveryConfigurationCommand,
  GetMacieSessionCommand,
  Macie2Client,
} from '@aws-sdk/client-macie2';
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketLoggingCommand,
  PutBucketPolicyCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateTopicCommand, GetTopicAttributesCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { ACTIVITIES } from '../../lib/checks/logging/helpers/monitored-activities.js';
import type { CheckResult } from '../../lib/checks/types.js';
import type { Thresholds } from '../../lib/checks/thresholds.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { collectSnapshot, evaluateCheck, namesResource, resultFor } from '../support/snapshot.js';

const R1 = 'us-east-1';
const R2 = 'us-west-2';
const NOW = new Date('2026-01-15T12:00:00Z');
const REGION_ID = (region: string) => `${MOTO_ACCOUNT_ID}/${region}`;
const TOPIC = `arn:aws:sns:${R1}:${MOTO_ACCOUNT_ID}:security-alerts`;
const alarmArn = (name: string) => `arn:aws:cloudwatch:${R1}:${MOTO_ACCOUNT_ID}:alarm:${name}`;
const trailArn = (name: string) => `arn:aws:cloudtrail:${R1}:${MOTO_ACCOUNT_ID}:trail/${name}`;
const detectorArn = (region: string, id: string) => `arn:aws:guardduty:${region}:${MOTO_ACCOUNT_ID}:detector/${id}`;
const awsError = (name: string, message: string) => Object.assign(new Error(message), { name });

let moto: MotoServer;
let clients: AwsClientFactory;

function collect(regions = [R1, R2]): Promise<AccountSnapshot> {
  return collectSnapshot(clients, { regions, families: ['logging', 'storage'] });
}

function run(snapshot: AccountSnapshot, id: string, thresholds?: Partial<Thresholds>): CheckResult[] {
  const results = evaluateCheck(id, snapshot, { now: NOW, thresholds });
  for (const r of results) expect({ reason: r.reason, namesResource: namesResource(r) }).toMatchObject({ namesResource: true });
  return results;
}

function inRegion(results: CheckResult[], region: string): CheckResult {
  const [only, ...rest] = results.filter((r) => r.resource.region === region);
  expect(rest).toEqual([]);
  if (!only) throw new Error(`no result in ${region}: ${JSON.stringify(results)}`);
  return only;
}

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
  await seed();
});
afterAll(async () => {
  clients.destroy();
  await moto.stop();
});

async function alarm(name: string, metric: string, actions: string[], enabled = true): Promise<void> {
  await clients.get(CloudWatchClient, R1).send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      MetricName: metric,
      Namespace: 'CISBenchmark',
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: actions,
      ActionsEnabled: enabled,
    }),
  );
}

/** One account, two regions: us-east-1 mostly compliant, us-west-2 not. */
async function seed(): Promise<void> {
  // Metric filters with alarms: one to an SNS topic, one with actions disabled, one with no SNS action.
  const logs = clients.get(CloudWatchLogsClient, R1);
  await logs.send(new CreateLogGroupCommand({ logGroupName: 'ct-logs' }));
  const filters = { SecurityGroupChanges: ACTIVITIES.securityGroupChanges, VpcChanges: ACTIVITIES.vpcChanges, RootUsage: ACTIVITIES.rootUsage };
  for (const [metric, activity] of Object.entries(filters)) {
    await logs.send(
      new PutMetricFilterCommand({
        logGroupName: 'ct-logs',
        filterName: `${metric}-filter`,
        filterPattern: activity.cisPattern,
        metricTransformations: [{ metricName: metric, metricNamespace: 'CISBenchmark', metricValue: '1' }],
      }),
    );
  }
  await clients.get(SNSClient, R1).send(new CreateTopicCommand({ Name: 'security-alerts' }));
  await alarm('sg-changes', 'SecurityGroupChanges', [TOPIC]);
  await alarm('vpc-changes', 'VpcChanges', [TOPIC], false);
  await alarm('root-usage', 'RootUsage', [`arn:aws:automate:${R1}:ec2:stop`]);
  // An alarm on a metric no CIS filter produces is out of scope.
  await alarm('cpu', 'CPUUtilization', []);

  // GuardDuty: every protection plan on in us-east-1, off in us-west-2.
  await clients.get(GuardDutyClient, R1).send(
    new CreateDetectorCommand({ Enable: true, Features: [{ Name: 'S3_DATA_EVENTS', Status: 'ENABLED' }, { Name: 'RDS_LOGIN_EVENTS', Status: 'ENABLED' }] }),
  );
  await clients.get(GuardDutyClient, R2).send(
    new CreateDetectorCommand({ Enable: true, Features: [{ Name: 'S3_DATA_EVENTS', Status: 'DISABLED' }, { Name: 'RDS_LOGIN_EVENTS', Status: 'DISABLED' }] }),
  );

  // Inspector: all three scan types in us-east-1, EC2 only in us-west-2.
  await clients.get(Inspector2Client, R1).send(new EnableCommand({ accountIds: [MOTO_ACCOUNT_ID], resourceTypes: ['EC2', 'ECR', 'LAMBDA'] }));
  await clients.get(Inspector2Client, R2).send(new EnableCommand({ accountIds: [MOTO_ACCOUNT_ID], resourceTypes: ['EC2'] }));

  // Macie: moto starts every region with a session; disabled, it answers "no session" as AWS's "not enabled".
  for (const region of [R1, R2]) await clients.get(Macie2Client, region).send(new DisableMacieCommand({}));

  // Trails: one to a locked, logged bucket; one to a bucket with a public policy and nothing else.
  const s3 = clients.get(S3Client, R1);
  for (const bucket of ['access-logs', 'good-trail-logs', 'open-trail-logs']) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const logDelivery = 'uri=http://acs.amazonaws.com/groups/s3/LogDelivery';
  await s3.send(new PutBucketAclCommand({ Bucket: 'access-logs', GrantWrite: logDelivery, GrantReadACP: logDelivery }));
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: 'good-trail-logs',
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    }),
  );
  await s3.send(
    new PutBucketLoggingCommand({
      Bucket: 'good-trail-logs',
      BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'access-logs', TargetPrefix: 'good-trail-logs/' } },
    }),
  );
  const publicRead = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::open-trail-logs/*' }],
  };
  await s3.send(new PutBucketPolicyCommand({ Bucket: 'open-trail-logs', Policy: JSON.stringify(publicRead) }));
  const ct = clients.get(CloudTrailClient, R1);
  for (const [trail, bucket] of [['good-trail', 'good-trail-logs'], ['open-trail', 'open-trail-logs']] as const) {
    await ct.send(new CreateTrailCommand({ Name: trail, S3BucketName: bucket, IsMultiRegionTrail: true }));
    await ct.send(new StartLoggingCommand({ Name: trail }));
  }
}

describe('moto-seeded account', () => {
  let snapshot: AccountSnapshot;
  beforeAll(async () => {
    snapshot = await collect();
  });

  it('cloudwatch_alarm_action_has_subscriber: one result per alarm on a CIS filter, each failing for its own reason', () => {
    const results = run(snapshot, 'cloudwatch_alarm_action_has_subscriber');
    // moto never confirms a subscription (SubscriptionsConfirmed is always "0"): the topic reaches no one.
    expect(resultFor(results, alarmArn('sg-changes'))).toMatchObject({
      status: 'FAIL',
      resource: { id: 'sg-changes', type: 'AWS::CloudWatch::Alarm', region: R1 },
      reason: expect.stringContaining('topic security-alerts has no confirmed subscription'),
    });
    expect(resultFor(results, alarmArn('vpc-changes'))).toMatchObject({ status: 'FAIL', reason: expect.stringContaining('actions disabled') });
    expect(resultFor(results, alarmArn('root-usage'))).toMatchObject({ status: 'FAIL', reason: expect.stringContaining('notifies no SNS topic') });
    expect(results.some((r) => r.resource.id === 'cpu')).toBe(false);
    expect(inRegion(results, R2)).toMatchObject({ status: 'NOT_APPLICABLE', resource: { id: REGION_ID(R2) } });
  });

  it.each([
    ['guardduty_s3_protection_enabled', 'S3_DATA_EVENTS'],
    ['guardduty_rds_protection_enabled', 'RDS_LOGIN_EVENTS'],
  ])('%s passes where the feature is on and fails where it is off', (id, feature) => {
    const results = run(snapshot, id);
    const r1 = inRegion(results, R1);
    expect(r1).toMatchObject({ status: 'PASS', resource: { type: 'AWS::GuardDuty::Detector', arn: detectorArn(R1, r1.resource.id) } });
    const r2 = inRegion(results, R2);
    expect(r2).toMatchObject({ status: 'FAIL', resource: { arn: detectorArn(R2, r2.resource.id) } });
    expect(r2.reason).toContain(`(${feature}) DISABLED`);
  });

  it('guardduty_no_stale_high_findings is ERROR under moto, which does not implement ListFindings', () => {
    for (const region of [R1, R2]) {
      const result = inRegion(run(snapshot, 'guardduty_no_stale_high_findings'), region);
      expect(result).toMatchObject({ status: 'ERROR', resource: { type: 'AWS::GuardDuty::Detector' } });
      expect(result.reason).toContain('guardduty:ListFindings failed');
    }
  });

  it('inspector2_scanning_enabled passes with EC2, ECR and Lambda scanning and fails with EC2 only', () => {
    const results = run(snapshot, 'inspector2_scanning_enabled');
    expect(inRegion(results, R1)).toMatchObject({ status: 'PASS', resource: { id: REGION_ID(R1), type: 'AWS::::Account' } });
    const r2 = inRegion(results, R2);
    expect(r2).toMatchObject({ status: 'FAIL', resource: { id: REGION_ID(R2) } });
    expect(r2.reason).toContain('ECR DISABLED, Lambda DISABLED');
  });

  it('macie_automated_discovery_enabled fails where Macie is not enabled', () => {
    const results = run(snapshot, 'macie_automated_discovery_enabled');
    for (const region of [R1, R2]) {
      expect(inRegion(results, region)).toMatchObject({ status: 'FAIL', reason: `Amazon Macie is not enabled in ${region}` });
    }
  });

  it('cloudtrail_bucket_not_public passes the locked bucket and fails the one with a public policy', () => {
    const results = run(snapshot, 'cloudtrail_bucket_not_public');
    expect(resultFor(results, trailArn('good-trail'))).toMatchObject({
      status: 'PASS',
      resource: { id: 'good-trail', type: 'AWS::CloudTrail::Trail' },
      reason: 'Bucket good-trail-logs of trail good-trail blocks all public access',
    });
    const open = resultFor(results, trailArn('open-trail'));
    expect(open).toMatchObject({ status: 'FAIL', resource: { id: 'open-trail', region: R1 } });
    expect(open.reason).toContain('open-trail-logs');
    expect(open.reason).toContain('its policy allows everyone in statement "PublicRead"');
  });

  it('cloudtrail_bucket_access_logging passes the logged bucket and fails the other', () => {
    const results = run(snapshot, 'cloudtrail_bucket_access_logging');
    expect(resultFor(results, trailArn('good-trail'))).toMatchObject({ status: 'PASS', reason: expect.stringContaining('logs access to access-logs') });
    expect(resultFor(results, trailArn('open-trail'))).toMatchObject({
      status: 'FAIL',
      reason: 'Bucket open-trail-logs of trail open-trail has no server access logging',
    });
  });
});

describe('SNS subscriptions (aws-sdk-client-mock: moto always answers SubscriptionsConfirmed "0")', () => {
  it('an alarm whose topic has a confirmed subscriber passes; a failed GetTopicAttributes is ERROR for it', async () => {
    const sns = mockClient(SNSClient);
    try {
      sns.on(ListTopicsCommand).resolves({ Topics: [{ TopicArn: TOPIC }] });
      sns.on(GetTopicAttributesCommand).resolves({ Attributes: { TopicArn: TOPIC, SubscriptionsConfirmed: '2' } });
      const subscribed = run(await collect([R1]), 'cloudwatch_alarm_action_has_subscriber');
      expect(resultFor(subscribed, alarmArn('sg-changes'))).toMatchObject({
        status: 'PASS',
        reason: 'Alarm sg-changes in us-east-1 notifies topic security-alerts with 2 confirmed subscription(s)',
      });
      sns.on(GetTopicAttributesCommand).rejects(awsError('AuthorizationErrorException', 'not authorized to perform SNS:GetTopicAttributes'));
      const denied = run(await collect([R1]), 'cloudwatch_alarm_action_has_subscriber');
      expect(resultFor(denied, alarmArn('sg-changes'))).toMatchObject({ status: 'ERROR', reason: expect.stringContaining('sns:GetTopicAttributes') });
      // The other alarms' verdicts do not depend on the topic.
      expect(resultFor(denied, alarmArn('vpc-changes')).status).toBe('FAIL');
    } finally {
      sns.restore();
    }
  });
});

describe('GuardDuty findings (aws-sdk-client-mock: moto implements neither ListFindings nor GetFindings)', () => {
  const detector = { Status: 'ENABLED' as const, ServiceRole: 'r', Features: [{ Name: 'S3_DATA_EVENTS' as const, Status: 'ENABLED' as const }] };
  const finding = (id: string, createdAt: string, severity: number) => ({
    Id: id,
    Type: 'UnauthorizedAccess:EC2/SSHBruteForce',
    Severity: severity,
    CreatedAt: createdAt,
    UpdatedAt: createdAt,
    AccountId: MOTO_ACCOUNT_ID,
    Arn: `arn:aws:guardduty:${R1}:${MOTO_ACCOUNT_ID}:detector/d1/finding/${id}`,
    Region: R1,
    SchemaVersion: '2.0',
    Resource: { ResourceType: 'Instance', InstanceDetails: { InstanceId: `i-${id}` } },
  });

  async function withGuardDuty(setup: (gd: ReturnType<typeof mockClient>) => void, check: (snapshot: AccountSnapshot, gd: ReturnType<typeof mockClient>) => void): Promise<void> {
    const gd = mockClient(GuardDutyClient);
    try {
      gd.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
      gd.on(GetDetectorCommand).resolves(detector);
      setup(gd);
      check(await collect([R1]), gd);
    } finally {
      gd.restore();
    }
  }

  it('lists the high findings open longer than the threshold, asking only for unarchived severity >= 7', async () => {
    await withGuardDuty(
      (gd) => {
        gd.on(ListFindingsCommand).resolves({ FindingIds: ['old', 'new'] });
        gd.on(GetFindingsCommand).resolves({ Findings: [finding('new', '2026-01-14T00:00:00Z', 8), finding('old', '2025-12-01T00:00:00Z', 7.5)] });
      },
      (snapshot, gd) => {
        const [result] = run(snapshot, 'guardduty_no_stale_high_findings');
        expect(result).toMatchObject({ status: 'FAIL', resource: { arn: detectorArn(R1, 'd1'), id: 'd1', region: R1 } });
        expect(result?.reason).toBe(
          'GuardDuty detector d1 in us-east-1 has 1 high-severity finding(s) unarchived for more than 7 days: ' +
            'UnauthorizedAccess:EC2/SSHBruteForce on Instance i-old (severity 7.5, 45 days, old)',
        );
        expect(run(snapshot, 'guardduty_no_stale_high_findings', { guardDutyFindingMaxAgeDays: 60 })[0]?.status).toBe('PASS');
        const list = gd.commandCalls(ListFindingsCommand)[0]?.args[0].input as { FindingCriteria?: unknown; SortCriteria?: unknown };
        expect(list.FindingCriteria).toEqual({ Criterion: { severity: { GreaterThanOrEqual: 7 }, 'service.archived': { Equals: ['false'] } } });
        expect(list.SortCriteria).toEqual({ AttributeName: 'createdAt', OrderBy: 'ASC' });
        expect(gd.commandCalls(GetFindingsCommand)[0]?.args[0].input).toMatchObject({ FindingIds: ['old', 'new'] });
      },
    );
  });

  it('passes without open high findings, and makes no GetFindings call', async () => {
    await withGuardDuty(
      (gd) => gd.on(ListFindingsCommand).resolves({ FindingIds: [] }),
      (snapshot, gd) => {
        expect(run(snapshot, 'guardduty_no_stale_high_findings')[0]).toMatchObject({ status: 'PASS', resource: { id: 'd1' } });
        expect(gd.commandCalls(GetFindingsCommand)).toHaveLength(0);
      },
    );
  });

  it('a denied ListFindings or GetFindings is ERROR on the findings check only', async () => {
    for (const failing of ['ListFindings', 'GetFindings'] as const) {
      await withGuardDuty(
        (gd) => {
          if (failing === 'ListFindings') gd.on(ListFindingsCommand).rejects(awsError('AccessDeniedException', 'not authorized'));
          else {
            gd.on(ListFindingsCommand).resolves({ FindingIds: ['a'] });
            gd.on(GetFindingsCommand).rejects(awsError('AccessDeniedException', 'not authorized'));
          }
        },
        (snapshot) => {
          expect(run(snapshot, 'guardduty_no_stale_high_findings')[0]).toMatchObject({
            status: 'ERROR',
            resource: { id: 'd1' },
            reason: expect.stringContaining(`guardduty:${failing} failed with AccessDeniedException`),
          });
          expect(run(snapshot, 'guardduty_s3_protection_enabled')[0]?.status).toBe('PASS');
          expect(run(snapshot, 'guardduty_detector_enabled')[0]?.status).toBe('PASS');
        },
      );
    }
  });
});

describe('Inspector errors (aws-sdk-client-mock: moto cannot deny a call or report a failed account)', () => {
  it('a denied BatchGetAccountStatus, or the account in failedAccounts, is ERROR', async () => {
    const inspector = mockClient(Inspector2Client);
    try {
      inspector.on(BatchGetAccountStatusCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform inspector2:BatchGetAccountStatus'));
      expect(run(await collect([R1]), 'inspector2_scanning_enabled')[0]).toMatchObject({
        status: 'ERROR',
        resource: { id: REGION_ID(R1) },
        reason: expect.stringContaining('inspector2:BatchGetAccountStatus failed with AccessDeniedException'),
      });
      inspector.on(BatchGetAccountStatusCommand).resolves({
        accounts: [],
        failedAccounts: [{ accountId: MOTO_ACCOUNT_ID, errorCode: 'ACCESS_DENIED', errorMessage: 'Access denied' }],
      });
      expect(run(await collect([R1]), 'inspector2_scanning_enabled')[0]).toMatchObject({ status: 'ERROR', reason: expect.stringContaining('ACCESS_DENIED') });
    } finally {
      inspector.restore();
    }
  });
});

describe('Macie states (aws-sdk-client-mock: moto\'s enabled session has dates the SDK rejects, and no discovery configuration)', () => {
  async function macie(setup: (m: ReturnType<typeof mockClient>) => void): Promise<CheckResult | undefined> {
    const m = mockClient(Macie2Client);
    try {
      setup(m);
      return run(await collect([R1]), 'macie_automated_discovery_enabled')[0];
    } finally {
      m.restore();
    }
  }
  const enabled = (m: ReturnType<typeof mockClient>) => m.on(GetMacieSessionCommand).resolves({ status: 'ENABLED' });

  it('passes with automated discovery on, fails with it off or Macie paused', async () => {
    expect(await macie((m) => { enabled(m); m.on(GetAutomatedDiscoveryConfigurationCommand).resolves({ status: 'ENABLED' }); })).toMatchObject({
      status: 'PASS',
      resource: { id: REGION_ID(R1) },
    });
    expect(await macie((m) => { enabled(m); m.on(GetAutomatedDiscoveryConfigurationCommand).resolves({ status: 'DISABLED' }); })).toMatchObject({
      status: 'FAIL',
      reason: 'Amazon Macie is enabled in us-east-1 but automated sensitive data discovery is DISABLED',
    });
    const paused = await macie((m) => {
      m.on(GetMacieSessionCommand).resolves({ status: 'PAUSED' });
      m.on(GetAutomatedDiscoveryConfigurationCommand).resolves({ status: 'ENABLED' });
    });
    expect(paused).toMatchObject({ status: 'FAIL', reason: 'Amazon Macie is PAUSED in us-east-1' });
  });

  it('AWS\'s "Macie is not enabled" AccessDeniedException is FAIL; any other AccessDenied is ERROR', async () => {
    expect(await macie((m) => m.on(GetMacieSessionCommand).rejects(awsError('AccessDeniedException', 'Macie is not enabled.')))).toMatchObject({
      status: 'FAIL',
      reason: 'Amazon Macie is not enabled in us-east-1',
    });
    expect(
      await macie((m) => m.on(GetMacieSessionCommand).rejects(awsError('AccessDeniedException', 'User is not authorized to perform: macie2:GetMacieSession'))),
    ).toMatchObject({ status: 'ERROR', reason: expect.stringContaining('macie2:GetMacieSession failed with AccessDeniedException') });
    expect(
      await macie((m) => { enabled(m); m.on(GetAutomatedDiscoveryConfigurationCommand).rejects(awsError('AccessDeniedException', 'not authorized')); }),
    ).toMatchObject({ status: 'ERROR', reason: expect.stringContaining('macie2:GetAutomatedDiscoveryConfiguration failed with AccessDeniedException') });
  });
});
