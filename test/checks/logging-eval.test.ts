// Evaluation-only edge cases on hand-built snapshot parts: states moto cannot produce (delivery errors,
// failed flow-log delivery, metric-math alarms, per-detector errors) and threshold / parsing details.
// Every check also has moto-seeded PASS and FAIL cases in logging.test.ts.
import { describe, expect, it } from 'vitest';
import type { LoggingRegion, Trail } from '../../lib/snapshot/logging.js';
import { summarizeSelectors } from '../../lib/collectors/logging/cloudtrail-selectors.js';
import { ACTIVITIES, catchesActivity } from '../../lib/checks/logging/helpers/monitored-activities.js';
import type { Thresholds } from '../../lib/checks/thresholds.js';
import type { CheckResult } from '../../lib/checks/types.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import type { LoggingSnapshot } from '../../lib/snapshot/logging.js';
import { MOTO_ACCOUNT_ID } from '../support/moto.js';
import { evaluateCheck, namesResource, snapshotOf } from '../support/snapshot.js';

const NOW = new Date('2026-01-15T12:00:00Z');

/** A snapshot holding only this hand-built logging part (see the top of the file for what moto lacks). */
const loggingSnapshot = (logging: LoggingSnapshot): AccountSnapshot => snapshotOf({ logging }, { includesGlobal: false });

function run(snapshot: AccountSnapshot, id: string, thresholds?: Partial<Thresholds>): CheckResult[] {
  return evaluateCheck(id, snapshot, { now: NOW, thresholds });
}

function region(parts: Partial<LoggingRegion> = {}): LoggingRegion {
  return {
    cloudtrail: { data: { trails: [], otherTrailArns: [] } },
    logGroups: { data: [] },
    metricFilters: { data: [] },
    alarms: { data: [] },
    vpcs: { data: [] },
    flowLogs: { data: [] },
    configRecorders: { data: [] },
    configRecorderStatus: { data: [] },
    deliveryChannels: { data: [] },
    guardDutyDetectors: { data: [] },
    securityHub: { data: { enabled: false } },
    inspector: { data: { state: 'DISABLED' } },
    macie: { data: { status: null, automatedDiscovery: null } },
    ...parts,
  };
}

function trail(overrides: Partial<Trail> = {}): Trail {
  return {
    name: 'audit',
    arn: `arn:aws:cloudtrail:us-east-1:${MOTO_ACCOUNT_ID}:trail/audit`,
    homeRegion: 'us-east-1',
    isMultiRegionTrail: true,
    isOrganizationTrail: false,
    logFileValidationEnabled: true,
    status: { data: { isLogging: true } },
    selectors: { data: { advanced: false, managementEvents: 'All', s3DataEvents: false } },
    ...overrides,
  };
}

describe('summarizeSelectors', () => {
  it('applies the classic defaults (management events on, ReadWriteType All)', () => {
    expect(summarizeSelectors([{}], undefined)).toEqual({ advanced: false, managementEvents: 'All', s3DataEvents: false });
  });
  it('combines ReadOnly and WriteOnly selectors into All, and ignores selectors without management events', () => {
    expect(summarizeSelectors([{ ReadWriteType: 'ReadOnly' }, { ReadWriteType: 'WriteOnly' }], []).managementEvents).toBe('All');
    expect(summarizeSelectors([{ ReadWriteType: 'ReadOnly' }], []).managementEvents).toBe('ReadOnly');
    expect(summarizeSelectors([{ IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }], []))
      .toEqual({ advanced: false, managementEvents: 'None', s3DataEvents: true });
    expect(summarizeSelectors([], []).managementEvents).toBe('None');
  });
  it('reads advanced selectors: readOnly field and S3 object data events', () => {
    const readOnly = [{ Name: 'm', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['true'] }] }];
    expect(summarizeSelectors(undefined, readOnly)).toEqual({ advanced: true, managementEvents: 'ReadOnly', s3DataEvents: false });
    const lambdaData = [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }] }];
    expect(summarizeSelectors(undefined, lambdaData).s3DataEvents).toBe(false);
  });
});

describe('metric filter patterns (parsed, run on sample CloudTrail records)', () => {
  it('accepts spacing and quoting variants and rejects unrelated patterns', () => {
    // The same assertions the keyword matchers (helpers/metric-patterns.ts, now removed) were held to.
    expect(catchesActivity('{$.userIdentity.type="Root"}', ACTIVITIES.rootUsage)).toBe(true);
    expect(catchesActivity('{ $.userIdentity.type = "IAMUser" }', ACTIVITIES.rootUsage)).toBe(false);
    expect(catchesActivity('{ ($.eventName = "ConsoleLogin") && ($.responseElements.ConsoleLogin = "Failure") }', ACTIVITIES.consoleAuthFailures)).toBe(true);
    expect(catchesActivity('{ $.eventName = ConsoleLogin }', ACTIVITIES.consoleAuthFailures)).toBe(false);
    expect(catchesActivity('{ $.eventSource = "iam.amazonaws.com" }', ACTIVITIES.iamPolicyChanges)).toBe(true);
    expect(catchesActivity('{ ($.eventSource = iam.amazonaws.com) && ($.eventName = PutUserPolicy) }', ACTIVITIES.iamPolicyChanges)).toBe(false);
    expect(catchesActivity('{ ($.eventName = StopLogging) }', ACTIVITIES.cloudTrailChanges)).toBe(false);
    expect(catchesActivity('{ $.errorCode = "AccessDenied*" }', ACTIVITIES.unauthorizedApiCalls)).toBe(false);
  });

  it('gets right what the keyword matchers got wrong', () => {
    // Keyword matcher passed these (the words are there) though they select no record of the activity.
    expect(catchesActivity('{ $.userIdentity.type = "Root" && $.eventType = "NoSuchType" }', ACTIVITIES.rootUsage)).toBe(false);
    expect(catchesActivity('{ ($.errorCode = "*UnauthorizedOperation") && ($.errorCode = "AccessDenied*") }', ACTIVITIES.unauthorizedApiCalls)).toBe(false);
    expect(catchesActivity('{ $.eventName = "ConsoleLogin" && $.errorMessage != "Failed authentication" }', ACTIVITIES.consoleAuthFailures)).toBe(false);
    // ... and failed this equivalent one (no literal "UnauthorizedOperation" / "AccessDenied" in it).
    expect(catchesActivity('{ ($.errorCode = "*Unauthorized*") || ($.errorCode = "*Denied*") }', ACTIVITIES.unauthorizedApiCalls)).toBe(true);
  });
});

describe('evaluation edge cases', () => {
  it('cloudtrail_trail_logging fails a logging trail whose last delivery failed', () => {
    const snapshot = loggingSnapshot({
      regions: { 'us-east-1': region({ cloudtrail: { data: { trails: [trail({ status: { data: { isLogging: true, latestDeliveryError: 'AccessDenied' } } })], otherTrailArns: [] } } }) },
    });
    const [result] = run(snapshot, 'cloudtrail_trail_logging');
    expect(result).toMatchObject({ status: 'FAIL', resource: { id: 'audit', type: 'AWS::CloudTrail::Trail' } });
    expect(result?.reason).toContain('last delivery failed: AccessDenied');
  });

  it('multi-region check reports ERROR when the only candidate trail has unreadable selectors', () => {
    const broken = trail({ selectors: { error: { code: 'AccessDeniedException', message: 'no', operation: 'cloudtrail:GetEventSelectors' } } });
    const snapshot = loggingSnapshot({ regions: { 'us-east-1': region({ cloudtrail: { data: { trails: [broken], otherTrailArns: [] } } }) } });
    expect(run(snapshot, 'cloudtrail_multi_region_enabled')[0]?.status).toBe('ERROR');
  });

  it('log retention honours the configured threshold, inclusive', () => {
    const groups = [90, 365, 400].map((days) => ({ name: `g${days}`, arn: `arn:aws:logs:us-east-1:${MOTO_ACCOUNT_ID}:log-group:g${days}`, retentionInDays: days }));
    const snapshot = loggingSnapshot({ regions: { 'us-east-1': region({ logGroups: { data: groups } }) } });
    const results = run(snapshot, 'cloudwatch_log_group_retention_six_years', { auditLogRetentionDays: 365 });
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([['g90', 'FAIL'], ['g365', 'PASS'], ['g400', 'PASS']]);
    expect(results.every(namesResource)).toBe(true);
  });

  it('a metric-math alarm on the filter metric counts', () => {
    const snapshot = loggingSnapshot({
      regions: {
        'us-east-1': region({
          metricFilters: { data: [{ name: 'root', logGroupName: 'ct', pattern: '{ $.userIdentity.type = "Root" }', metrics: [{ name: 'Root', namespace: 'CIS' }] }] },
          alarms: { data: [{ name: 'root-math', arn: 'arn:alarm', actionsEnabled: true, alarmActions: ['arn:sns'], metrics: [{ name: 'Root', namespace: 'CIS' }] }] },
        }),
      },
    });
    expect(run(snapshot, 'cloudwatch_alarm_root_usage')[0]?.status).toBe('PASS');
  });

  it('config recorder without global types passes only if another region records them', () => {
    const recorder = (global: boolean) => ({ data: [{ name: 'default', allSupported: true, includeGlobalResourceTypes: global, resourceTypeCount: 0 }] });
    const recording = { data: [{ name: 'default', recording: true }] };
    const withGlobal = loggingSnapshot({
      regions: {
        'us-east-1': region({ configRecorders: recorder(true), configRecorderStatus: recording }),
        'eu-west-1': region({ configRecorders: recorder(false), configRecorderStatus: recording }),
      },
    });
    expect(run(withGlobal, 'config_recorder_enabled').map((r) => r.status)).toEqual(['PASS', 'PASS']);
    const withoutGlobal = loggingSnapshot({ regions: { 'eu-west-1': region({ configRecorders: recorder(false), configRecorderStatus: recording }) } });
    expect(run(withoutGlobal, 'config_recorder_enabled')[0]?.reason).toContain('excludes global resource types');
  });

  it('a flow log whose delivery fails does not count', () => {
    const snapshot = loggingSnapshot({
      regions: {
        'us-east-1': region({
          vpcs: { data: [{ vpcId: 'vpc-1', isDefault: false }] },
          flowLogs: { data: [{ flowLogId: 'fl-1', resourceId: 'vpc-1', trafficType: 'ALL', flowLogStatus: 'ACTIVE', deliverLogsStatus: 'FAILED' }] },
        }),
      },
    });
    expect(run(snapshot, 'vpc_flow_logs_enabled')[0]).toMatchObject({ status: 'FAIL', resource: { id: 'vpc-1' } });
  });

  it('GuardDuty: a detector whose details could not be read is ERROR, not FAIL', () => {
    const error = { code: 'AccessDeniedException', message: 'no', operation: 'guardduty:GetDetector' };
    const snapshot = loggingSnapshot({ regions: { 'us-east-1': region({ guardDutyDetectors: { data: [{ detectorId: 'd1', detail: { error }, highFindings: { data: { total: 0, oldest: [] } } }] } }) } });
    expect(run(snapshot, 'guardduty_detector_enabled')[0]?.status).toBe('ERROR');
  });

  it('region coverage is ERROR, not FAIL, when the covering multi-region trail sits in a region whose listing failed', () => {
    const denied = { error: { code: 'AccessDeniedException', message: 'no', operation: 'cloudtrail:DescribeTrails' } };
    const snapshot = loggingSnapshot({
      regions: {
        'us-east-1': region({ cloudtrail: denied }),
        'eu-west-1': region({ cloudtrail: { data: { trails: [], otherTrailArns: [trail().arn] } } }),
      },
    });
    const results = run(snapshot, 'cloudtrail_multi_region_enabled');
    expect(results.map((r) => [r.resource.region, r.status])).toEqual([['us-east-1', 'ERROR'], ['eu-west-1', 'ERROR']]);
    expect(results[1]?.reason).toContain('cloudtrail:DescribeTrails failed with AccessDeniedException');
  });

  it('config recorder without global types is ERROR, not FAIL, when another region could not be read', () => {
    const recorder = { data: [{ name: 'default', allSupported: true, includeGlobalResourceTypes: false, resourceTypeCount: 0 }] };
    const denied = { error: { code: 'AccessDeniedException', message: 'no', operation: 'config:DescribeConfigurationRecorders' } };
    const snapshot = loggingSnapshot({
      regions: {
        'us-east-1': region({ configRecorders: denied }),
        'eu-west-1': region({ configRecorders: recorder, configRecorderStatus: { data: [{ name: 'default', recording: true }] } }),
      },
    });
    expect(run(snapshot, 'config_recorder_enabled').map((r) => r.status)).toEqual(['ERROR', 'ERROR']);
  });

  it('GuardDuty: one enabled detector passes even when another could not be read; none readable enabled is ERROR', () => {
    const error = { code: 'AccessDeniedException', message: 'no', operation: 'guardduty:GetDetector' };
    const highFindings = { data: { total: 0, oldest: [] } };
    const enabled = { detectorId: 'd2', detail: { data: { status: 'ENABLED', features: [] } }, highFindings };
    const disabled = { detectorId: 'd3', detail: { data: { status: 'DISABLED', features: [] } }, highFindings };
    const unreadable = { detectorId: 'd1', detail: { error }, highFindings };
    const with_ = (detectors: object[]) =>
      loggingSnapshot({ regions: { 'us-east-1': region({ guardDutyDetectors: { data: detectors } } as Partial<LoggingRegion>) } });
    expect(run(with_([unreadable, enabled]), 'guardduty_detector_enabled')[0]?.status).toBe('PASS');
    expect(run(with_([unreadable, disabled]), 'guardduty_detector_enabled')[0]?.status).toBe('ERROR');
    expect(run(with_([disabled]), 'guardduty_detector_enabled')[0]).toMatchObject({ status: 'FAIL', reason: expect.stringContaining('d3: DISABLED') });
  });
});

// moto's CreateTrail requires the bucket in the same account, and moto never reports a failed delivery:
// a trail delivering to another account's bucket (or to a deleted one) is built by hand.
describe('trail bucket outside the account', () => {
  const withBuckets = (t: Trail, buckets: NonNullable<AccountSnapshot['storage']['buckets']>): AccountSnapshot =>
    snapshotOf(
      {
        logging: { regions: { 'us-east-1': region({ cloudtrail: { data: { trails: [t], otherTrailArns: [] } } }) } },
        storage: { regions: {}, buckets },
      },
      { includesGlobal: true },
    );
  const ids = ['cloudtrail_bucket_not_public', 'cloudtrail_bucket_access_logging'];

  it('is NOT_APPLICABLE ("bucket in another account") when unlisted but the last delivery succeeded', () => {
    const delivered = trail({ s3BucketName: 'org-archive', status: { data: { isLogging: true, latestDeliveryTime: '2026-01-15T11:00:00Z' } } });
    for (const id of ids) {
      const [result] = run(withBuckets(delivered, { data: [] }), id);
      expect(result).toMatchObject({ status: 'NOT_APPLICABLE', resource: { id: 'audit', type: 'AWS::CloudTrail::Trail' } });
      expect(result?.reason).toContain('org-archive, bucket in another account');
    }
  });

  it('is ERROR when unlisted and the delivery failed or is unknown, or when the bucket list failed', () => {
    const failing = trail({ s3BucketName: 'gone', status: { data: { isLogging: true, latestDeliveryError: 'NoSuchBucket' } } });
    const unknown = trail({ s3BucketName: 'gone', status: { error: { code: 'AccessDeniedException', message: 'no', operation: 'cloudtrail:GetTrailStatus' } } });
    const listFailed = { error: { code: 'AccessDenied', message: 'no', operation: 's3:ListBuckets' } };
    for (const id of ids) {
      expect(run(withBuckets(failing, { data: [] }), id)[0]).toMatchObject({ status: 'ERROR', reason: expect.stringContaining('its last delivery failed with NoSuchBucket') });
      expect(run(withBuckets(unknown, { data: [] }), id)[0]).toMatchObject({ status: 'ERROR', reason: expect.stringContaining('could not be read') });
      expect(run(withBuckets(failing, listFailed), id)[0]).toMatchObject({ status: 'ERROR', reason: expect.stringContaining('s3:ListBuckets failed') });
    }
  });

  it('says nothing when S3 (global) was not collected', () => {
    const snapshot = loggingSnapshot({ regions: { 'us-east-1': region({ cloudtrail: { data: { trails: [trail({ s3BucketName: 'b' })], otherTrailArns: [] } } }) } });
    for (const id of ids) expect(run(snapshot, id)).toEqual([]);
  });
});

describe('alarm subscriber: topics the scan cannot read', () => {
  it('is ERROR for a topic in another account, not PASS or FAIL', () => {
    const filter = { name: 'sg', logGroupName: 'ct', pattern: ACTIVITIES.securityGroupChanges.cisPattern, metrics: [{ name: 'Sg', namespace: 'CIS' }] };
    const alarm = { name: 'sg-alarm', arn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:sg-alarm', actionsEnabled: true, alarmActions: ['arn:aws:sns:us-east-1:999999999999:central'], metrics: [{ name: 'Sg', namespace: 'CIS' }] };
    const snapshot = loggingSnapshot({ regions: { 'us-east-1': region({ metricFilters: { data: [filter] }, alarms: { data: [alarm] } }) } });
    const [result] = run(snapshot, 'cloudwatch_alarm_action_has_subscriber');
    expect(result).toMatchObject({ status: 'ERROR', resource: { id: 'sg-alarm', type: 'AWS::CloudWatch::Alarm' } });
    expect(result?.reason).toContain('is in another account');
  });
});
