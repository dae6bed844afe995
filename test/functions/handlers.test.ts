import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLINIC, seedClinicAccount } from '../../scripts/demo/clinic-account.js';
import { localPipelineEnv, provisionPipelineResources } from '../../scripts/demo/provision.js';
import { AUDIT_ACCOUNT_ID, CLINIC_ACCOUNT_ID } from '../../scripts/demo/run-demo.js';
import { readSentEmails } from '../../scripts/demo/sent-mail.js';
import { S3WorkStore } from '../../lib/evidence/work-store.js';
import { createDynamoStores } from '../../lib/store/dynamodb/index.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';

// The handlers the state machine and the digest schedule invoke, with realistic events, against two
// moto servers: the clinic's workload account and the audit account holding the pipeline's stores.
const context = {
  functionName: 'test', awsRequestId: 'req-1', invokedFunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:test',
  functionVersion: '$LATEST', memoryLimitInMB: '1024', logGroupName: '/aws/lambda/test', logStreamName: 's',
  callbackWaitsForEmptyEventLoop: false, getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

type ScanOutcome = { accountId: string; regions: string[]; includeGlobal: boolean; status: string; recordKey: string; counts: Record<string, number> };
type Handlers = {
  resolve: (e: unknown, c: Context) => Promise<{ runId: string; startedAt: string; executionId: string; targets: { bucket: string; key: string; accounts: number } }>;
  scan: (e: unknown, c: Context) => Promise<ScanOutcome>;
  seal: (e: unknown, c: Context) => Promise<{ accountId: string; status: string; manifestKey: string; counts: Record<string, number> }>;
  record: (e: unknown, c: Context) => Promise<{ accountId: string; status: string; counts: Record<string, number> }>;
  finalize: (e: unknown, c: Context) => Promise<{ runId: string; status: string; counts: Record<string, number> }>;
  digest: (e: unknown, c: Context) => Promise<{ sent: boolean; messageId?: string; subject: string }>;
};

// A second target whose member role cannot be assumed: its scans fail and the state machine records it FAILED.
const FAILED_ACCOUNT_ID = '210987654321';

let clinic: MotoServer;
let audit: MotoServer;
let handlers: Handlers;
let tableName: string;
const REGION = DEMO_CLINIC.region;

beforeAll(async () => {
  [clinic, audit] = await Promise.all([startMoto(), startMoto({ MOTO_ACCOUNT_ID: AUDIT_ACCOUNT_ID })]);
  const clinicClients = motoClients(clinic);
  const auditClients = motoClients(audit);
  await seedClinicAccount(clinicClients, REGION);
  const resources = await provisionPipelineResources(auditClients, REGION, { senderEmail: 'audit@clinic.example' });
  tableName = resources.tableName;
  clinicClients.destroy();
  auditClients.destroy();
  Object.assign(process.env, localPipelineEnv({
    resources, region: REGION, auditEndpoint: audit.url, targetEndpoint: clinic.url, targetAccounts: [CLINIC_ACCOUNT_ID, FAILED_ACCOUNT_ID],
    officerEmails: ['officer@clinic.example'], organizationName: 'Handler Test Clinic',
  }), { POWERTOOLS_LOG_LEVEL: 'ERROR' });
  // Imported after the environment is set: the handlers read it once per container, like Lambda.
  handlers = {
    resolve: (await import('../../functions/resolve-targets.js')).handler,
    scan: (await import('../../functions/scan-target.js')).handler,
    seal: (await import('../../functions/seal-account.js')).handler,
    record: (await import('../../functions/record-account.js')).handler,
    finalize: (await import('../../functions/finalize-run.js')).handler,
    digest: (await import('../../functions/send-digest.js')).handler,
  } as Handlers;
});

afterAll(async () => {
  await Promise.all([clinic?.stop(), audit?.stop()]);
});

describe('Lambda handlers against moto', () => {
  let runId = '';
  let startedAt = '';
  const executionId = 'arn:aws:states:us-east-1:111122223333:execution:audit-run:scheduled-1';
  const executionStart = new Date().toISOString();
  let outcome: ScanOutcome;

  it('ResolveTargets takes the run lock and writes each configured account with its regions to the work bucket', async () => {
    const resolved = await handlers.resolve({ request: {}, executionId, startedAt: executionStart }, context);
    expect(resolved.runId).toMatch(/^run-\d{8}T\d{6}Z-/);
    expect(resolved.targets).toMatchObject({ accounts: 2, key: `runs/${resolved.runId}/targets.json` });
    const auditClients = motoClients(audit);
    const targets = await new S3WorkStore({ clients: auditClients, region: REGION, bucket: resolved.targets.bucket }).readTargetList(resolved.runId);
    auditClients.destroy();
    expect(targets).toEqual([
      { accountId: CLINIC_ACCOUNT_ID, units: [{ accountId: CLINIC_ACCOUNT_ID, regions: [REGION], includeGlobal: true }] },
      { accountId: FAILED_ACCOUNT_ID, units: [{ accountId: FAILED_ACCOUNT_ID, regions: [REGION], includeGlobal: true }] },
    ]);
    // A retried ResolveTargets of the same execution gets the same run back.
    const again = await handlers.resolve({ request: {}, executionId, startedAt: executionStart }, context);
    expect(again.runId).toBe(resolved.runId);
    runId = resolved.runId;
    startedAt = resolved.startedAt;
  });

  it('refuses a second execution while the first holds the run lock', async () => {
    await expect(handlers.resolve({ request: {}, executionId: `${executionId}-manual`, startedAt: new Date().toISOString() }, context))
      .rejects.toThrow(/still in progress/);
  });

  it('ScanTarget scans the account and SealAccount writes its signed evidence', async () => {
    outcome = await handlers.scan({ runId, target: { accountId: CLINIC_ACCOUNT_ID, regions: [REGION], includeGlobal: true } }, context);
    expect(outcome).toMatchObject({ accountId: CLINIC_ACCOUNT_ID, recordKey: expect.stringContaining(`runs/${runId}/scans/${CLINIC_ACCOUNT_ID}/`) });
    expect(outcome.counts.FAIL).toBeGreaterThan(0);
    expect(outcome.counts.PASS).toBeGreaterThan(0);
    const sealed = await handlers.seal({ runId, startedAt, accountId: CLINIC_ACCOUNT_ID, scans: [outcome] }, context);
    expect(sealed).toMatchObject({ accountId: CLINIC_ACCOUNT_ID, manifestKey: `evidence/${CLINIC_ACCOUNT_ID}/${runId}/manifest.json`, counts: outcome.counts });
  });

  it('FinalizeRun records the run; a caught target failure makes it PARTIAL, not lost', async () => {
    await handlers.record({ runId, startedAt, accountId: CLINIC_ACCOUNT_ID }, context);
    const failure = { Error: 'States.TaskFailed', Cause: 'AccessDenied assuming HipaaAuditReadOnly' };
    await handlers.record({ runId, startedAt, accountId: FAILED_ACCOUNT_ID, error: failure }, context);
    const result = await handlers.finalize({ runId, startedAt, executionId }, context);
    expect(result.status).toBe('PARTIAL');
    expect(result.counts.FAIL).toBe(outcome.counts.FAIL);

    const auditClients = motoClients(audit);
    const stores = createDynamoStores({ clients: auditClients, region: REGION, tableName });
    const run = await stores.findings.getRun(runId);
    expect(run?.status).toBe('PARTIAL');
    expect(run?.accountIds).toEqual([CLINIC_ACCOUNT_ID, FAILED_ACCOUNT_ID]);
    expect(run?.collectionErrors).toContainEqual(expect.objectContaining({ accountId: FAILED_ACCOUNT_ID, code: 'States.TaskFailed' }));
    const open = await stores.findings.currentFindings({ statuses: ['FAIL'] });
    expect(open.length).toBe(outcome.counts.FAIL);
    auditClients.destroy();
  });

  it('FinalizeRun reports FAILED when every target failed', async () => {
    const failedRun = { executionId: `${executionId}-2`, startedAt: '2026-01-01T00:00:00.000Z' };
    const resolved = await handlers.resolve({ request: { runId: 'run-20260101T000000Z-allfail0' }, ...failedRun }, context);
    expect(resolved.runId).toBe('run-20260101T000000Z-allfail0');
    for (const accountId of [CLINIC_ACCOUNT_ID, FAILED_ACCOUNT_ID]) {
      await handlers.record({ runId: resolved.runId, startedAt: resolved.startedAt, accountId, error: { Error: 'Lambda.Unknown', Cause: 'timeout' } }, context);
    }
    const result = await handlers.finalize({ runId: resolved.runId, startedAt: resolved.startedAt, executionId: failedRun.executionId }, context);
    expect(result.status).toBe('FAILED');
  });

  it('SendDigest emails the officer once per period', async () => {
    const now = new Date().toISOString();
    const first = await handlers.digest({ now }, context);
    expect(first.sent).toBe(true);
    const again = await handlers.digest({ now }, context);
    expect(again.sent).toBe(false);
    const mail = await readSentEmails(audit.url);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: ['officer@clinic.example'], from: 'audit@clinic.example', subject: first.subject });
    expect(mail[0]?.html).toContain('Handler Test Clinic');
  });

  it('rejects an event that does not match the contract, with the field named', async () => {
    await expect(handlers.scan({ runId: runId, target: { accountId: 'not-an-account', regions: [], includeGlobal: true } }, context))
      .rejects.toThrow(/target\.accountId: must be a 12-digit account id/);
  });
});
