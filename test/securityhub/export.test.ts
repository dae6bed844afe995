import { EnableSecurityHubCommand, paginateGetFindings, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import type { Finding } from '../../lib/model/finding.js';
import type { ScanRun } from '../../lib/model/run.js';
import { exportedFindingId } from '../../lib/report/finding-uid.js';
import { exportToSecurityHub, type SecurityHubExportInput } from '../../lib/securityhub/export.js';
import { IMPORT_BATCH_SIZE } from '../../lib/securityhub/import-findings.js';
import { finding, run } from '../findings/fixtures.js';
import { startFaultProxy, throttlingFault } from '../support/fault-proxy.js';
import { MOTO_ACCOUNT_ID, motoClients, startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto.js';
import { startMotoProxy } from '../support/moto-proxy.js';

const REGION = 'us-east-1';
let moto: MotoServer;
let clients: AwsClientFactory;

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
  for (const region of [REGION, 'us-west-2', 'eu-west-1']) {
    await clients.get(SecurityHubClient, region).send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
  }
});
afterAll(async () => {
  clients?.destroy();
  await moto?.stop();
});

const of = (spec: Parameters<typeof finding>[0]): Finding => finding({ accountId: MOTO_ACCOUNT_ID, ...spec });
const BOB: Finding = {
  ...of({ status: 'FAIL', checkId: 'iam_user_console_mfa_enabled', citations: ['164.312(d)'] }),
  resource: { arn: `arn:aws:iam::${MOTO_ACCOUNT_ID}:user/billing.bob`, id: 'billing.bob', type: 'AWS::IAM::User', region: 'global', accountId: MOTO_ACCOUNT_ID },
};
const CHECK_IDS = ['s3_bucket_encryption', 'iam_user_console_mfa_enabled'];

function runOf(id: string, finishedAt: string, findings: Finding[], extra: Partial<ScanRun> = {}): ScanRun {
  return { ...run({ id, finishedAt, accountIds: [MOTO_ACCOUNT_ID], regions: [REGION] }, findings), ...extra };
}

function exportInput(scanRun: ScanRun, findings: Finding[], over: Partial<SecurityHubExportInput> = {}): SecurityHubExportInput {
  return { clients, run: scanRun, findings, checkIds: CHECK_IDS, importerAccountId: MOTO_ACCOUNT_ID, homeRegion: REGION, retryDelayMs: 1, ...over };
}

async function findingsIn(region: string, factory = clients): Promise<Map<string, AwsSecurityFinding>> {
  const out = new Map<string, AwsSecurityFinding>();
  for await (const page of paginateGetFindings({ client: factory.get(SecurityHubClient, region), pageSize: 100 }, {})) {
    for (const f of page.Findings ?? []) if (f.Id) out.set(f.Id, f);
  }
  return out;
}

describe('Security Hub export (moto)', () => {
  it('imports findings that read back with the mapped compliance status, then updates them in place on the next run and archives the resolved ones', async () => {
    // Prepare
    const exportsBucket = of({ status: 'FAIL', id: 'exports' });
    const phi = of({ status: 'PASS', id: 'phi' });
    const scratch: Finding = { ...of({ status: 'SUPPRESSED', id: 'scratch' }), suppression: { id: 'a1', reason: 'No PHI (SEC-12)', approvedBy: 'J. Doe', expiresAt: '2027-03-31' } };
    const unreadable = of({ status: 'ERROR', id: 'unreadable' });
    const first = [exportsBucket, phi, scratch, unreadable, BOB];

    // Act
    const r1 = await exportToSecurityHub(exportInput(runOf('run-1', '2026-11-22T06:05:00.000Z', first), first));

    // Assess
    expect(r1).toEqual({ imported: 5, archived: 1, gone: 0, failed: [] });
    const afterFirst = await findingsIn(REGION);
    const read = (f: Finding) => afterFirst.get(exportedFindingId(f));
    expect(afterFirst.size).toBe(5);
    expect([read(exportsBucket), read(phi), read(scratch), read(unreadable), read(BOB)].map((f) => [f?.Compliance?.Status, f?.RecordState, f?.Workflow?.Status])).toEqual([
      ['FAILED', 'ACTIVE', 'NEW'], ['PASSED', 'ARCHIVED', 'RESOLVED'], ['FAILED', 'ACTIVE', 'SUPPRESSED'], ['WARNING', 'ACTIVE', 'NEW'], ['FAILED', 'ACTIVE', 'NEW'],
    ]);
    expect(read(BOB)).toMatchObject({
      SchemaVersion: '2018-10-08',
      ProductArn: `arn:aws:securityhub:${REGION}:${MOTO_ACCOUNT_ID}:product/${MOTO_ACCOUNT_ID}/default`,
      GeneratorId: 'iam_user_console_mfa_enabled',
      AwsAccountId: MOTO_ACCOUNT_ID,
      Types: ['Software and Configuration Checks/Industry and Regulatory Standards/HIPAA Controls'],
      Severity: { Label: 'HIGH' },
      Compliance: { RelatedRequirements: ['HIPAA 164.312(d)'] },
      Resources: [{ Type: 'AwsIamUser', Id: BOB.resource.arn, Region: REGION, Partition: 'aws' }],
    });
    expect(read(scratch)?.Note?.Text).toContain('J. Doe');

    // Act: the bucket is fixed and billing.bob is deleted; everything else persists.
    const second = [{ ...exportsBucket, status: 'PASS' as const }, phi, scratch, unreadable];
    const r2 = await exportToSecurityHub(exportInput(runOf('run-2', '2026-11-23T06:05:00.000Z', second), second));

    // Assess: same Ids, no duplicates; fixed and gone are ARCHIVED / PASSED.
    expect(r2).toEqual({ imported: 5, archived: 3, gone: 1, failed: [] });
    const afterSecond = await findingsIn(REGION);
    expect([...afterSecond.keys()].sort()).toEqual([...afterFirst.keys()].sort());
    for (const fixed of [exportsBucket, BOB]) {
      expect(afterSecond.get(exportedFindingId(fixed))).toMatchObject({ RecordState: 'ARCHIVED', Compliance: { Status: 'PASSED' }, Workflow: { Status: 'RESOLVED' } });
    }
    expect(afterSecond.get(exportedFindingId(scratch))?.ProductFields?.['hipaa-audit/RunId']).toBe('run-2');
  });

  it('leaves a missing finding ACTIVE where the run could not assess everything (collection error) or did not run its check', async () => {
    const region = 'us-west-2';
    const kept = of({ status: 'FAIL', id: 'west-bucket', region });
    const other = of({ status: 'FAIL', id: 'west-other', region, checkId: 'rds_instance_encryption' });
    const base = { regions: [region] };
    await exportToSecurityHub(exportInput(runOf('run-a', '2026-11-22T06:05:00.000Z', [kept, other], base), [kept, other], { checkIds: [...CHECK_IDS, 'rds_instance_encryption'] }));

    const partial = runOf('run-b', '2026-11-23T06:05:00.000Z', [], {
      ...base, status: 'PARTIAL', collectionErrors: [{ accountId: MOTO_ACCOUNT_ID, region, code: 'AccessDenied', operation: 's3:ListBuckets', message: 'denied' }],
    });
    const r = await exportToSecurityHub(exportInput(partial, []));

    expect(r.gone).toBe(0);
    const back = await findingsIn(region);
    expect([kept, other].map((f) => back.get(exportedFindingId(f))?.RecordState)).toEqual(['ACTIVE', 'ACTIVE']);

    // A complete run that did not include rds_instance_encryption resolves only the checks it ran.
    const complete = runOf('run-c', '2026-11-24T06:05:00.000Z', [], base);
    expect((await exportToSecurityHub(exportInput(complete, []))).gone).toBe(1);
    const after = await findingsIn(region);
    expect([kept, other].map((f) => after.get(exportedFindingId(f))?.RecordState)).toEqual(['ARCHIVED', 'ACTIVE']);
  });

  it(`imports in batches of ${IMPORT_BATCH_SIZE} and reads every finding back`, async () => {
    const region = 'eu-west-1';
    const many = Array.from({ length: 250 }, (_, i) => of({ status: 'FAIL', id: `bucket-${i}`, region }));
    const proxy = await startFaultProxy(moto.url);
    const viaProxy = new AwsClientFactory({ endpoint: proxy.url, credentials: TEST_CREDENTIALS, maxAttempts: 2 });
    try {
      const r = await exportToSecurityHub(exportInput(runOf('run-many', '2026-11-22T06:05:00.000Z', many, { regions: [region] }), many, { clients: viaProxy }));
      expect(r).toMatchObject({ imported: 250, failed: [] });
      expect(proxy.seen.get('securityhub:POST /findings/import')).toBe(3);
      expect((await findingsIn(region)).size).toBe(250);
    } finally {
      viaProxy.destroy();
      await proxy.stop();
    }
  });

  it('retries a throttled call (SDK retry) through a fault proxy answering in Security Hub\'s wire format', async () => {
    const region = 'ap-southeast-2';
    await clients.get(SecurityHubClient, region).send(new EnableSecurityHubCommand({}));
    const proxy = await startFaultProxy(moto.url, (call) => (call.operation === 'POST /findings/import' && call.attempt === 1 ? throttlingFault(call) : undefined));
    const viaProxy = new AwsClientFactory({ endpoint: proxy.url, credentials: TEST_CREDENTIALS, maxAttempts: 3 });
    try {
      const f = of({ status: 'FAIL', id: 'throttled', region });
      const r = await exportToSecurityHub(exportInput(runOf('run-t', '2026-11-22T06:05:00.000Z', [f], { regions: [region] }), [f], { clients: viaProxy }));
      expect(r).toMatchObject({ imported: 1, failed: [] });
      expect(proxy.injected.get('securityhub:POST /findings/import')).toBe(1);
    } finally {
      viaProxy.destroy();
      await proxy.stop();
    }
  });

  it('re-sends findings reported as failed with a transient code and reports the others (FailedFindings answered by a proxy: moto fails a finding only for missing Resources)', async () => {
    const region = 'ca-central-1';
    await clients.get(SecurityHubClient, region).send(new EnableSecurityHubCommand({}));
    const [a, b, c] = ['retry-a', 'retry-b', 'invalid-c'].map((id) => of({ status: 'FAIL', id, region }));
    if (!a || !b || !c) throw new Error('fixture');
    let answered = 0;
    const proxy = await startMotoProxy(moto.url, (req) => {
      if (req.path !== '/findings/import' || answered > 0) return undefined;
      answered += 1;
      // Security Hub's partial-failure answer: HTTP 200 with per-finding errors (restJson, as AWS sends it).
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          FailedCount: 3,
          SuccessCount: 0,
          FailedFindings: [
            { Id: exportedFindingId(a), ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' },
            { Id: exportedFindingId(b), ErrorCode: 'InternalFailure', ErrorMessage: 'try again' },
            { Id: exportedFindingId(c), ErrorCode: 'InvalidInput', ErrorMessage: 'Finding does not adhere to ASFF' },
          ],
        }),
      };
    });
    const viaProxy = new AwsClientFactory({ endpoint: proxy.url, credentials: TEST_CREDENTIALS, maxAttempts: 2 });
    try {
      const r = await exportToSecurityHub(exportInput(runOf('run-p', '2026-11-22T06:05:00.000Z', [a, b, c], { regions: [region] }), [a, b, c], { clients: viaProxy }));
      expect(r.imported).toBe(2);
      expect(r.failed).toEqual([{ id: exportedFindingId(c), region, operation: 'securityhub:BatchImportFindings', code: 'InvalidInput', message: 'Finding does not adhere to ASFF' }]);
      const back = await findingsIn(region);
      expect([a, b, c].map((f) => back.has(exportedFindingId(f)))).toEqual([true, true, false]);
    } finally {
      viaProxy.destroy();
      await proxy.close();
    }
  });

  it('reports every finding of a call Security Hub refuses as a whole, without throwing', async () => {
    const region = 'sa-east-1';
    const proxy = await startFaultProxy(moto.url, (call) =>
      call.service === 'securityhub' ? { kind: 'error', code: 'InvalidAccessException', status: 401, message: 'Account is not subscribed to AWS Security Hub' } : undefined,
    );
    const viaProxy = new AwsClientFactory({ endpoint: proxy.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    try {
      const f = of({ status: 'FAIL', id: 'nohub', region });
      const r = await exportToSecurityHub(exportInput(runOf('run-x', '2026-11-22T06:05:00.000Z', [f], { regions: [region] }), [f], { clients: viaProxy, homeRegion: region }));
      expect(r.imported).toBe(0);
      expect(r.failed.map((x) => [x.id, x.operation, x.code])).toEqual([
        ['*', 'securityhub:GetFindings', 'InvalidAccessException'], [exportedFindingId(f), 'securityhub:BatchImportFindings', 'InvalidAccessException'],
      ]);
    } finally {
      viaProxy.destroy();
      await proxy.stop();
    }
  });
});
