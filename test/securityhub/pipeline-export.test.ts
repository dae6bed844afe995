import { paginateGetFindings, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLINIC, seedClinicAccount } from '../../scripts/demo/clinic-account.js';
import { localPipelineEnv, provisionPipelineResources, type LocalPipelineResources } from '../../scripts/demo/provision.js';
import { AUDIT_ACCOUNT_ID, CLINIC_ACCOUNT_ID } from '../../scripts/demo/run-demo.js';
import { finalizeRun, loadPipelineEnv, recordAccount, resolveTargets, scanTarget, sealAccount, type PipelineEnv } from '../../lib/pipeline/index.js';
import { createDynamoStores } from '../../lib/store/dynamodb/index.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';

// The pipeline's `securityHub: true` through the functions the Lambdas call, against two moto servers
// (the clinic's workload account and the audit account, whose Security Hub receives the findings).
const REGION = DEMO_CLINIC.region;
let clinic: MotoServer;
let audit: MotoServer;
let resources: LocalPipelineResources;
let refusingHub: FaultProxy;

beforeAll(async () => {
  [clinic, audit] = await Promise.all([startMoto(), startMoto({ MOTO_ACCOUNT_ID: AUDIT_ACCOUNT_ID })]);
  const clinicClients = motoClients(clinic);
  const auditClients = motoClients(audit);
  await seedClinicAccount(clinicClients, REGION);
  resources = await provisionPipelineResources(auditClients, REGION, { senderEmail: 'audit@clinic.example' });
  clinicClients.destroy();
  auditClients.destroy();
  // Every pipeline call reaches the audit account, but Security Hub refuses (not enabled in that account).
  refusingHub = await startFaultProxy(audit.url, (call) =>
    call.service === 'securityhub' ? { kind: 'error', code: 'InvalidAccessException', status: 401, message: 'Account is not subscribed to AWS Security Hub' } : undefined,
  );
}, 180_000);
afterAll(async () => {
  await refusingHub?.stop();
  await Promise.all([clinic?.stop(), audit?.stop()]);
});

function pipelineEnv(auditEndpoint: string): PipelineEnv {
  return loadPipelineEnv({
    ...localPipelineEnv({
      resources, region: REGION, auditEndpoint, targetEndpoint: clinic.url, targetAccounts: [CLINIC_ACCOUNT_ID],
      officerEmails: ['officer@clinic.example'], organizationName: 'Security Hub Test Clinic',
    }),
    SECURITY_HUB: 'true',
  });
}

async function runOnce(env: PipelineEnv, executionId: string) {
  const resolved = await resolveTargets(env, { executionId, startedAt: new Date().toISOString() });
  const scan = await scanTarget(env, { runId: resolved.runId, target: { accountId: CLINIC_ACCOUNT_ID, regions: [REGION], includeGlobal: true } });
  await sealAccount(env, { runId: resolved.runId, startedAt: resolved.startedAt, accountId: CLINIC_ACCOUNT_ID, scans: [scan] });
  const recorded = await recordAccount(env, { runId: resolved.runId, startedAt: resolved.startedAt, accountId: CLINIC_ACCOUNT_ID });
  const finalized = await finalizeRun(env, { runId: resolved.runId, startedAt: resolved.startedAt, executionId });
  return { recorded, finalized };
}

async function auditHubFindings(): Promise<AwsSecurityFinding[]> {
  const clients = motoClients(audit);
  const out: AwsSecurityFinding[] = [];
  for await (const page of paginateGetFindings({ client: clients.get(SecurityHubClient, REGION), pageSize: 100 }, {})) out.push(...(page.Findings ?? []));
  clients.destroy();
  return out;
}

describe('pipeline with securityHub: true', () => {
  it('RecordAccount imports the account\'s findings into the audit account\'s Security Hub', async () => {
    const { recorded, finalized } = await runOnce(pipelineEnv(audit.url), 'arn:aws:states:us-east-1:111122223333:execution:audit-run:hub-1');

    const total = Object.values(recorded.counts).reduce((a, b) => a + b, 0);
    expect(recorded.securityHub).toEqual({ imported: total, archived: (recorded.counts.PASS ?? 0) + (recorded.counts.NOT_APPLICABLE ?? 0), gone: 0, failed: 0 });
    const hub = await auditHubFindings();
    expect(hub).toHaveLength(total);
    expect(new Set(hub.map((f) => f.AwsAccountId))).toEqual(new Set([AUDIT_ACCOUNT_ID]));
    expect(new Set(hub.map((f) => f.ProductFields?.['hipaa-audit/AccountId']))).toEqual(new Set([CLINIC_ACCOUNT_ID]));
    const bob = hub.find((f) => f.GeneratorId === 'iam_user_console_mfa_enabled' && f.Resources?.[0]?.Id?.endsWith(':user/billing.bob'));
    expect(bob).toMatchObject({ Compliance: { Status: 'FAILED' }, RecordState: 'ACTIVE', ProductArn: `arn:aws:securityhub:${REGION}:${AUDIT_ACCOUNT_ID}:product/${AUDIT_ACCOUNT_ID}/default` });
    expect(finalized.status).not.toBe('FAILED');
  }, 300_000);

  it('an import Security Hub refuses does not fail the run: it is on the run item with the run\'s errors', async () => {
    const before = (await auditHubFindings()).length;
    const { recorded, finalized } = await runOnce(pipelineEnv(refusingHub.url), 'arn:aws:states:us-east-1:111122223333:execution:audit-run:hub-2');

    expect(recorded.securityHub).toMatchObject({ imported: 0 });
    expect(recorded.securityHub?.failed).toBeGreaterThan(0);
    expect(finalized.status).not.toBe('FAILED');
    const clients = motoClients(audit);
    const run = await createDynamoStores({ clients, region: REGION, tableName: resources.tableName }).findings.getRun(finalized.runId);
    clients.destroy();
    expect(run?.collectionErrors).toContainEqual(expect.objectContaining({
      accountId: CLINIC_ACCOUNT_ID, region: REGION, code: 'InvalidAccessException', operation: 'securityhub:BatchImportFindings',
      message: expect.stringMatching(/^Security Hub export: \d+ finding\(s\) not imported: Account is not subscribed/),
    }));
    expect(run?.collectionErrors).toContainEqual(expect.objectContaining({ operation: 'securityhub:GetFindings', message: expect.stringContaining('resolved findings not archived') }));
    expect(refusingHub.injected.get('securityhub:POST /findings/import')).toBeGreaterThan(0);
    expect((await auditHubFindings()).length).toBe(before);
  }, 300_000);
});
