import { describe, expect, it } from 'vitest';
import { check as stoppedLong } from '../../lib/checks/network/ec2_instance_not_stopped_long.js';
import { stoppedSince } from '../../lib/checks/network/helpers/stopped-since.js';
import type { Instance, NetworkRegion } from '../../lib/snapshot/network.js';
import { evaluateCheck, resultFor, snapshotOf } from '../support/snapshot.js';

// Hand-written snapshots: moto always writes a timestamp into StateTransitionReason, so a stopped
// instance without one (an older or unusual reason text) cannot be produced there.
const REGION = 'us-east-1';
const instance = (id: string, stateTransitionReason: string | null): Instance => ({
  id, arn: `arn:aws:ec2:${REGION}:123456789012:instance/${id}`, name: null, state: 'stopped', stateTransitionReason,
  launchTime: null, publicIpAddress: null, httpTokens: 'required', httpEndpoint: 'enabled', instanceProfileArn: null,
  monitoring: 'disabled', securityGroupIds: [],
});
const region = (instances: Instance[]): NetworkRegion => ({
  securityGroups: { data: [] }, networkInterfaces: { data: [] }, networkAcls: { data: [] }, subnets: { data: [] },
  instances: { data: instances }, managedInstances: { data: [] }, images: { data: [] }, launchTemplates: { data: [] },
  launchConfigurations: { data: [] },
});

describe('stop time from StateTransitionReason', () => {
  it('reads the AWS format (GMT) and refuses text without a time', () => {
    expect(stoppedSince('User initiated (2019-05-22 15:02:22 GMT)')?.toISOString()).toBe('2019-05-22T15:02:22.000Z');
    expect(stoppedSince('Server.ScheduledStop: Stopped due to scheduled retirement')).toBeNull();
    expect(stoppedSince(null)).toBeNull();
  });

  it('ec2_instance_not_stopped_long: ERROR (not PASS) when the stop time is unknown; threshold is configurable', () => {
    const snapshot = snapshotOf({
      network: { regions: { [REGION]: region([instance('i-0old', 'User initiated (2026-01-01 00:00:00 GMT)'), instance('i-0odd', 'Server.ScheduledStop')]) } },
    });
    const now = new Date('2026-01-21T00:00:00Z');
    expect(resultFor(evaluateCheck(stoppedLong, snapshot, { now }), 'i-0odd')).toMatchObject({ status: 'ERROR' });
    expect(resultFor(evaluateCheck(stoppedLong, snapshot, { now }), 'i-0old')).toMatchObject({ status: 'PASS' });
    const strict = evaluateCheck(stoppedLong, snapshot, { now, thresholds: { stoppedInstanceMaxDays: 14 } });
    expect(resultFor(strict, 'i-0old').reason).toBe('EC2 instance i-0old has been stopped for 20 days (since 2026-01-01), more than 14');
  });
});
