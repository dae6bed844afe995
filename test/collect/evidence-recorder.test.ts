import { describe, expect, it } from 'vitest';
import { EvidenceRecorder, REDACTED } from '../../lib/collect/evidence-recorder.js';

describe('EvidenceRecorder', () => {
  it('drops SDK metadata and never keeps secret-bearing fields, however deep', () => {
    const recorder = new EvidenceRecorder(() => new Date('2026-01-01T00:00:00Z'));
    recorder.record('iam', 'us-east-1', 'ListVirtualMFADevices', {
      $metadata: { httpStatusCode: 200 },
      VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/a', Base32StringSeed: 'SEED', QRCodePNG: 'PNG' }],
      Nested: { Credentials: { AccessKeyId: 'ASIA…', SecretAccessKey: 'shh', SessionToken: 'tok' } },
    });
    expect(recorder.records).toEqual([
      {
        service: 'iam', region: 'us-east-1', operation: 'ListVirtualMFADevices', collectedAt: '2026-01-01T00:00:00.000Z',
        response: {
          VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/a', Base32StringSeed: REDACTED, QRCodePNG: REDACTED }],
          Nested: { Credentials: { AccessKeyId: 'ASIA…', SecretAccessKey: REDACTED, SessionToken: REDACTED } },
        },
      },
    ]);
  });

  it('never keeps Lambda or ECS environment variables (plaintext secrets live there)', () => {
    const recorder = new EvidenceRecorder();
    recorder.record('lambda', 'us-east-1', 'ListFunctions', {
      Functions: [{ FunctionName: 'f', Runtime: 'nodejs22.x', Environment: { Variables: { DB_PASSWORD: 'hunter2' } } }],
    });
    recorder.record('ecs', 'us-east-1', 'DescribeTaskDefinition', {
      taskDefinition: { containerDefinitions: [{ name: 'app', privileged: false, environment: [{ name: 'API_KEY', value: 'k' }] }] },
    });
    expect(JSON.stringify(recorder.records)).not.toMatch(/hunter2|API_KEY/);
    expect(recorder.records[0]?.response).toEqual({ Functions: [{ FunctionName: 'f', Runtime: 'nodejs22.x', Environment: REDACTED }] });
    expect(recorder.records[1]?.response).toMatchObject({ taskDefinition: { containerDefinitions: [{ name: 'app', privileged: false, environment: REDACTED }] } });
  });

  it('keeps configuration metadata as it is', () => {
    const recorder = new EvidenceRecorder();
    const response = { Trails: [{ Name: 'org-trail', KmsKeyId: 'arn:aws:kms:us-east-1:1:key/x', LogFileValidationEnabled: true }] };
    recorder.record('cloudtrail', 'us-east-1', 'DescribeTrails', response, 'org-trail');
    expect(recorder.records[0]).toMatchObject({ target: 'org-trail', response });
  });
});
