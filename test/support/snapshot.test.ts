import { CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountResource, pass } from '../../lib/checks/kit/results.js';
import { check as ebsVolumeEncrypted } from '../../lib/checks/storage/ec2_ebs_volume_encrypted.js';
import { defineCheck } from '../../lib/checks/types.js';
import { collectSnapshot, evaluateCheck, resultFor, snapshotOf } from './snapshot.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, type MotoServer } from './moto.js';

let moto: MotoServer;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

describe('the shared snapshot builder', () => {
  it('collects a family with the real collector against moto and evaluates a check on it', async () => {
    const clients = motoClients(moto);
    const volume = await clients.get(EC2Client, 'us-east-1').send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1 }));
    const snapshot = await collectSnapshot(clients, { regions: ['us-east-1'], families: ['storage'], includeGlobal: false });
    expect(snapshot).toMatchObject({ accountId: MOTO_ACCOUNT_ID, regions: ['us-east-1'], includesGlobal: false, iam: {} });
    const result = resultFor(evaluateCheck(ebsVolumeEncrypted, snapshot), volume.VolumeId ?? '');
    expect(result.status).toBe('FAIL');
  });

  it('fills families that were not given with their empty value and validates the result', () => {
    const snapshot = snapshotOf({}, { regions: ['eu-west-1'] });
    expect(snapshot.logging).toEqual({ regions: {} });
    expect(() => snapshotOf({ storage: { regions: { 'us-east-1': {} } } as never })).toThrow();
  });

  it('holds every result to the reason style: one line, no trailing full stop', () => {
    const snapshot = snapshotOf({}, { regions: [] });
    const reasoned = (reason: string) =>
      defineCheck({
        id: 'test_reason_style', title: 't', service: 'test', reads: [], citations: ['164.312(b)'], severity: 'low', rationale: 'r', remediation: 'fix it',
        evaluate: (s) => [pass(accountResource(s.accountId), reason)],
      });
    expect(evaluateCheck(reasoned(`Account ${MOTO_ACCOUNT_ID} is fine`), snapshot)[0]?.status).toBe('PASS');
    expect(() => evaluateCheck(reasoned(`Account ${MOTO_ACCOUNT_ID} is fine.`), snapshot)).toThrow(/reason style/);
    expect(() => evaluateCheck(reasoned(`Account ${MOTO_ACCOUNT_ID}\nis fine`), snapshot)).toThrow(/reason style/);
    expect(() => evaluateCheck('no_such_check', snapshot)).toThrow(/no check no_such_check/);
  });

  it('resultFor names every result when the resource has none', () => {
    expect(() => resultFor([], 'vol-1')).toThrow(/expected one result for vol-1, found 0/);
  });
});
