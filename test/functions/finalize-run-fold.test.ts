import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPipelineEnv, provisionPipelineResources } from '../../scripts/demo/provision.js';
import { AUDIT_ACCOUNT_ID } from '../../scripts/demo/run-demo.js';
import { S3WorkStore } from '../../lib/evidence/work-store.js';
import { finalizeRun, loadPipelineEnv, RUN_ITEM_MAX_ERRORS, type PipelineEnv } from '../../lib/pipeline/index.js';
import { createDynamoStores } from '../../lib/store/dynamodb/index.js';
import type { ScanRun } from '../../lib/model/run.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';

// FinalizeRun folds the account-run items one batch at a time (its memory must not grow with what each
// account recorded); these pin what the fold keeps on the run item, against moto's DynamoDB and S3.
const REGION = 'us-east-1';
const RUN_ID = 'run-20260301T000000Z-foldtest';
const STARTED_AT = '2026-03-01T00:00:00.000Z';
const ACCOUNTS = Array.from({ length: 40 }, (_, i) => String(100000000000 + i));
const ERRORS_PER_ACCOUNT = 3;

let audit: MotoServer;
let env: PipelineEnv;

function accountRun(accountId: string, index: number): ScanRun {
  return {
    id: RUN_ID,
    startedAt: STARTED_AT,
    finishedAt: `2026-03-01T00:${String(10 + index).padStart(2, '0')}:00.000Z`,
    accountIds: [accountId],
    regions: [REGION],
    status: 'PARTIAL',
    counts: { PASS: 2, FAIL: 1, ERROR: ERRORS_PER_ACCOUNT, NOT_APPLICABLE: 0, SUPPRESSED: 0 },
    collectionErrors: Array.from({ length: ERRORS_PER_ACCOUNT }, (_, e) => ({
      accountId, region: REGION, code: 'AccessDenied', operation: `ec2:Describe${e}`, message: `denied ${e}`,
    })),
  } as ScanRun;
}

beforeAll(async () => {
  audit = await startMoto({ MOTO_ACCOUNT_ID: AUDIT_ACCOUNT_ID });
  const clients = motoClients(audit);
  const resources = await provisionPipelineResources(clients, REGION, { senderEmail: 'audit@clinic.example' });
  env = loadPipelineEnv({
    ...localPipelineEnv({
      resources, region: REGION, auditEndpoint: audit.url, targetEndpoint: audit.url, targetAccounts: ACCOUNTS,
      officerEmails: ['officer@clinic.example'], organizationName: 'Fold Test',
    }),
    AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test',
  });
  await new S3WorkStore({ clients, region: REGION, bucket: resources.workBucket })
    .writeTargetList(RUN_ID, ACCOUNTS.map((accountId) => ({ accountId, units: [{ accountId, regions: [REGION], includeGlobal: true }] })));
  const stores = createDynamoStores({ clients, region: REGION, tableName: resources.tableName });
  // The last account never recorded its part: it must count as FAILED.
  for (const [i, accountId] of ACCOUNTS.slice(0, -1).entries()) await stores.findings.recordAccountRun(accountRun(accountId, i), []);
  clients.destroy();
}, 180_000);

afterAll(async () => {
  await audit?.stop();
});

describe('FinalizeRun folds account-run items into the run item', () => {
  it('sums counts, caps errors with a count of the rest, counts a missing account as failed, and is the same on a re-run', async () => {
    const first = await finalizeRun(env, { runId: RUN_ID, startedAt: STARTED_AT, executionId: 'exec-1' });
    const recorded = ACCOUNTS.length - 1;
    expect(first.status).toBe('PARTIAL');
    expect(first.counts).toMatchObject({ PASS: 2 * recorded, FAIL: recorded, ERROR: ERRORS_PER_ACCOUNT * recorded });

    const clients = motoClients(audit);
    const stores = createDynamoStores({ clients, region: REGION, tableName: env.TABLE_NAME });
    const run = await stores.findings.getRun(RUN_ID, true);
    expect(run?.accountIds).toEqual(ACCOUNTS);
    const errors = run?.collectionErrors ?? [];
    // 39 × 3 recorded errors + 1 unrecorded account = 118 > the cap: the first 99 in target order, then one line.
    const total = recorded * ERRORS_PER_ACCOUNT + 1;
    expect(total).toBeGreaterThan(RUN_ITEM_MAX_ERRORS);
    expect(errors).toHaveLength(RUN_ITEM_MAX_ERRORS);
    expect(errors[0]).toMatchObject({ accountId: ACCOUNTS[0], operation: 'ec2:Describe0' });
    expect(errors.at(-1)).toMatchObject({ code: 'MoreErrors', operation: 'pipeline:FinalizeRun' });
    expect(errors.at(-1)?.message).toContain(`${total - (RUN_ITEM_MAX_ERRORS - 1)} more collection error(s)`);
    expect(run?.finishedAt).toBe(`2026-03-01T00:${String(10 + recorded - 1).padStart(2, '0')}:00.000Z`);

    const again = await finalizeRun(env, { runId: RUN_ID, startedAt: STARTED_AT, executionId: 'exec-1' });
    expect(again).toEqual(first);
    expect((await stores.findings.getRun(RUN_ID, true))?.collectionErrors).toEqual(errors);
    clients.destroy();
  }, 120_000);
});
