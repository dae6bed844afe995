import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLINIC, seedClinicAccount } from '../../scripts/demo/clinic-account.js';
import { localPipelineEnv, provisionPipelineResources } from '../../scripts/demo/provision.js';
import { AUDIT_ACCOUNT_ID, CLINIC_ACCOUNT_ID } from '../../scripts/demo/run-demo.js';
import { readSentEmails } from '../../scripts/demo/sent-mail.js';
import { createDynamoStores } from '../../lib/store/dynamodb/index.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';

// The handlers the state machine and the digest schedule invoke, with realistic events, against two
// moto servers: the clinic's workload account and the audit account holding the pipeline's stores.
const context = {
  functionName: 'test', awsRequestId: 'req-1', invokedFunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:test',
  functionVersion: '$LATEST', memoryLimitInMB: '1024', logGroupName: '/aws/lambda/test', logStreamName: 's',
  callbackWaitsForEmptyEventLoop: false, getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

type Handlers = {
  resolve: (e: unknown, c: Context) => Promise<{ runId: string; startedAt: string; targets: { accountId: string; regions: string[]; includeGlobal: boolean }[] }>;
  scan: (e: unknown, c: Context) => Promise<{ accountId: string; status: string; findingsKey: string; counts: Record<string, number> }>;
  finalize: (e: unknown, c: Context) => Promise<{ runId: string; status: string; counts: Record<string, number> }>;
  digest: (e: unknown, c: Context) => Promise<{ sent: boolean; messageId?: string; subject: string }>;
};

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
    resources, region: REGION, auditEndpoint: audit.url, targetEndpoint: clinic.url, targetAccounts: [CLINIC_ACCOUNT_ID],
    officerEmails: ['officer@clinic.example'], organizationName: 'Handler Test Clinic',
  }), { POWERTOOLS_LOG_LEVEL: 'ERROR' });
  // Imported after the environment is set: the handlers read it once per container, like Lambda.
  handlers = {
    resolve: (await import('../../functions/resolve-targets.js')).handler,
    scan: (await import('../../functions/scan-target.js')).handler,
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
  let outcome: Awaited<ReturnType<Handlers['scan']>>;

  it('ResolveTargets lists each configured account with its regions', async () => {
    const resolved = await handlers.resolve({}, context);
    expect(resolved.runId).toMatch(/^run-\d{8}T\d{6}Z-/);
    expect(resolved.targets).toEqual([{ accountId: CLINIC_ACCOUNT_ID, regions: [REGION], includeGlobal: true }]);
    runId = resolved.runId;
    startedAt = resolved.startedAt;
  });

  it('ScanTarget scans the account and writes signed evidence', async () => {
    outcome = await handlers.scan({ runId, target: { accountId: CLINIC_ACCOUNT_ID, regions: [REGION], includeGlobal: true } }, context);
    expect(outcome).toMatchObject({ accountId: CLINIC_ACCOUNT_ID, findingsKey: `evidence/${CLINIC_ACCOUNT_ID}/${runId}/findings.json` });
    expect(outcome.counts.FAIL).toBeGreaterThan(0);
    expect(outcome.counts.PASS).toBeGreaterThan(0);
  });

  it('FinalizeRun records the run; a caught target failure makes it PARTIAL, not lost', async () => {
    const failed = { accountId: '210987654321', error: { Error: 'States.TaskFailed', Cause: 'AccessDenied assuming HipaaAuditReadOnly' } };
    const result = await handlers.finalize({ runId, startedAt, outcomes: [outcome, failed] }, context);
    expect(result.status).toBe('PARTIAL');
    expect(result.counts.FAIL).toBe(outcome.counts.FAIL);

    const auditClients = motoClients(audit);
    const stores = createDynamoStores({ clients: auditClients, region: REGION, tableName });
    const run = await stores.findings.getRun(runId);
    expect(run?.status).toBe('PARTIAL');
    expect(run?.accountIds).toEqual([CLINIC_ACCOUNT_ID, '210987654321']);
    expect(run?.collectionErrors).toContainEqual(expect.objectContaining({ accountId: '210987654321', code: 'States.TaskFailed' }));
    const open = await stores.findings.currentFindings({ statuses: ['FAIL'] });
    expect(open.length).toBe(outcome.counts.FAIL);
    auditClients.destroy();
  });

  it('FinalizeRun reports FAILED when every target failed', async () => {
    const result = await handlers.finalize({
      runId: 'run-20260101T000000Z-allfail0', startedAt: '2026-01-01T00:00:00.000Z',
      outcomes: [{ accountId: CLINIC_ACCOUNT_ID, error: { Error: 'Lambda.Unknown', Cause: 'timeout' } }],
    }, context);
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
