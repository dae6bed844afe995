import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDynamoStores } from '../../lib/store/dynamodb/index.js';
import { motoClients } from '../support/moto.js';
import { HANDLER_OUTPUT_KEYS } from '../infra/definition-paths.js';
import { deployEmulated, harnessConfig, pipelineLostNothing, type EmulatedDeployment } from './deployment.js';
import { runWorkflow, type WorkflowRun } from './run-workflow.js';
import { HARNESS_REGION } from './synthesized-workflow.js';

// The state machine as synthesized for deployment, executed by an ASL interpreter whose Task states call
// the real handlers in functions/, against one moto holding the audit account and three member accounts.
const MEMBERS = ['210000000001', '210000000002', '210000000003'];
let deployment: EmulatedDeployment;
// Whole executions against moto: minutes when the machine's two cores are shared with other test files.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

beforeAll(async () => {
  deployment = await deployEmulated({ config: harnessConfig({ targets: { accounts: MEMBERS }, regions: ['us-east-1', 'us-west-2'] }), members: MEMBERS });
});

afterAll(async () => {
  await deployment?.stop();
});

function execute(options: { beforeInvoke?: Parameters<typeof runWorkflow>[0]['beforeInvoke'] } = {}): Promise<WorkflowRun> {
  return runWorkflow({
    definition: deployment.workflow.definition,
    handlerByArn: deployment.workflow.handlerByArn,
    handlers: deployment.handlers,
    input: deployment.workflow.scheduleInput,
    skipRetryWaits: true,
    s3: deployment.s3,
    ...options,
  });
}

function stores() {
  const clients = motoClients(deployment.moto);
  return { clients, ...createDynamoStores({ clients, region: HARNESS_REGION, tableName: deployment.tableName }) };
}

async function keysUnder(prefix: string): Promise<string[]> {
  const clients = motoClients(deployment.moto);
  try {
    const out = await clients.get(S3Client, HARNESS_REGION).send(new ListObjectsV2Command({ Bucket: deployment.bucket, Prefix: prefix }));
    return (out.Contents ?? []).map((o) => o.Key ?? '');
  } finally {
    clients.destroy();
  }
}

function runIdOf(run: WorkflowRun): string {
  const resolved = run.calls.find((c) => c.entry === 'resolve-targets.ts' && c.ok);
  const id = (resolved?.output as { runId?: string } | undefined)?.runId;
  if (!id) throw new Error('ResolveTargets never succeeded');
  return id;
}

describe('the synthesized state machine, executed', () => {
  it('starts from exactly what the schedule sends', () => {
    expect(deployment.workflow.scheduleInput).toEqual({});
  });

  it('completes a run: findings and transitions in DynamoDB, signed evidence in S3, final state Succeeded', async () => {
    const run = await execute();
    expect(run.error).toBeUndefined();
    expect(run.status).toBe('SUCCEEDED');
    const runId = runIdOf(run);
    // The synth-level data-flow test relies on this table of what each handler returns.
    for (const call of run.calls) {
      expect(Object.keys(call.output as Record<string, unknown>).sort()).toEqual([...(HANDLER_OUTPUT_KEYS[call.entry] ?? [])].sort());
    }
    const { clients, findings } = stores();
    try {
      const stored = await findings.getRun(runId);
      expect(stored?.collectionErrors.filter((e) => e.operation.startsWith('pipeline:'))).toEqual([]);
      expect(pipelineLostNothing(stored)).toBe(true);
      expect(stored?.accountIds).toEqual(MEMBERS);
      for (const accountId of MEMBERS) {
        const keys = await keysUnder(`evidence/${accountId}/`);
        expect(keys.some((k) => k.endsWith(`/${runId}/manifest.json`))).toBe(true);
        expect(keys.some((k) => k.endsWith(`/${runId}/manifest.sig`))).toBe(true);
        expect(keys.some((k) => k.includes('/chain/') && k.endsWith(`__${runId}.json`))).toBe(true);
        const open = await findings.currentFindings({ accountId, statuses: ['FAIL'] });
        expect(open.length).toBeGreaterThan(0);
      }
      const transitions = await findings.transitionsSince('1970-01-01T00:00:00.000Z');
      expect(transitions.filter((t) => t.runId === runId && t.kind === 'NEW').length).toBeGreaterThan(0);
      // The digest's trend reads each account's open failures by severity from the run item.
      const trend = (await findings.runOpenCounts({ from: '1970-01-01', to: '9999-12-31' })).find((r) => r.id === runId);
      expect(Object.keys(trend?.openCountsByAccount ?? {}).sort()).toEqual([...MEMBERS].sort());
      const bySeverity = Object.values(trend?.openCountsByAccount ?? {}).map((c) => c.critical + c.high + c.medium + c.low);
      expect(bySeverity.every((n) => n > 0)).toBe(true);
      expect(bySeverity.reduce((a, n) => a + n, 0)).toBe(stored?.counts.FAIL);
    } finally {
      clients.destroy();
    }
  });

  it('records a run PARTIAL when one member role cannot be assumed, and keeps the other accounts', async () => {
    deployment.proxy.denied.add(MEMBERS[1]!);
    try {
      const run = await execute();
      expect(run.status).toBe('SUCCEEDED');
      const runId = runIdOf(run);
      const { clients, findings } = stores();
      try {
        const stored = await findings.getRun(runId);
        expect(stored?.status).toBe('PARTIAL');
        expect(stored?.collectionErrors).toContainEqual(expect.objectContaining({ accountId: MEMBERS[1] }));
        expect(await keysUnder(`evidence/${MEMBERS[1]}/${runId}/`)).toEqual([]);
        for (const accountId of [MEMBERS[0]!, MEMBERS[2]!]) {
          expect((await keysUnder(`evidence/${accountId}/${runId}/`)).length).toBeGreaterThan(0);
        }
        // Nothing of the unreadable account was resolved or marked gone.
        const transitions = await findings.transitionsSince('1970-01-01T00:00:00.000Z', { accountId: MEMBERS[1]! });
        expect(transitions.filter((t) => t.runId === runId)).toEqual([]);
      } finally {
        clients.destroy();
      }
    } finally {
      deployment.proxy.denied.clear();
    }
  });

  it('ends in the Fail state when every account fails', async () => {
    for (const m of MEMBERS) deployment.proxy.denied.add(m);
    try {
      const run = await execute();
      expect(run.status).toBe('FAILED');
      expect(run.error?.Error).toBe('RunFailed');
      const failState = run.events.find((e) => e.type === 'StateEntered' && e.state.type === 'Fail');
      expect(failState).toBeDefined();
    } finally {
      deployment.proxy.denied.clear();
    }
  });

  it('retries a task that fails once with a retryable error, as the definition says', async () => {
    let thrown = 0;
    const run = await execute({
      beforeInvoke: ({ entry, attempt }) => {
        if (entry === 'scan-target.ts' && attempt === 1) {
          thrown += 1;
          throw Object.assign(new Error('Rate exceeded'), { name: 'Lambda.TooManyRequestsException' });
        }
      },
    });
    expect(run.status).toBe('SUCCEEDED');
    expect(thrown).toBeGreaterThan(0);
    const retried = [...run.events, ...run.childEvents.flat()].filter((e) => e.type === 'StateRetried');
    expect(retried.length).toBe(thrown);
    expect(retried.every((e) => e.type === 'StateRetried' && e.state.name === 'ScanTarget')).toBe(true);
    const { clients, findings } = stores();
    try {
      expect(pipelineLostNothing(await findings.getRun(runIdOf(run)))).toBe(true);
    } finally {
      clients.destroy();
    }
  });
});
